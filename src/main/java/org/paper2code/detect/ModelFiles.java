package org.paper2code.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The parser's word lists under models/detect, shipped inside the jar. */
final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * The JSON file at {@code resource} on the classpath.
     *
     * @param what what the file is, for the message when it is missing ("lexicon")
     */
    static JsonNode json(String resource, String what) {
        try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " " + resource + " missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
