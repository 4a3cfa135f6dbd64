package org.paper2code.mex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes a model as Turtle or JSON-LD with a fixed triple order, so equal models always give
 * byte-identical files: subjects sorted by IRI, rdf:type first, then predicates and objects
 * sorted. JSON-LD is written by Jena's JSON-LD 1.1 writer from a model filled in that order.
 */
public final class RdfText {
    private static final Comparator<Node> NODE_ORDER = Comparator.comparing(RdfText::key);
    private static final Comparator<Triple> TRIPLE_ORDER = Comparator
            .comparing(Triple::getSubject, NODE_ORDER)
            .thenComparing(t -> !t.getPredicate().equals(RDF.type.asNode()))
            .thenComparing(Triple::getPredicate, NODE_ORDER)
            .thenComparing(Triple::getObject, NODE_ORDER);

    private RdfText() {
    }

    private static String key(Node n) {
        if (n.isURI()) {
            return "1" + n.getURI();
        }
        if (n.isLiteral()) {
            return "2" + n.getLiteralLexicalForm() + "\u0000" + n.getLiteralDatatypeURI() + "\u0000" + n.getLiteralLanguage();
        }
        return "3" + n;
    }

    static List<Triple> sortedTriples(Model model) {
        return model.getGraph().find().toList().stream().sorted(TRIPLE_ORDER).toList();
    }

    /**
     * Turtle in sorted blocks: one block per subject, rdf:type first ({@code a}), objects of a
     * predicate joined with commas. Jena's {@link NodeFormatterTTL} writes every node, so the
     * escaping of IRIs and literals is Jena's.
     */
    public static String turtle(Model model) {
        PrefixMap prefixes = PrefixMapFactory.create(model.getNsPrefixMap());
        NodeFormatter fmt = new NodeFormatterTTL(null, prefixes);
        NodeFormatter plain = new NodeFormatterTTL(null, PrefixMapFactory.create());
        IndentedLineBuffer out = new IndentedLineBuffer();
        for (Map.Entry<String, String> p : new TreeMap<>(model.getNsPrefixMap()).entrySet()) {
            out.print("@prefix " + p.getKey() + ": ");
            plain.format(out, NodeFactory.createURI(p.getValue()));
            out.println(" .");
        }
        Node subject = null;
        Node predicate = null;
        for (Triple t : sortedTriples(model)) {
            if (!t.getSubject().equals(subject)) {
                if (subject != null) {
                    out.println(" .");
                }
                out.println();
                subject = t.getSubject();
                predicate = null;
                fmt.format(out, subject);
            }
            if (!t.getPredicate().equals(predicate)) {
                out.print(predicate == null ? "\n    " : " ;\n    ");
                predicate = t.getPredicate();
                if (predicate.equals(RDF.type.asNode())) {
                    out.print("a");
                } else {
                    fmt.format(out, predicate);
                }
                out.print(" ");
            } else {
                out.print(",\n        ");
            }
            fmt.format(out, t.getObject());
        }
        if (subject != null) {
            out.println(" .");
        }
        return out.asString();
    }

    static String jsonLd(Model model) {
        Model ordered = ModelFactory.createDefaultModel();
        new TreeMap<>(model.getNsPrefixMap()).forEach(ordered::setNsPrefix);
        sortedTriples(model).forEach(t -> ordered.getGraph().add(t));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, ordered, RDFFormat.JSONLD11);
        return out.toString(StandardCharsets.UTF_8);
    }
}
