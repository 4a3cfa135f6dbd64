package org.paper2code.emit;

/**
 * Options shared by emitters.
 * @param baseIri namespace under which MEX records mint their IRIs
 * @param modelName name for the generated model/class when the graph has none
 */
public record EmitOptions(String baseIri, String modelName) {
    public static final String DEFAULT_BASE_IRI = "https://w3id.org/paper2code/resource/";

    public static EmitOptions defaults() {
        return new EmitOptions(DEFAULT_BASE_IRI, null);
    }
}
