package org.paper2code.emit.caffe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.Emitter;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

/**
 * Writes a graph as a Caffe net prototxt ({@value #NET_FILE}), built as a caffe.proto
 * NetParameter and printed by protobuf's TextFormat, so every name is an escaped string and
 * cannot inject structure. Input layers get batch size 1 (or the training block's batch_size).
 * With a training block, {@value #SOLVER_FILE} follows (see {@link CaffeSolverWriter}).
 * Layer types Caffe cannot express raise {@link CaffeEmitException} naming the layer.
 */
public final class CaffeEmitter implements Emitter {
    public static final String NET_FILE = "net.prototxt";
    public static final String SOLVER_FILE = "solver.prototxt";

    private final String netFile;

    public CaffeEmitter() {
        this(NET_FILE);
    }

    /** @param netFile the net's file name, as the solver's {@code net:} names it (the batch pipeline numbers its nets) */
    public CaffeEmitter(String netFile) {
        this.netFile = netFile;
    }

    @Override
    public String target() {
        return "caffe";
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        Map<String, Shape> shapes = new GraphValidator().check(graph);
        boolean training = graph.training() != null && !graph.training().isEmpty();
        int batch = training ? graph.training().number("batch_size").map(Double::intValue).filter(b -> b > 0).orElse(1) : 1;
        CaffeNetWriter net = new CaffeNetWriter(graph, shapes, batch);
        String netText = CaffeText.print(net.write());
        List<Artifact> out = new ArrayList<>();
        out.add(new Artifact(netFile, header("Caffe net", net.notes()) + netText));
        if (training) {
            CaffeSolverWriter solver = new CaffeSolverWriter(graph.training());
            Shape input = graph.inputs().stream().filter(l -> l.type().equals("Input")).map(Layer::name)
                    .map(shapes::get).findFirst().orElse(null);
            String solverText = CaffeText.print(solver.write(netFile, input));
            out.add(new Artifact(SOLVER_FILE, header("Caffe solver", solver.notes()) + solverText));
        }
        return out;
    }

    private static String header(String what, List<String> notes) {
        StringBuilder b = new StringBuilder("# " + what + " written by paper2code\n");
        notes.forEach(n -> b.append("# NOTE: ").append(n).append('\n'));
        return b.toString();
    }
}
