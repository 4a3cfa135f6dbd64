package org.paper2code.emit.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import org.paper2code.emit.onnx.proto.OnnxProto.GraphProto;
import org.paper2code.emit.onnx.proto.OnnxProto.ModelProto;
import org.paper2code.emit.onnx.proto.OnnxProto.ValueInfoProto;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Shape;

/**
 * The strongest check that a graph means what we think: export it to ONNX, run it in ONNX
 * Runtime (inside the JVM) on seeded random input of the input shapes, and compare every
 * layer's output shape with our inference. The run has batch 1, and free input dimensions
 * are fixed to {@value #FREE_DIM} before export (a Dense layer needs its width), so every
 * shape ONNX Runtime reports must equal our inference for those inputs exactly, and our
 * shapes for the graph as written where they fix a dimension.
 * Every layer's tensor is made a graph output for the run, so intermediate shapes are
 * ONNX Runtime's own. One ONNX Runtime environment serves the whole process.
 */
public final class OnnxVerifier {
    /** Size given to free dimensions (-1) of the inputs. */
    public static final int FREE_DIM = 8;
    private static final long INPUT_SEED = 7;

    /** Outcome for one layer. */
    public enum Status { OK, MISMATCH, SKIPPED, NOT_RUN }

    /**
     * @param onnx ONNX Runtime's shape without dimension 0 (the batch, or the box count after RoI pooling); null if not run
     */
    public record LayerCheck(String layer, String type, Shape ours, long[] onnx, Status status, String note) {
        public String onnxText() {
            if (onnx == null) {
                return "-";
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < onnx.length; i++) {
                b.append(i == 0 ? "" : "x").append(onnx[i]);
            }
            return b.toString();
        }
    }

    /** Milliseconds per phase: build the model, serialise it, create the ONNX Runtime session, run it. */
    public record Timings(long build, long serialise, long session, long run) {
        public long exportMillis() {
            return build + serialise;
        }

        public long runtimeMillis() {
            return session + run;
        }
    }

    /**
     * @param error why the model did not run (null when it ran)
     */
    public record Report(List<LayerCheck> layers, ParameterCount parameters, int modelBytes, String error, Timings timings) {
        public boolean ok() {
            return error == null && layers.stream().noneMatch(l -> l.status() == Status.MISMATCH || l.status() == Status.NOT_RUN);
        }

        public List<LayerCheck> mismatches() {
            return layers.stream().filter(l -> l.status() == Status.MISMATCH).toList();
        }
    }

    private final OnnxExporter exporter;

    public OnnxVerifier() {
        this(new OnnxExporter());
    }

    public OnnxVerifier(OnnxExporter exporter) {
        this.exporter = exporter;
    }

