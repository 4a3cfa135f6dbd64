package org.paper2code.synth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphValidator;

/** Classic architectures hand-written as graph documents under {@code resources/org/paper2code/synth/real/}. */
public final class RealModels {
    public static final List<String> NAMES = List.of("lenet-5", "alexnet", "vgg-16", "resnet-18");

    private RealModels() {
    }

    public static Graph load(String name) {
        try (InputStream in = RealModels.class.getResourceAsStream("real/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped model '" + name + "' (one of " + NAMES + ")");
            }
            Graph g = GraphJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            new GraphValidator().check(g);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shipped model that the style can draw (deck styles need a plain chain). */
    static Graph pick(Random r, DiagramStyle style) {
        List<String> names = style == DiagramStyle.BOX_2D ? NAMES : List.of("lenet-5", "alexnet", "vgg-16");
        return load(Pick.one(r, names));
    }
}
