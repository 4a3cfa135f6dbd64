package org.paper2code.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Emitter;
import org.paper2code.emit.Formats;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.GraphValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convert IN... --to TARGET [-o OUT]}: model definitions or graph documents to code, graphs or MEX. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts graph documents (paper2code-graph/1), Caffe prototxt or Keras model JSON",
                "into Keras, Caffe, PyTorch, ONNX, MEX or a graph document. Inputs are validated first."})
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IN", description = "input files")
    List<Path> inputs;

    @Option(names = "--to", required = true, split = ",", paramLabel = "TARGET",
            description = {"graph, keras, keras-json, caffe, pytorch, onnx, mex (Turtle), mex-jsonld, dot (Graphviz), or all;",
                    "several separated by commas (then -o is required)"})
    List<String> targets;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = {"output folder (one subfolder per input when there are several), or, for one input and one target,",
                    "a file named like the target's main file (e.g. model.onnx, model.py); without it the main file is printed"})
    Path output;

    @Option(names = "--base-iri", paramLabel = "IRI", description = "namespace for MEX resources (default ${DEFAULT-VALUE})")
    String baseIri = EmitOptions.DEFAULT_BASE_IRI;

    @Option(names = "--json", description = "print a machine-readable summary instead of file contents")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Emitter> emitters = new ArrayList<>();
        try {
            List<String> names = targets.contains("all") ? Formats.targets() : targets;
            for (String t : names) {
                emitters.add(Formats.emitter(t, new EmitOptions(baseIri, null)));
            }
        } catch (IllegalArgumentException e) {
            err.println("paper2code convert: " + e.getMessage());
            return Main.USAGE;
        }
        if (emitters.size() > 1 && output == null) {
            err.println("paper2code convert: several targets need an output folder (-o OUT)");
            return Main.USAGE;
        }
        OutputFolder folder = output == null || writesOneFile(emitters) ? null : new OutputFolder(output);
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        Subfolders subfolders = new Subfolders();
        int failed = 0;
        for (Path in : inputs) {
            ObjectNode r = results.addObject().put("file", in.toString());
            try {
                Graph graph = load(in);
                String folderName = subfolders.next(in);
                List<Artifact> artifacts = new ArrayList<>();
                for (Emitter emitter : emitters) {
                    artifacts.addAll(emitter.emit(graph));
                }
                if (artifacts.stream().map(Artifact::fileName).distinct().count() < artifacts.size()) {
                    throw new IllegalStateException("targets " + targets + " write files of the same name");
                }
                if (output == null && !json && artifacts.get(0).isBinary()) {
                    err.println("paper2code convert: " + in + ": " + artifacts.get(0).fileName()
                            + " is a binary file and is not printed; give -o FILE or -o FOLDER");
                    return Main.USAGE;
                }
                List<String> written = new ArrayList<>();
                if (folder == null && output != null) {
                    if (artifacts.size() > 1) {
                        throw new IllegalStateException("target " + targets + " writes " + artifacts.size()
                                + " files; -o must name a folder");
                    }
                    written.add(singleFile(output).write(output.getFileName().toString(), artifacts.get(0).data()).toString());
                }
                for (Artifact a : artifacts) {
                    if (folder != null) {
                        String rel = inputs.size() > 1 || emitters.size() > 1 ? folderName + "/" + a.fileName() : a.fileName();
                        written.add(folder.write(rel, a.data()).toString());
                    }
                }
                r.put("ok", true);
                ArrayNode files = r.putArray("artifacts");
                for (int i = 0; i < artifacts.size(); i++) {
                    ObjectNode f = files.addObject().put("name", artifacts.get(i).fileName());
                    if (output != null) {
                        f.put("path", written.get(i));
                    } else if (json && artifacts.get(i).isBinary()) {
                        f.put("bytes", artifacts.get(i).bytes().length);
                    } else if (json) {
                        f.put("content", artifacts.get(i).content());
                    }
                }
                if (!json && output == null) {
                    out.print(artifacts.get(0).content());
                    out.flush();
                } else if (!json) {
                    written.forEach(w -> err.println("wrote " + w));
                }
            } catch (IOException | RuntimeException e) {
                failed++;
                String msg = in + ": " + message(e);
                r.put("ok", false).put("error", msg);
                err.println("paper2code convert: " + msg);
            }
        }
        if (json) {
            out.println(GraphJson.MAPPER.writeValueAsString(results));
            out.flush();
        }
        if (failed == 0) {
            return Main.OK;
        }
        return inputs.size() == 1 ? Main.USAGE : Main.SOME_FAILED;
    }

    /**
     * {@code -o model.onnx}: one input and one target whose file has the extension OUT has (and
     * OUT is not a folder) write that file itself; otherwise OUT is a folder.
     */
    private boolean writesOneFile(List<Emitter> emitters) {
        if (output == null || inputs.size() != 1 || emitters.size() != 1 || Files.isDirectory(output)) {
            return false;
        }
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : null;
        return ext != null && MAIN_FILE_EXTENSIONS.getOrDefault(emitters.get(0).target(), "").equals(ext);
    }

    /** Extension of each target's main file, for {@code -o FILE}. */
    private static final java.util.Map<String, String> MAIN_FILE_EXTENSIONS = java.util.Map.of(
            "onnx", ".onnx", "graph", ".json", "keras-json", ".json", "pytorch", ".py", "keras", ".py",
            "caffe", ".prototxt", "mex", ".ttl", "mex-jsonld", ".jsonld");

    private static OutputFolder singleFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return new OutputFolder(parent);
    }

    static Graph load(Path in) throws IOException {
        String text = readText(in);
        Graph g = Formats.read(text, in.getFileName().toString());
        if (g.source() == null) {
            g = g.withSource(GraphSource.ofFile(in.getFileName().toString()));
        }
        new GraphValidator().check(g);
        return g;
    }

    static String readText(Path in) throws IOException {
        if (Files.isDirectory(in)) {
            throw new IOException("is a folder, not a file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(in))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text (a binary file?)");
        }
    }

    static String message(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
