package org.paper2code.emit.caffe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.paper2code.graph.Graph;

/** The real prototxt files: a few bundled under test resources, all of them in ../shared. */
final class CaffeCorpus {
    static final Path BUNDLED = Path.of(System.getProperty("user.dir"), "src/test/resources/corpus-real/prototxt");
    static final Path SHARED = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus-real/prototxt").normalize();

    private CaffeCorpus() {
    }

    static List<Path> bundled() throws IOException {
        return list(BUNDLED);
    }

    /** Every shared prototxt; skips the calling test when ../shared is absent. */
    static List<Path> shared() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "../shared/corpus-real/prototxt is absent (" + SHARED + "): skipped");
        return list(SHARED);
    }

    /** One file, bundled if possible, else from ../shared (skipping when absent). */
    static Path file(String name) {
        Path p = BUNDLED.resolve(name);
        if (Files.isRegularFile(p)) {
            return p;
        }
        Path s = SHARED.resolve(name);
        assumeTrue(Files.isRegularFile(s), s + " is absent (../shared not mounted): skipped");
        return s;
    }

    static Graph read(Path p) throws IOException {
        return new CaffeImporter().read(Files.readString(p), p.getFileName().toString());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".prototxt")).sorted().toList();
        }
    }
}
