package org.paper2code.mex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphException;
import org.paper2code.graph.GraphJson;

/**
 * A stable id for a graph document: the first 16 hex digits of the SHA-256 of its
 * canonical JSON (the graph document with object keys sorted, no indentation). Equal
 * graphs get equal ids whatever the key order of the file they were read from.
 */
public final class GraphId {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private GraphId() {
    }

    public static String canonicalJson(Graph graph) {
        Object plain = GraphJson.toJava(GraphJson.toTree(graph));
        try {
            return CANONICAL.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new GraphException("cannot serialise graph: " + e.getOriginalMessage(), e);
        }
    }

    public static String of(Graph graph) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(graph).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
