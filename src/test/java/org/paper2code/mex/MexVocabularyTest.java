package org.paper2code.mex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every class and property the record uses exists: MEX and ML-Schema terms in the ontology
 * files (test resources), standard terms in fixed lists, paper2code terms declared in the
 * record itself; and MEX / ML-Schema / paper2code properties are used within their
 * declared domain, range and kind.
 */
class MexVocabularyTest {
    /** PROV-O terms the emitter may use (W3C PROV-O, http://www.w3.org/ns/prov#). */
    static final Set<String> PROV = Set.of("Entity", "Activity", "Agent", "SoftwareAgent", "Collection",
            "hadMember", "used", "value", "wasDerivedFrom", "wasStartedBy", "wasAttributedTo", "wasInfluencedBy",
            "wasGeneratedBy");
    static final Set<String> RDF_TERMS = Set.of("type", "Property", "List", "first", "rest", "nil");
    static final Set<String> RDFS_TERMS = Set.of("label", "comment", "subClassOf", "subPropertyOf", "domain",
            "range", "Class", "Literal", "seeAlso", "isDefinedBy");
    static final Set<String> OWL_TERMS = Set.of("Class", "ObjectProperty", "DatatypeProperty", "Ontology",
            "AnnotationProperty", "NamedIndividual");
    static final Set<String> DCTERMS = Set.of("identifier", "title", "description", "isPartOf", "source", "license");
    static final Set<String> DOAP = Set.of("homepage", "name", "revision", "Project", "Version");

    static Model ontologies;
    static Model record;

    @BeforeAll
    static void load() {
        ontologies = ModelFactory.createDefaultModel();
        for (String f : List.of("mexcore.ttl", "mexalgo.ttl", "mexperf.ttl", "ml-schema/MLSchema.ttl")) {
            ontologies.add(MexFixtures.parseResource("/mex/" + f));
        }
        record = MexFixtures.parse(MexFixtures.turtle(MexFixtures.alexNet()), Lang.TURTLE);
    }

    static Set<Resource> usedTerms() {
        Set<Resource> terms = new HashSet<>();
        record.listStatements().forEachRemaining(s -> {
            terms.add(s.getPredicate());
            if (s.getPredicate().equals(RDF.type)) {
                terms.add(s.getObject().asResource());
            }
        });
        return terms;
    }

