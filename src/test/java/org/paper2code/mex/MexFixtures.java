package org.paper2code.mex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.paper2code.emit.EmitOptions;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;

/** Shared inputs for the MEX tests: the AlexNet fixture, emitting and parsing. */
final class MexFixtures {
    private MexFixtures() {
    }

    static String resource(String path) {
        try (InputStream in = MexFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Graph alexNet() {
        return GraphJson.read(resource("/graphs/mex/alexnet.json"));
    }

    static String turtle(Graph g) {
        return turtle(g, EmitOptions.defaults());
    }

    static String turtle(Graph g, EmitOptions options) {
        return new MexEmitter(options, MexEmitter.Syntax.TURTLE).emit(g).get(0).content();
    }

    static String jsonLd(Graph g) {
        return new MexEmitter(EmitOptions.defaults(), MexEmitter.Syntax.JSONLD).emit(g).get(0).content();
    }

    static Model parse(String text, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(text, lang).lang(lang).strict(true).parse(m);
        return m;
    }

    static Model parseResource(String path) {
        return parse(resource(path), Lang.TURTLE);
    }
}
