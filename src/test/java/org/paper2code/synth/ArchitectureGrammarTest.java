package org.paper2code.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphValidator;

class ArchitectureGrammarTest {
    private final ArchitectureGrammar grammar = new ArchitectureGrammar();

    @Test
    void everyFamilyGivesValidVariedGraphsForEveryStyleThatDrawsIt() {
        for (DiagramStyle style : DiagramStyle.values()) {
            for (ArchitectureGrammar.Family f : new HashSet<>(ArchitectureGrammar.familiesFor(style))) {
                Set<String> distinct = new HashSet<>();
                for (int seed = 0; seed < 25; seed++) {
                    Graph g = grammar.generate(f, style, new Random(seed));
                    new GraphValidator().check(g);
                    distinct.add(GraphJson.write(g));
                }
                if (f != ArchitectureGrammar.Family.REAL) {
                    assertTrue(distinct.size() >= 5, f + " for " + style + " gives only " + distinct.size() + " distinct graphs");
                }
            }
        }
    }

    @Test
    void sameSeedSameGraph() {
        for (ArchitectureGrammar.Family f : ArchitectureGrammar.familiesFor(DiagramStyle.BOX_2D)) {
            assertEquals(GraphJson.write(grammar.generate(f, DiagramStyle.BOX_2D, new Random(42))),
                    GraphJson.write(grammar.generate(f, DiagramStyle.BOX_2D, new Random(42))), f.name());
        }
    }

    @Test
    void shippedClassicsValidateWithTheirKnownShapes() {
        assertEquals("[10]", new GraphValidator().check(RealModels.load("lenet-5")).get("output").dims().toString());
        assertEquals("[256, 6, 6]", new GraphValidator().check(RealModels.load("alexnet")).get("pool5").dims().toString());
        assertEquals("[512, 7, 7]", new GraphValidator().check(RealModels.load("vgg-16")).get("pool5").dims().toString());
        assertEquals("[512, 7, 7]", new GraphValidator().check(RealModels.load("resnet-18")).get("res5b_relu").dims().toString());
        assertFalse(RealModels.load("resnet-18").layers().stream().noneMatch(l -> l.type().equals("Add")));
    }
}
