package org.paper2code.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rules can match a sentence without a digit: the miner matches only those on such sentences. */
class NumberFreeRulesTest {

    private static NumberFreeRules.Filtered filter(String file) throws Exception {
        return NumberFreeRules.filter(Files.readString(Path.of(file)));
    }

    @Test
    void keepsTheHyperparameterRulesThatNeedNoNumber() throws Exception {
        NumberFreeRules.Filtered f = filter(CoreNlp.HYPERPARAMETER_RULES);
        assertEquals(List.of("sched_every_epoch", "sched_plateau", "sched_cosine", "sched_poly_plain", "sched_linear", "opt_adamw",
                "opt_adam", "opt_rmsprop", "opt_adagrad", "opt_adadelta", "opt_lbfgs", "opt_sgd_use", "opt_sgd_momentum", "opt_sgd_bare",
                "nesterov", "loss_bce", "loss_ce", "loss_mse", "loss_sse", "loss_l1", "loss_hinge", "loss_focal", "loss_ctc"), f.kept());
        assertFalse(f.readsTags(), "the number-free rules read no lemma, so digit-free sentences need no tagging");
        assertTrue(f.text().contains("$NUM = "), "variable definitions stay");
    }

    @Test
    void everyMetricRuleNeedsANumberAndNoDatasetRuleDoes() throws Exception {
        assertEquals(List.of(), filter(CoreNlp.METRIC_RULES).kept());
        NumberFreeRules.Filtered ds = filter(CoreNlp.DATASET_RULES);
        assertEquals(27, ds.kept().size(), "optional numbers (PASCAL VOC 2007, ImageNet 2012) do not make a rule need one");
        assertTrue(ds.kept().contains("voc"));
    }

    @Test
    void optionalNumbersAlternativesAndNegatedDigitsKeepARule() {
        String defs = "$NUM = ( [ { word:/[0-9]+/ } ] )\n$GAP = ( [ !{ word:/[0-9]+|by/ } ] )\n";
        assertEquals(List.of(), NumberFreeRules.filter(defs
                + "{ ruleType: \"tokens\", name: \"a\", pattern: ( /lr/ $GAP{0,3}? (?$v $NUM) ), result: \"x\" }\n").kept());
        assertEquals(List.of("b"), NumberFreeRules.filter(defs
                + "{ ruleType: \"tokens\", name: \"b\", pattern: ( /voc/ $NUM? ), result: \"x\" }\n").kept());
        assertEquals(List.of("c"), NumberFreeRules.filter(defs
                + "{ ruleType: \"tokens\", name: \"c\", pattern: ( /epochs/ (?$v $NUM) | /adam/ ), result: \"x\" }\n").kept());
        assertEquals(List.of("d"), NumberFreeRules.filter(defs
                + "{ ruleType: \"tokens\", name: \"d\", pattern: ( /sgd/ $GAP ), result: \"x\" }\n").kept());
        NumberFreeRules.Filtered lemma = NumberFreeRules.filter(defs
                + "{ ruleType: \"tokens\", name: \"e\", pattern: ( [ { lemma:/train/ } ] /with/ ), result: \"x\" }\n");
        assertEquals(List.of("e"), lemma.kept());
        assertTrue(lemma.readsTags());
    }
}
