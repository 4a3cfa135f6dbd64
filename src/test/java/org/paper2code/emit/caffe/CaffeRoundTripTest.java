package org.paper2code.emit.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.TextFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.caffe.proto.CaffeProto.NetParameter;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

/** Real prototxt -> graph -> Caffe -> graph gives the same graph, and the emitted text is valid caffe.proto text. */
class CaffeRoundTripTest {

    static List<Path> bundled() throws Exception {
        return CaffeCorpus.bundled();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void bundledFileRoundTrips(Path file) throws Exception {
        assertRoundTrip(file);
    }

    @Test
    void bundledCopiesArePresent() throws Exception {
        assertEquals(5, bundled().size(), "bundled prototxt files: " + bundled());
    }

    @Test
    void everySharedPrototxtRoundTrips() throws Exception {
        List<Path> files = CaffeCorpus.shared();
        assertTrue(files.size() >= 20, "expected the 23 real prototxt files, found " + files.size());
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try {
                assertRoundTrip(f);
            } catch (AssertionError | RuntimeException e) {
                failures.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + files.size() + " do not round-trip");
    }

    static void assertRoundTrip(Path file) throws Exception {
        Graph g = CaffeCorpus.read(file);
        Map<String, Shape> shapes = new GraphValidator().check(g);
        assertEquals(g.layers().size(), shapes.size());

        List<Artifact> out = new CaffeEmitter().emit(g);
        assertEquals(CaffeEmitter.NET_FILE, out.get(0).fileName());
        assertEquals(1, out.size(), "no training block, so no solver");
        String text = out.get(0).content();

        // the emitted file parses against the real caffe.proto with protobuf's own parser
        NetParameter.Builder parsed = NetParameter.newBuilder();
        TextFormat.merge(text, parsed);
        assertFalse(parsed.getLayerList().isEmpty());
        assertTrue(parsed.getLayerList().stream().allMatch(l -> !l.getType().isEmpty()));

        Graph back = new CaffeImporter().read(text, CaffeEmitter.NET_FILE);
        assertEquals(g.name(), back.name(), file + ": net name");
        assertEquals(names(g), names(back), file + ": layer names in order");
        for (Layer l : g.layers()) {
            Layer r = back.layer(l.name()).orElseThrow();
            assertEquals(l.type(), r.type(), l.name() + ": type");
            assertEquals(l.params(), r.params(), l.name() + ": params");
            assertEquals(l.from(), r.from(), l.name() + ": edges");
        }
        assertEquals(g.layers(), back.layers());
        assertEquals(shapes, new GraphValidator().check(back));
    }

    private static List<String> names(Graph g) {
        return g.layers().stream().map(Layer::name).toList();
    }
}
