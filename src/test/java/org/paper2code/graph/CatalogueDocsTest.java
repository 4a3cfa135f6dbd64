package org.paper2code.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The committed schema and reference page are what the catalogue generates, and the schema works. */
class CatalogueDocsTest {
    private final CatalogueDocs docs = new CatalogueDocs(LayerCatalogue.standard());

    @Test
    void committedFilesAreCurrent() throws Exception {
        String hint = " is stale: run scripts/gen-docs";
        assertEquals(docs.schema(), Files.readString(Path.of("src/main/resources/org/paper2code/graph/graph.schema.json")),
                "graph.schema.json" + hint);
        assertEquals(docs.markdown(), Files.readString(Path.of("src/docs/layers.md")), "src/docs/layers.md" + hint);
    }

    @Test
    void schemaAcceptsValidDocumentsAndRejectsBadOnes() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(docs.schema());
        JsonNode lenet = GraphJson.MAPPER.readTree(GraphCoreTest.resource("/graphs/lenet5.json"));
        Set<ValidationMessage> ok = schema.validate(lenet);
        assertTrue(ok.isEmpty(), ok.toString());

        JsonNode bad = GraphJson.MAPPER.readTree("{\"format\":\"paper2code-graph/1\",\"layers\":["
                + "{\"layer_type\":\"Conv2D\",\"layer_name\":\"c\",\"layer_params\":{\"kernel_row\":\"3\",\"colour\":1},\"from_layers\":[\"x\"]},"
                + "{\"layer_type\":\"Teleport\",\"layer_name\":\"t\"}]}");
        Set<ValidationMessage> errors = schema.validate(bad);
        String all = errors.toString();
        assertFalse(errors.isEmpty());
        assertTrue(all.contains("filters"), all);
        assertTrue(all.contains("colour"), all);
        assertTrue(all.contains("kernel_row"), all);
        assertTrue(all.contains("layer_type"), all);
    }
}
