package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.paper2code.graph.GraphJson;

/**
 * Debian's python3-onnx checker, {@code onnx.checker.check_model(model, full_check=True)}, in
 * one Python process that reads model paths line by line. Models are written one at a time
 * and checked while the next one is exported (at most two files exist at once: the
 * exported models of the corpus are gigabytes together). When /usr/bin/python3 with onnx is
 * missing the test fails with a clear message, or is skipped when P2C_ALLOW_MISSING_TOOLS=1.
 */
final class OnnxChecker implements AutoCloseable {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SERVER = """
            import json
            import sys
            import onnx

            for line in sys.stdin:
                path = line.rstrip("\\n")
                try:
                    # the serialised model as it is on disk (check_model takes bytes; no parse and re-serialise)
                    with open(path, "rb") as f:
                        onnx.checker.check_model(f.read(), full_check=True)
                    result = {"ok": True}
                except Exception as e:
                    result = {"ok": False, "error": type(e).__name__ + ": " + str(e)}
                print(json.dumps(result), flush=True)
            """;

    private final Path dir;
    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private final Deque<String[]> pending = new ArrayDeque<>();  // {label, path}
    private final Map<String, JsonNode> results = new LinkedHashMap<>();
    private int count;

    private OnnxChecker(Path dir) throws IOException {
        this.dir = dir;
        Path script = dir.resolve("check_models.py");
        Files.writeString(script, SERVER);
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), script.toString()).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        process = pb.start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the checker in {@code dir}, or fails / skips the test when python3-onnx is missing. */
    static OnnxChecker start(Path dir) throws IOException {
        requireOnnx();
        return new OnnxChecker(dir);
    }

    static void requireOnnx() {
        boolean ok = false;
        try {
            if (Files.isExecutable(PYTHON)) {
                Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import onnx.checker").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                ok = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
            }
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ok) {
            String msg = PYTHON + " with onnx is needed to check exported models (Debian: apt-get install python3-onnx;"
                    + " scripts/setup installs it)";
            Assumptions.assumeFalse("1".equals(System.getenv("P2C_ALLOW_MISSING_TOOLS")), msg + "; skipped because P2C_ALLOW_MISSING_TOOLS=1");
            fail(msg);
        }
    }

    /** Writes the model and hands it to the checker; collects the previous model's result first. */
    void submit(String label, byte[] model) throws IOException {
        while (pending.size() > 1) {
            collect();
        }
        Path file = dir.resolve("model-" + (count++) + ".onnx");
        Files.write(file, model);
        in.write(file + "\n");
        in.flush();
        pending.add(new String[] {label, file.toString()});
    }

    private void collect() throws IOException {
        String[] p = pending.poll();
        String line = out.readLine();
        if (line == null) {
            fail("the onnx checker process stopped:\n" + Files.readString(dir.resolve("stderr.txt")));
        }
        results.put(p[0], GraphJson.MAPPER.readTree(line));
        Files.deleteIfExists(Path.of(p[1]));
    }

    /** Waits for every submitted model; results by label ({"ok": true, ...} or {"ok": false, "error": ...}). */
    Map<String, JsonNode> results() throws IOException {
        while (!pending.isEmpty()) {
            collect();
        }
        return results;
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static List<String> failures(Map<String, JsonNode> results) {
        return results.entrySet().stream().filter(e -> !e.getValue().path("ok").asBoolean())
                .map(e -> e.getKey() + ": " + e.getValue().path("error").asText()).toList();
    }
}
