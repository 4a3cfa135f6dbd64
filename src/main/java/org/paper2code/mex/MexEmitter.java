package org.paper2code.mex;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.paper2code.emit.Artifact;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Emitter;
import org.paper2code.emit.Formats;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Shape;

/**
 * Describes a graph document as a MEX experiment (mexcore/mexalgo 1.0.2 with ML-Schema and
 * PROV-O): experiment, configuration, algorithm (an artificial neural network), one
 * hyperparameter per layer parameter and per training setting, the layers themselves, and
 * the Keras, Caffe and PyTorch tools with their parameters. Writes Turtle ({@code mex}) or
 * JSON-LD 1.1 ({@code mex-jsonld}); equal graphs give byte-identical files.
 */
public final class MexEmitter implements Emitter {
    public enum Syntax { TURTLE, JSONLD }

    private final EmitOptions options;
    private final Syntax syntax;

    public MexEmitter(EmitOptions options, Syntax syntax) {
        this.options = options == null ? EmitOptions.defaults() : options;
        this.syntax = syntax;
        MexRecordBuilder.normaliseBase(this.options.baseIri());
    }

    @Override
    public String target() {
        return syntax == Syntax.TURTLE ? "mex" : "mex-jsonld";
    }

    /** The MEX record as a Jena model (what {@link #emit} serialises). */
    public Model model(Graph graph) {
        Map<String, Shape> shapes = new GraphValidator().check(graph);
        String fallback = options.modelName() != null && !options.modelName().isBlank() ? options.modelName() : "model";
        return new MexRecordBuilder(MexRecordBuilder.normaliseBase(options.baseIri()), fallback, t -> generatedFile(t, graph))
                .build(graph, shapes);
    }

    @Override
    public List<Artifact> emit(Graph graph) {
        Model model = model(graph);
        return syntax == Syntax.TURTLE
                ? List.of(new Artifact("mex.ttl", RdfText.turtle(model)))
                : List.of(new Artifact("mex.jsonld", RdfText.jsonLd(model)));
    }

    /**
     * The main file the tool's own emitter writes for this graph; empty when that emitter
     * cannot express the graph (the record then says nothing about a file).
     */
    private Optional<String> generatedFile(ToolTarget tool, Graph graph) {
        try {
            List<Artifact> files = Formats.emitter(tool.target(), options).emit(graph);
            return files.isEmpty() ? Optional.empty() : Optional.of(files.get(0).fileName());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
