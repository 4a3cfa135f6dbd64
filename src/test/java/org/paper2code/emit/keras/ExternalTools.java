package org.paper2code.emit.keras;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs python3 / node for the checks; a missing tool fails unless P2C_ALLOW_MISSING_TOOLS=1 (then the test skips). */
public final class ExternalTools {
    static final String PYTHON = "/usr/bin/python3";
    static final Path NODE_DIR = Path.of("scripts/node");

    private ExternalTools() {
    }

    record Result(int exit, String out) {
    }

    public static void require(boolean present, String what) {
        if (!present) {
            String msg = what + " is missing (scripts/setup installs it)";
            if ("1".equals(System.getenv("P2C_ALLOW_MISSING_TOOLS"))) {
                Assumptions.assumeTrue(false, msg + ": skipped because P2C_ALLOW_MISSING_TOOLS=1");
            }
            fail(msg);
        }
    }

    static void requirePython() {
        require(Files.isExecutable(Path.of(PYTHON)), PYTHON);
    }

    static void requireTfjs() {
        require(onPath("node"), "node");
        require(Files.isDirectory(NODE_DIR.resolve("node_modules/@tensorflow/tfjs")),
                "@tensorflow/tfjs in scripts/node/node_modules (run npm install there)");
    }

    private static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** py_compile a source; returns the compiler's message on failure. */
    static Result pyCompile(Path file) throws IOException, InterruptedException {
        return run(List.of(PYTHON, "-m", "py_compile", file.toString()));
    }

    /** Loads the files in one tfjs run; the check's JSON line per file (tfjs prints a banner first, skipped). */
    static java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> tfjsLoad(List<Path> files)
            throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("node", NODE_DIR.resolve("check-keras-json.mjs").toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Result r = run(cmd);
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> out = new java.util.HashMap<>();
        for (String line : r.out().split("\n")) {
            if (line.startsWith("{\"file\"")) {
                com.fasterxml.jackson.databind.JsonNode n = org.paper2code.graph.GraphJson.MAPPER.readTree(line);
                out.put(n.get("file").asText(), n);
            }
        }
        if (out.size() != files.size()) {
            fail("the tfjs check printed " + out.size() + " results for " + files.size() + " files:\n" + r.out());
        }
        return out;
    }
}
