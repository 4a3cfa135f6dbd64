package org.paper2code.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textFileWithPagesToJson(@TempDir Path dir) throws Exception {
        Path paper = dir.resolve("paper.txt");
        Files.writeString(paper, "Introduction.\f3 Training\nWe train with SGD and a batch size of 128 for 90 epochs on ImageNet.\n"
                + "The learning rate starts from 0.1 and is divided by 10 every 30 epochs.");
        CliRunner.Result r = CliRunner.run("text", paper.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(128, j.at("/hyperparameters/batch_size/value").asInt());
        assertEquals(2, j.at("/hyperparameters/batch_size/page").asInt());
        assertEquals(0.1, j.at("/hyperparameters/learning_rate/value").asDouble());
        assertEquals("sgd", j.at("/hyperparameters/optimizer/value").asText());
        assertEquals(30, j.at("/hyperparameters/lr_schedule/value/step_epochs").asInt());
        assertTrue(j.at("/hyperparameters/epochs/sentence").asText().contains("90 epochs"));
        assertEquals("ImageNet", j.at("/datasets/0/name").asText());
        assertTrue(j.get("metrics").isArray());
    }

    @Test
    void severalFilesGiveAnArrayAndFailuresAreNamed(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("a.txt");
        Files.writeString(ok, "We use a momentum of 0.9.");
        Path missing = dir.resolve("missing.txt");
        CliRunner.Result r = CliRunner.run("text", "--json", ok.toString(), missing.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("missing.txt"), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(2, j.size());
        assertEquals(0.9, j.at("/0/hyperparameters/momentum/value").asDouble());
        assertTrue(j.at("/1/error").isTextual());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRunner.run("text").exitCode());
        assertEquals(2, CliRunner.run("text", "--nope", "x.txt").exitCode());
    }

    @Test
    void realPdfThroughPdfBox() throws Exception {
        Path pdf = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus-real/pdfs/resnet_he2015_arxiv1512.03385.pdf");
        Assumptions.assumeTrue(Files.isRegularFile(pdf), "shared corpus absent: " + pdf);
        CliRunner.Result r = CliRunner.run("text", pdf.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(256, j.at("/hyperparameters/batch_size/value").asInt());
        assertEquals(600000, j.at("/hyperparameters/iterations/value").asInt());
        assertEquals(0.0001, j.at("/hyperparameters/weight_decay/value").asDouble());
        assertEquals("plateau", j.at("/hyperparameters/lr_schedule/value/policy").asText());
        assertEquals(4, j.at("/hyperparameters/learning_rate/page").asInt());
    }
}
