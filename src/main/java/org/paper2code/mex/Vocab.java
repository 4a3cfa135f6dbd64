package org.paper2code.mex;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms the MEX emitter writes. MEX 1.0.2 (mexcore, mexalgo) and ML-Schema terms are
 * used only as those ontologies declare them; PROV is the W3C namespace (the MEX files'
 * own {@code prov-o#} prefix is wrong); what MEX lacks is in the paper2code vocabulary
 * ({@code paper2code-vocab.ttl}).
 */
public final class Vocab {
    public static final String MEXCORE = "http://mex.aksw.org/mex-core#";
    public static final String MEXALGO = "http://mex.aksw.org/mex-algo#";
    public static final String MEXPERF = "http://mex.aksw.org/mex-perf#";
    public static final String MLS = "http://www.w3.org/ns/mls#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String DOAP = "http://usefulinc.com/ns/doap#";
    public static final String P2C = "https://w3id.org/paper2code/vocab#";

    /** The vocabulary declarations shipped with the emitter (classpath resource). */
    public static final String VOCAB_RESOURCE = "/org/paper2code/mex/paper2code-vocab.ttl";

    private Vocab() {
    }

    private static Resource r(String iri) {
        return ResourceFactory.createResource(iri);
    }

    private static Property p(String iri) {
        return ResourceFactory.createProperty(iri);
    }

    /** mex-core. */
    public static final class Core {
        public static final Resource Experiment = r(MEXCORE + "Experiment");
        public static final Resource ExperimentConfiguration = r(MEXCORE + "ExperimentConfiguration");

        private Core() {
        }
    }

    /** mex-algo. */
    public static final class Algo {
        public static final Resource Algorithm = r(MEXALGO + "Algorithm");
        public static final Resource AlgorithmClass = r(MEXALGO + "AlgorithmClass");
        public static final Resource ArtificialNeuralNetwork = r(MEXALGO + "ArtificialNeuralNetwork");
        public static final Resource HyperParameter = r(MEXALGO + "HyperParameter");
        public static final Resource HyperParameterCollection = r(MEXALGO + "HyperParameterCollection");
        public static final Resource Tool = r(MEXALGO + "Tool");
        public static final Resource ToolParameter = r(MEXALGO + "ToolParameter");
        public static final Resource ToolParameterCollection = r(MEXALGO + "ToolParameterCollection");
        public static final Resource LearningMethod = r(MEXALGO + "LearningMethod");
        public static final Resource LearningProblem = r(MEXALGO + "LearningProblem");
        public static final Resource Supervised = r(MEXALGO + "Supervised");
        public static final Resource Classification = r(MEXALGO + "Classification");
        public static final Property hasAlgorithmClass = p(MEXALGO + "hasAlgorithmClass");
        public static final Property hasHyperParameter = p(MEXALGO + "hasHyperParameter");
        public static final Property hasHyperParameterCollection = p(MEXALGO + "hasHyperParameterCollection");
        public static final Property hasLearningMethod = p(MEXALGO + "hasLearningMethod");
        public static final Property hasLearningProblem = p(MEXALGO + "hasLearningProblem");

        private Algo() {
        }
    }

    /** ML-Schema. */
    public static final class Mls {
        public static final Resource Algorithm = r(MLS + "Algorithm");
        public static final Resource HyperParameter = r(MLS + "HyperParameter");
        public static final Resource HyperParameterSetting = r(MLS + "HyperParameterSetting");
        public static final Property hasValue = p(MLS + "hasValue");
        public static final Property specifiedBy = p(MLS + "specifiedBy");

        private Mls() {
        }
    }

    /** W3C PROV-O. */
    public static final class Prov {
        public static final Resource Entity = r(PROV + "Entity");
        public static final Property hadMember = p(PROV + "hadMember");
        public static final Property used = p(PROV + "used");
        public static final Property value = p(PROV + "value");
        public static final Property wasDerivedFrom = p(PROV + "wasDerivedFrom");
        public static final Property wasStartedBy = p(PROV + "wasStartedBy");
        public static final Property wasAttributedTo = p(PROV + "wasAttributedTo");

        private Prov() {
        }
    }

    /** The paper2code vocabulary. */
    public static final class P2c {
        public static final Resource Layer = r(P2C + "Layer");
        public static final Resource paper2code = r(P2C + "paper2code");
        public static final Property hasToolParameterCollection = p(P2C + "hasToolParameterCollection");
        public static final Property hasLayer = p(P2C + "hasLayer");
        public static final Property layerType = p(P2C + "layerType");
        public static final Property layerIndex = p(P2C + "layerIndex");
        public static final Property fromLayer = p(P2C + "fromLayer");
        public static final Property inputCount = p(P2C + "inputCount");
        public static final Property outputShape = p(P2C + "outputShape");
        public static final Property setExplicitly = p(P2C + "setExplicitly");
        public static final Property page = p(P2C + "page");
        public static final Property diagramType = p(P2C + "diagramType");
        public static final Property configuration = p(P2C + "configuration");
        public static final Property confidence = p(P2C + "confidence");

        private P2c() {
        }
    }
}
