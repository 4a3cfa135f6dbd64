package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hyperparameter table's rows reach the text stage: values the prose does not state are mined
 * from the table, normalised by the same rules, with the table row as their evidence.
 */
class TableHyperparametersTest {
    @Test
    void tableRowsBecomeHyperparameters(@TempDir Path tmp) throws Exception {
        // bundled paper000 states no momentum or dropout in its text; its one table is read as a hyperparameter table
        ArchitectureTables table = t -> new ArchitectureTables.Reading(List.of(), Map.of("Momentum", "0.77", "Dropout rate", "0.35"));
        Path pdf = Path.of("corpus/papers/paper000.pdf");
        ExtractOptions d = ExtractOptions.defaults(tmp);
        ExtractOptions options = new ExtractOptions(tmp, 1, d.timeLimit(), false, false, false, true, true, d.pdf(), d.emit());
        PaperResult r = new PaperProcessor(options, table).process("paper000", pdf, ExtractRun.sha256(pdf));
        JsonNode hp = r.json().path("hyperparameters");
        assertEquals(0.77, hp.path("momentum").path("value").asDouble(), 1e-12, hp.toString());
        assertEquals(0.35, hp.path("dropout").path("value").asDouble(), 1e-12, hp.toString());
        assertTrue(hp.path("momentum").path("sentence").asText().startsWith("Table 1:"), hp.toString());
        assertEquals("hyperparameters", r.json().path("tables").get(0).path("kind").asText());
    }
}
