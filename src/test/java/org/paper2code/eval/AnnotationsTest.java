package org.paper2code.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.paper2code.graph.GraphValidator;

/**
 * Every hand annotation in eval/annotations parses, every graph in it validates, and the
 * file is byte-stable through TruthJson. Runs without ../shared; only the media check needs it.
 */
class AnnotationsTest {
    static final Path ROOT = Path.of("eval/annotations");

    @Test
    void everyAnnotationParsesValidatesAndIsStable() throws Exception {
        TruthCorpus c = TruthCorpus.load(ROOT, List.of());
        assertEquals(List.of(), c.problems(), "unusable annotation files");
        Map<DiagramStyle, Integer> perStyle = new EnumMap<>(DiagramStyle.class);
        for (TruthCorpus.FigureItem f : c.figures()) {
            perStyle.merge(f.truth().style(), 1, Integer::sum);
            if (f.truth().graph() != null) {
                new GraphValidator().check(f.truth().graph());
            }
            assertNotNull(f.truth().origin(), f.id() + " needs an origin");
            assertNotNull(f.truth().licence(), f.id() + " needs a licence");
            assertEquals(Files.readString(f.truthFile()), TruthJson.write(f.truth()), f.id() + " is not in TruthJson's stable form");
        }
        assertTrue(c.figures().size() >= 25, "at least 25 annotated figures, got " + c.figures().size());
        for (DiagramStyle s : DiagramStyle.values()) {
            assertTrue(perStyle.getOrDefault(s, 0) >= 1, "no annotated figure of style " + s.id());
        }
        assertTrue(c.papers().size() >= 8, "at least 8 annotated papers");
        for (TruthCorpus.PaperItem p : c.papers()) {
            assertEquals(Files.readString(p.truthFile()), TruthJson.write(p.truth()), p.id() + " is not in TruthJson's stable form");
            assertFalse(p.truth().hyperparameters().isEmpty(), p.id() + " states no hyperparameter");
            p.truth().hyperparameters().forEach((k, h) -> {
                assertNotNull(h.sentence(), p.id() + " " + k + " needs its sentence");
                assertNotNull(h.page(), p.id() + " " + k + " needs its page");
            });
            for (PaperTruth.Figure f : p.truth().figures()) {
                assertTrue(f.bbox().x() >= 0 && f.bbox().y() >= 0 && f.bbox().x() + f.bbox().w() <= 612
                        && f.bbox().y() + f.bbox().h() <= 792, p.id() + " " + f.label() + " bbox off the letter page");
                assertTrue(f.caption().startsWith(f.label()), p.id() + ": caption starts with its label");
            }
        }
    }

    @Test
    void mediaResolveToTheSharedCorpus() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("../shared/corpus-real")), "../shared/corpus-real is absent: media check skipped");
        TruthCorpus c = TruthCorpus.load(ROOT, List.of());
        for (TruthCorpus.FigureItem f : c.figures()) {
            assertNotNull(f.image(), f.id() + ": " + f.missing());
        }
        for (TruthCorpus.PaperItem p : c.papers()) {
            assertNotNull(p.pdf(), p.id() + ": " + p.missing());
        }
    }
}
