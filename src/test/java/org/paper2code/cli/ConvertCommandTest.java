package org.paper2code.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.graph.GraphJson;

class ConvertCommandTest {
    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static final String LENET = "src/test/resources/graphs/lenet5.json";

    @Test
    void convertsAGraphDocumentToItself() throws IOException {
        CliRunner.Result r = CliRunner.run("convert", LENET, "--to", "graph");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(GraphJson.read(Files.readString(Path.of(LENET))).layers(), GraphJson.read(r.out()).layers());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"convert", "--help"}}) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(0, r.exitCode());
            assertTrue(r.out().contains("Usage: paper2code"), r.out());
        }
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, CliRunner.run().exitCode());
        assertEquals(2, CliRunner.run("convert", LENET).exitCode(), "--to is required");
        CliRunner.Result r = CliRunner.run("convert", LENET, "--to", "fortran");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown target 'fortran'"), r.err());
    }

    @Test
    void truncatedJsonGivesOneLocatedErrorAndExit2() throws IOException {
        String full = Files.readString(Path.of(LENET));
        Path bad = write("truncated.json", full.substring(0, full.length() / 2));
        CliRunner.Result r = CliRunner.run("convert", bad.toString(), "--to", "graph");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("truncated.json: malformed JSON at line "), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one clear message: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void cycleAndUnknownTypeAreNamed() throws IOException {
        Path cycle = write("cycle.json", "{\"layers\":[{\"layer_type\":\"Input\",\"layer_name\":\"x\",\"layer_params\":{\"output_shape\":[4]}},"
                + "{\"layer_type\":\"Dense\",\"layer_name\":\"a\",\"layer_params\":{\"units\":4},\"from_layers\":[\"x\",\"b\"]},"
                + "{\"layer_type\":\"Dense\",\"layer_name\":\"b\",\"layer_params\":{\"units\":4},\"from_layers\":[\"a\"]}]}");
        CliRunner.Result r = CliRunner.run("convert", cycle.toString(), "--to", "graph");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("cycle.json: invalid graph:") && r.err().contains("cycle through layers [a, b]"), r.err());

        Path unknown = write("unknown.json", "{\"layers\":[{\"layer_type\":\"Input\",\"layer_name\":\"x\",\"layer_params\":{\"output_shape\":[4]}},"
                + "{\"layer_type\":\"Capsule\",\"layer_name\":\"caps\",\"from_layers\":[\"x\"]}]}");
        r = CliRunner.run("convert", unknown.toString(), "--to", "graph");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("layer 'caps': unknown layer type 'Capsule'"), r.err());
    }

    @Test
    void batchGoesOnAfterAFailureAndExits1() throws IOException {
        Path bad = write("bad.json", "{");
        Path missing = tmp.resolve("missing.json");
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("convert", LENET, bad.toString(), missing.toString(), "--to", "graph", "-o", out.toString(), "--json");
        assertEquals(1, r.exitCode());
        var results = GraphJson.MAPPER.readTree(r.out());
        assertTrue(results.get(0).get("ok").asBoolean());
        assertFalse(results.get(1).get("ok").asBoolean());
        assertTrue(results.get(2).get("error").asText().endsWith("missing.json: no such file"), results.toString());
        assertTrue(Files.exists(out.resolve("lenet5/graph.json")));
        assertTrue(Files.isReadable(out.resolve("lenet5/graph.json")));
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out.resolve("lenet5/graph.json"))), "outputs are not owner-only");
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(1, files.filter(Files::isRegularFile).count(), "nothing written for failed inputs, no temp files left");
        }
    }

    @Test
    void sameFileNameFromTwoFoldersDoesNotOverwrite() throws IOException {
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        Path a = Files.copy(Path.of(LENET), tmp.resolve("a/model.json"));
        Path b = Files.copy(Path.of(LENET), tmp.resolve("b/model.json"));
        Path out = tmp.resolve("out");
        assertEquals(0, CliRunner.run("convert", a.toString(), b.toString(), "--to", "graph", "-o", out.toString()).exitCode());
        assertTrue(Files.exists(out.resolve("model/graph.json")));
        assertTrue(Files.exists(out.resolve("model-2/graph.json")));
    }

    @Test
    void binaryInputIsRejectedClearly() throws IOException {
        Path bin = tmp.resolve("weights.caffemodel");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
        CliRunner.Result r = CliRunner.run("convert", bin.toString(), "--to", "graph");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("weights.caffemodel: not UTF-8 text"), r.err());
    }

    @Test
    void outputFolderRefusesEscapes() throws IOException {
        OutputFolder folder = new OutputFolder(tmp.resolve("o"));
        for (String evil : new String[] {"../x", "/etc/passwd", "a/../../x", ""}) {
            try {
                folder.write(evil, "x");
                throw new AssertionError("wrote " + evil);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("refusing to write outside"));
            }
        }
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
