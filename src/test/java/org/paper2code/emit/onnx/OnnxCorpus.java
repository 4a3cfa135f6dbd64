package org.paper2code.emit.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.paper2code.emit.Formats;
import org.paper2code.graph.Graph;

/**
 * The models every ONNX test runs: real model definitions (bundled prototxt always, the
 * shared corpus when ../shared is there) and the graph fixtures. Each source is one line in
 * {@link #SOURCES}; files are read through {@link Formats#read}, so any format it detects works.
 */
final class OnnxCorpus {
    static final Path ROOT = Path.of(System.getProperty("user.dir"));
    static final Path SHARED = ROOT.resolve("../shared/corpus-real").normalize();

    /** A folder of model files with one extension; {@code shared} folders may be absent (then skipped). */
    record Source(String label, Path dir, String extension, boolean shared) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("bundled", ROOT.resolve("src/test/resources/corpus-real/prototxt"), ".prototxt", false),
            new Source("shared", SHARED.resolve("prototxt"), ".prototxt", true),
            new Source("fixture", ROOT.resolve("src/test/resources/graphs/pytorch"), ".json", false),
            new Source("fixture", ROOT.resolve("src/test/resources/graphs/onnx"), ".json", false),
            new Source("keras", ROOT.resolve("src/test/resources/corpus-real/keras"), ".json", false));

    /** One model file, labelled "source/file". */
    record Model(String label, Path file) {
        Graph graph() {
            try {
                return Formats.read(Files.readString(file), file.getFileName().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private OnnxCorpus() {
    }

    static boolean sharedPresent() {
        return Files.isDirectory(SHARED);
    }

    /** Every model of the sources that are present (shared ones are left out when ../shared is absent). */
    static List<Model> models() {
        List<Model> out = new ArrayList<>(models(false));
        out.addAll(models(true));
        return out;
    }

    /** The models of the bundled sources ({@code shared} false) or of the ../shared ones. */
    static List<Model> models(boolean shared) {
        List<Model> out = new ArrayList<>();
        for (Source s : SOURCES) {
            if (s.shared() != shared) {
                continue;
            }
            if (!Files.isDirectory(s.dir())) {
                assertTrue(s.shared(), "missing test folder " + s.dir());
                continue;
            }
            try (Stream<Path> files = Files.list(s.dir())) {
                files.filter(p -> p.getFileName().toString().endsWith(s.extension())).sorted()
                        .forEach(p -> out.add(new Model(s.label() + "/" + p.getFileName(), p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static Model model(String label) {
        return models().stream().filter(m -> m.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no model " + label));
    }
}