    @Test
    void everyUsedTermExists() {
        Set<String> problems = new TreeSet<>();
        Set<String> namespaces = new TreeSet<>();
        for (Resource t : usedTerms()) {
            String iri = t.getURI();
            String ns = iri.substring(0, Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
            String local = iri.substring(ns.length());
            namespaces.add(ns);
            boolean ok = switch (ns) {
                case Vocab.MEXCORE, Vocab.MEXALGO, Vocab.MEXPERF, Vocab.MLS -> declaredIn(ontologies, t);
                case Vocab.PROV -> PROV.contains(local);
                case "http://www.w3.org/1999/02/22-rdf-syntax-ns#" -> RDF_TERMS.contains(local);
                case "http://www.w3.org/2000/01/rdf-schema#" -> RDFS_TERMS.contains(local);
                case "http://www.w3.org/2002/07/owl#" -> OWL_TERMS.contains(local);
                case Vocab.DCTERMS -> DCTERMS.contains(local);
                case Vocab.DOAP -> DOAP.contains(local);
                case Vocab.P2C -> declaredIn(record, t);
                default -> false;
            };
            if (!ok) {
                problems.add(iri);
            }
        }
        assertEquals(Set.of(), problems, "undeclared or unknown terms");
        assertTrue(namespaces.containsAll(List.of(Vocab.MEXCORE, Vocab.MEXALGO, Vocab.MLS, Vocab.PROV, Vocab.P2C)), namespaces.toString());
    }

    @Test
    void theWrongProvNamespaceOfTheMexFilesIsNeverWritten() {
        String ttl = MexFixtures.turtle(MexFixtures.alexNet());
        assertFalse(ttl.contains("http://www.w3.org/ns/prov-o#"));
        assertTrue(ttl.contains("@prefix prov: <http://www.w3.org/ns/prov#> ."));
    }

    @Test
    void projectPropertiesAreDeclaredWithDomainAndRange() {
        Resource hasTpc = record.getResource(Vocab.P2C + "hasToolParameterCollection");
        assertTrue(record.contains(hasTpc, RDFS.subPropertyOf, record.getResource(Vocab.PROV + "wasInfluencedBy")));
        assertTrue(record.contains(hasTpc, RDFS.domain, record.getResource(Vocab.MEXALGO + "Tool")));
        assertTrue(record.contains(hasTpc, RDFS.range, record.getResource(Vocab.MEXALGO + "ToolParameterCollection")));
        // the shipped vocabulary is exactly what the record declares about p2c terms
        Model vocab = MexFixtures.parseResource(Vocab.VOCAB_RESOURCE);
        assertTrue(record.containsAll(vocab));
    }

    /** Properties of MEX, ML-Schema and paper2code are used inside their declared domain, range and kind. */
    @Test
    void propertiesRespectDomainRangeAndKind() {
        Model schema = ModelFactory.createUnion(ontologies, record);
        Set<String> problems = new TreeSet<>();
        for (Statement s : record.listStatements().toList()) {
            Property p = s.getPredicate();
            String ns = p.getNameSpace();
            if (!List.of(Vocab.MEXCORE, Vocab.MEXALGO, Vocab.MLS, Vocab.P2C).contains(ns)) {
                continue;
            }
            RDFNode o = s.getObject();
            if (schema.contains(p, RDF.type, OWL.ObjectProperty) && !o.isURIResource()) {
                problems.add(p + " is an object property but has " + o);
            }
            if (schema.contains(p, RDF.type, OWL.DatatypeProperty) && !o.isLiteral()) {
                problems.add(p + " is a datatype property but has " + o);
            }
            for (RDFNode d : schema.listObjectsOfProperty(p, RDFS.domain).toList()) {
                if (d.isURIResource() && !typesOf(schema, s.getSubject()).contains(d.asResource())) {
                    problems.add(s.getSubject() + " lacks the domain " + d + " of " + p);
                }
            }
            for (RDFNode r : schema.listObjectsOfProperty(p, RDFS.range).toList()) {
                if (r.isURIResource() && o.isResource() && !typesOf(schema, o.asResource()).contains(r.asResource())) {
                    problems.add(o + " lacks the range " + r + " of " + p);
                }
            }
        }
        assertEquals(Set.of(), problems);
    }

    private static boolean declaredIn(Model m, Resource term) {
        return m.contains(term, RDF.type, (RDFNode) null)
                && (m.contains(term, RDF.type, OWL.Class) || m.contains(term, RDF.type, OWL.ObjectProperty)
                || m.contains(term, RDF.type, OWL.DatatypeProperty) || m.contains(term, RDF.type, RDFS.Class)
                || m.contains(term, RDF.type, RDF.Property));
    }

    /** Asserted types and their superclasses. */
    private static Set<Resource> typesOf(Model schema, Resource r) {
        Set<Resource> seen = new HashSet<>();
        Deque<Resource> todo = new ArrayDeque<>();
        schema.listObjectsOfProperty(r, RDF.type).forEachRemaining(t -> {
            if (t.isURIResource()) {
                todo.add(t.asResource());
            }
        });
        while (!todo.isEmpty()) {
            Resource t = todo.pop();
            if (seen.add(t)) {
                schema.listObjectsOfProperty(t, RDFS.subClassOf).forEachRemaining(sup -> {
                    if (sup.isURIResource()) {
                        todo.add(sup.asResource());
                    }
                });
            }
        }
        return seen;
    }
}
