package org.paper2code.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-input output folders of pdf, tables and convert: input file names never lead out of the output folder. */
class SubfoldersTest {
    @Test
    void stemsAreSafeAndNumberedWhenShared() {
        Subfolders s = new Subfolders();
        assertEquals("paper", s.next(Path.of("a/paper.pdf")));
        assertEquals("paper-2", s.next(Path.of("b/paper.pdf")));
        assertEquals("_..", s.next(Path.of("...pdf")), "'..' would name the output folder's parent");
        assertEquals("_.", s.next(Path.of("..pdf")));
        assertEquals("a_b_c_", s.next(Path.of("a b;c'.pdf")));
    }

    @Test
    void aPaperNamedDotDotStaysInside(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path evil = Files.copy(Path.of("corpus/papers/paper000.pdf"), in.resolve("...pdf"));
        Path good = Files.copy(Path.of("corpus/papers/paper001.pdf"), in.resolve("good.pdf"));
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("pdf", evil.toString(), good.toString(), "-o", out.toString(), "--overlay-dpi", "0");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(out.resolve("_../paper.json")), "the paper named '...pdf' is written to out/_..");
        assertTrue(Files.exists(out.resolve("good/paper.json")));
        try (Stream<Path> top = Files.list(tmp)) {
            assertEquals(List.of("in", "out"), top.map(p -> p.getFileName().toString()).sorted().toList(), "nothing beside out");
        }
    }
}