    /** The shared ONNX Runtime environment, logging errors only. */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "paper2code");
    }

    /**
     * Exports and runs the graph.
     * @throws org.paper2code.graph.GraphException when the graph is invalid or a layer cannot be exported
     */
    public Report verify(Graph graph) {
        Map<String, Shape> ours = new GraphValidator().check(graph);
        long t0 = System.nanoTime();
        OnnxExporter.Export export = exporter.export(withFixedInputs(graph));
        long t1 = System.nanoTime();
        Map<String, long[]> shapes = new HashMap<>();
        String error = null;
        long[] times = {t0, t1, 0, 0, 0};
        Path file = null;
        try {
            // Streamed to a file rather than copied into a second byte[]: VGG-16's weights alone are 550 MB.
            file = Files.createTempFile("paper2code-verify", ".onnx");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                withAllOutputs(export).writeTo(out);
            }
            times[2] = System.nanoTime();
            shapes = run(export, file, times);
        } catch (OrtException e) {
            error = "ONNX Runtime: " + e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model for ONNX Runtime to " + file, e);
        } finally {
            deleteQuietly(file);
        }
        times[4] = System.nanoTime();
        if (times[3] == 0) {
            times[3] = times[4];
        }
        List<LayerCheck> checks = new ArrayList<>();
        for (Layer l : export.order()) {
            Shape mine = ours.get(l.name());
            String skipped = export.skipped().get(l.name());
            if (skipped != null) {
                checks.add(new LayerCheck(l.name(), l.type(), mine, null, Status.SKIPPED, skipped));
                continue;
            }
            long[] full = shapes.get(export.tensors().get(l.name()));
            if (full == null) {
                checks.add(new LayerCheck(l.name(), l.type(), mine, null, Status.NOT_RUN, error == null ? "no output from ONNX Runtime" : null));
                continue;
            }
            long[] dims = Arrays.copyOfRange(full, 1, full.length);
            Shape fixed = export.shapes().get(l.name());
            boolean ok = matches(mine, dims) && matches(fixed, dims);
            checks.add(new LayerCheck(l.name(), l.type(), mine, dims, ok ? Status.OK : Status.MISMATCH,
                    ok || fixed.equals(mine) ? null : "with free input dimensions set to " + FREE_DIM + " we infer " + fixed));
        }
        return new Report(checks, export.parameters(), export.model().getSerializedSize(), error, new Timings(
                (times[1] - times[0]) / 1_000_000, (times[2] - times[1]) / 1_000_000, (times[3] - times[2]) / 1_000_000,
                (times[4] - times[3]) / 1_000_000));
    }

    /** The graph with every free dimension of its Input layers set to {@link #FREE_DIM}. */
    static Graph withFixedInputs(Graph graph) {
        List<Layer> layers = new ArrayList<>();
        for (Layer l : graph.layers()) {
            Object shape = l.param("output_shape");
            if (l.type().equals("Input") && shape instanceof List<?> dims
                    && dims.stream().anyMatch(d -> ((Number) d).intValue() == Shape.UNKNOWN)) {
                l = l.withParam("output_shape", dims.stream().map(d -> ((Number) d).intValue() == Shape.UNKNOWN ? FREE_DIM : d).toList());
            }
            layers.add(l);
        }
        return graph.withLayers(layers);
    }

    /** Same rank, and every dimension we fix equals ONNX Runtime's; our free dimensions match anything. */
    static boolean matches(Shape ours, long[] onnx) {
        if (ours.rank() != onnx.length) {
            return false;
        }
        for (int i = 0; i < onnx.length; i++) {
            if (ours.dim(i) != Shape.UNKNOWN && ours.dim(i) != onnx[i]) {
                return false;
            }
        }
        return true;
    }

    /** The exported model with every layer's tensor (inputs aside) as a graph output, shapes left to the runtime. */
    static ModelProto withAllOutputs(OnnxExporter.Export export) {
        GraphProto g = export.model().getGraph();
        Set<String> present = new HashSet<>();
        g.getOutputList().forEach(o -> present.add(o.getName()));
        g.getInputList().forEach(i -> present.add(i.getName()));
        GraphProto.Builder gb = g.toBuilder();
        for (String t : export.tensors().values()) {
            if (present.add(t)) {
                gb.addOutput(OnnxExporter.valueInfo(t, export.intInputs().contains(t), null));
            }
        }
        return export.model().toBuilder().setGraph(gb).build();
    }

    /** Runs the model; stores the time the session was ready in {@code times[3]}. */
    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp folder
            }
        }
    }

    private static Map<String, long[]> run(OnnxExporter.Export export, Path model, long[] times) throws OrtException {
        OrtEnvironment env = environment();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
            opts.setIntraOpNumThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
            try (OrtSession session = env.createSession(model.toString(), opts)) {
                times[3] = System.nanoTime();
                Map<String, OnnxTensor> inputs = inputs(env, export, session.getInputNames());
                try (OrtSession.Result result = session.run(inputs)) {
                    for (Map.Entry<String, OnnxValue> e : result) {
                        if (e.getValue() instanceof OnnxTensor t) {
                            shapes.put(e.getKey(), t.getInfo().getShape());
                        }
                    }
                } finally {
                    inputs.values().forEach(OnnxTensor::close);
                }
            }
        }
        for (ValueInfoProto in : export.model().getGraph().getInputList()) {
            shapes.put(in.getName(), inputShape(export.shapes().get(in.getName())));
        }
        return shapes;
    }

    private static long[] inputShape(Shape s) {
        long[] dims = new long[s.rank() + 1];
        dims[0] = 1;
        for (int i = 0; i < s.rank(); i++) {
            dims[i + 1] = s.dim(i) == Shape.UNKNOWN ? FREE_DIM : s.dim(i);
        }
        return dims;
    }

    /**
     * Seeded uniform [0, 1) floats for data; zeros for token ids (a valid id) and for RoI boxes
     * (batch index 0, a one-pixel box), which must point inside the batch.
     */
    private static Map<String, OnnxTensor> inputs(OrtEnvironment env, OnnxExporter.Export export, Set<String> names) throws OrtException {
        Set<String> boxes = new HashSet<>();
        for (Layer l : export.order()) {
            if (l.type().equals("RoIPooling") && l.from().size() > 1) {
                boxes.add(l.from().get(1));
            }
        }
        Map<String, OnnxTensor> out = new LinkedHashMap<>();
        SplittableRandom r = new SplittableRandom(INPUT_SEED);
        for (String name : names) {
            long[] shape = inputShape(export.shapes().get(name));
            int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            if (export.intInputs().contains(name)) {
                out.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n]), shape));
            } else {
                float[] data = new float[n];
                if (!boxes.contains(name)) {
                    for (int i = 0; i < n; i++) {
                        data[i] = (float) r.nextDouble();
                    }
                }
                out.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape));
            }
        }
        return out;
    }
}
