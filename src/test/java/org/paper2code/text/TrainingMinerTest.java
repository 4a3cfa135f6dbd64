package org.paper2code.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Varied phrasings to exact values. CoreNLP loads once for the class (CoreNlp.shared()). */
class TrainingMinerTest {
    private static final TrainingMiner MINER = new TrainingMiner();

    private static Map<String, Object> mine(String... pages) {
        List<Passage> ps = new java.util.ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            ps.add(new Passage(pages[i], i + 1));
        }
        return MINER.mine(ps).values();
    }

    @Test
    void sgdMomentumEpochs() {
        Map<String, Object> v = mine("The network was trained with SGD, momentum 0.9, for 90 epochs.");
        assertEquals("sgd", v.get("optimizer"));
        assertEquals(0.9, v.get("momentum"));
        assertEquals(90L, v.get("epochs"));
    }

    @Test
    void learningRateWithStepDecay() {
        Map<String, Object> v = mine("We use a learning rate of 1e-3 decayed by 10x every 30 epochs.");
        assertEquals(0.001, v.get("learning_rate"));
        assertEquals(Map.of("policy", "step", "gamma", 0.1, "step_epochs", 30L), v.get("lr_schedule"));
        Map<String, Object> w = mine("The initial learning rate is 0.1 and is divided by 10 every 30 epochs.");
        assertEquals(0.1, w.get("learning_rate"));
        assertEquals(Map.of("policy", "step", "gamma", 0.1, "step_epochs", 30L), w.get("lr_schedule"));
    }

    @Test
    void batchesAndWeightDecayInManyForms() {
        assertEquals(256L, mine("We train with mini-batches of 256 images.").get("batch_size"));
        assertEquals(32L, mine("The batch size is set to 32.").get("batch_size"));
        assertEquals(0.0005, mine("We use a weight decay of 5 × 10^-4.").get("weight_decay"));
        assertEquals(0.0005, mine("We use a weight decay of 5 · 10\u22124 throughout.").get("weight_decay"));
        assertEquals(0.001, mine("The learning rate was set to 10\u22123 for all layers.").get("learning_rate"));
        assertEquals(0.0003, mine("Training uses a learning rate of 3×10^-4.").get("learning_rate"));
    }

    @Test
    void adamAndItsParameters() {
        Map<String, Object> v = mine("We optimise with Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8) and a batch size of 64.");
        assertEquals("adam", v.get("optimizer"));
        assertEquals(0.9, v.get("beta1"));
        assertEquals(0.999, v.get("beta2"));
        assertEquals(1e-8, v.get("epsilon"));
        assertEquals(64L, v.get("batch_size"));
        assertEquals("adamw", mine("We train all models with AdamW and a learning rate of 0.001.").get("optimizer"));
    }

    @Test
    void dropoutSmoothingClippingWarmup() {
        assertEquals(0.5, mine("We apply dropout 0.5 after each fully connected layer.").get("dropout"));
        assertEquals(0.7, mine("A dropout layer with 70% ratio of dropped outputs.").get("dropout"));
        assertEquals(0.2, mine("Each unit is retained with probability p, which is set to 0.8.").get("dropout"));
        assertEquals(0.1, mine("We use label smoothing of 0.1 during training.").get("label_smoothing"));
        assertEquals(1.0, mine("Gradients are clipped at a norm of 1.0.").get("gradient_clip"));
        assertEquals(4000L, mine("We use 4000 warmup steps.").get("warmup_steps"));
    }

    @Test
    void numbersInWordsAndWithSuffixes() {
        assertEquals(1000L, mine("The model is trained for one thousand epochs on the data.").get("epochs"));
        assertEquals(1000L, mine("We train for 1k iterations.").get("iterations"));
        assertEquals(160000L, mine("We train for 160k iterations.").get("iterations"));
    }

    @Test
    void nesterovAndInputSize() {
        Map<String, Object> v = mine("We use SGD with Nesterov momentum of 0.9. A 224×224 crop is randomly sampled from each image.");
        assertEquals(Boolean.TRUE, v.get("nesterov"));
        assertEquals("sgd", v.get("optimizer"));
        assertEquals(0.9, v.get("momentum"));
        assertEquals(224L, v.get("input_size"));
    }

    @Test
    void schedulesPlateauMultistepCosine() {
        assertEquals(Map.of("policy", "plateau", "gamma", 0.1),
                mine("The learning rate starts from 0.1 and is divided by 10 when the error plateaus.").get("lr_schedule"));
        assertEquals(Map.of("policy", "multistep", "gamma", 0.1, "steps", List.of(60000L, 80000L)),
                mine("We use a learning rate of 0.02, reducing it by 10 at 60k and 80k iterations.").get("lr_schedule"));
        assertEquals(Map.of("policy", "cosine"),
                mine("The learning rate follows a cosine schedule.").get("lr_schedule"));
    }

    @Test
    void severalModelsMarkAmbiguityAndTheFirstWins() {
        MinedHyperparameters m = MINER.mine(List.of(
                new Passage("For ImageNet we use a mini-batch size of 256.", 3),
                new Passage("The CIFAR-10 models are trained with a mini-batch size of 128.", 7)));
        MinedHyperparameters.Mined b = m.hyperparameters().get("batch_size");
        assertEquals(256L, b.value());
        assertEquals(3, b.chosen().page());
        assertTrue(b.ambiguous());
        assertEquals(128L, b.alternatives().get(0).value());
        assertEquals(List.of("ImageNet", "CIFAR-10"),
                m.datasets().stream().map(MinedHyperparameters.Dataset::name).sorted((a, c) -> a.equals("ImageNet") ? -1 : 1).toList());
    }

    @Test
    void ignoresTheBibliographyAndNonValues() {
        Map<String, Object> v = mine("The learning rate was decreased 3 times.\nReferences\n[1] H. Adam. Training with a batch size of 4096. 2017.");
        assertFalse(v.containsKey("learning_rate"));
        assertFalse(v.containsKey("batch_size"));
        assertFalse(v.containsKey("optimizer"));
    }

    @Test
    void sentenceAndPageAreTheOriginalText() {
        MinedHyperparameters m = MINER.mine(List.of(new Passage("Intro.", 1),
                new Passage("We use a weight decay of 5 · 10\u22124 and a momentum of 0.9.", 2)));
        MinedHyperparameters.Mined wd = m.hyperparameters().get("weight_decay");
        assertEquals("We use a weight decay of 5 · 10\u22124 and a momentum of 0.9.", wd.chosen().sentence());
        assertEquals(2, wd.chosen().page());
        assertEquals(0.0005, m.toTraining().number("weight_decay").orElseThrow());
    }

    @Test
    void metricsKeepTheirValues() {
        MinedHyperparameters m = MINER.mine(List.of(new Passage("We achieve a top-5 error of 15.3% on the test set.", 1)));
        assertEquals("top-5 error", m.metrics().get(0).metric());
        assertEquals(15.3, m.metrics().get(0).value(), 1e-9);
    }

    /** One sentence mines to exactly these keys and values (no extra key: it would be a false positive). */
    private static void exactly(String sentence, Object... keyValues) {
        Map<String, Object> want = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            want.put((String) keyValues[i], keyValues[i + 1]);
        }
        Map<String, Object> got = mine(sentence);
        assertEquals(want.keySet(), got.keySet(), sentence + " -> " + got);
        want.forEach((k, v) -> assertTrue(org.paper2code.eval.HyperparameterScorer.same(got.get(k), v),
                sentence + ": " + k + " = " + got.get(k) + ", want " + v));
    }

    // Every phrasing the synthetic paper generator (org.paper2code.synth.PaperText) writes.

    @Test
    void generatorSgdPhrasings() {
        exactly("The network is trained with SGD, momentum 0.9, for 90 epochs.", "optimizer", "sgd", "momentum", 0.9, "epochs", 90);
        exactly("The network is trained with SGD with Nesterov momentum 0.95, for 100,000 iterations.",
                "optimizer", "sgd", "momentum", 0.95, "nesterov", true, "iterations", 100000);
        exactly("We use stochastic gradient descent with a momentum of 0.99.", "optimizer", "sgd", "momentum", 0.99);
        exactly("We use stochastic gradient descent with Nesterov momentum of 0.9.", "optimizer", "sgd", "momentum", 0.9, "nesterov", true);
        exactly("Optimisation is performed by SGD (momentum = 0.9).", "optimizer", "sgd", "momentum", 0.9);
        exactly("Optimisation is performed by Nesterov-accelerated SGD (momentum = 0.95).",
                "optimizer", "sgd", "momentum", 0.95, "nesterov", true);
    }

    @Test
    void generatorAdamAndRmspropPhrasings() {
        exactly("We use Adam (β1 = 0.9, β2 = 0.999).", "optimizer", "adam", "beta1", 0.9, "beta2", 0.999);
        exactly("We use AdamW (β1 = 0.5, β2 = 0.98).", "optimizer", "adamw", "beta1", 0.5, "beta2", 0.98);
        for (String eps : List.of("0.00000001", "1e-8", "10^-8", "1 × 10^-8")) {
            exactly("Parameters are updated with the Adam optimizer with β1 = 0.9, β2 = 0.999 and ε = " + eps + ".",
                    "optimizer", "adam", "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8);
        }
        exactly("Parameters are updated with the AdamW optimizer with β1 = 0.9, β2 = 0.98 and ε = 1 × 10^-6.",
                "optimizer", "adamw", "beta1", 0.9, "beta2", 0.98, "epsilon", 1e-6);
        exactly("We optimise the model with RMSProp.", "optimizer", "rmsprop");
        exactly("Training uses the RMSprop optimizer.", "optimizer", "rmsprop");
    }

    @Test
    void generatorLearningRatePhrasings() {
        Map<String, Object> epochs = Map.of("policy", "step", "gamma", 0.1, "step_epochs", 30L);
        Map<String, Object> iters = Map.of("policy", "step", "gamma", 0.1, "step_size", 20000L);
        exactly("The learning rate starts at 0.1 and is divided by 10 every 30 epochs.", "learning_rate", 0.1, "lr_schedule", epochs);
        exactly("The learning rate starts at 1e-2 and is divided by 10 every 20,000 iterations.", "learning_rate", 0.01, "lr_schedule", iters);
        exactly("We use a learning rate of 5e-2 decayed by 10x every 30 epochs.", "learning_rate", 0.05, "lr_schedule", epochs);
        exactly("We use a learning rate of 10^-2 decayed by 10x every 20,000 iterations.", "learning_rate", 0.01, "lr_schedule", iters);
        exactly("An initial learning rate of 3 × 10^-4 is reduced by a factor of 10 after every 30 epochs.",
                "learning_rate", 0.0003, "lr_schedule", epochs);
        exactly("An initial learning rate of 0.0002 is reduced by a factor of 10 after every 20,000 iterations.",
                "learning_rate", 0.0002, "lr_schedule", iters);
        exactly("The learning rate is set to 1e-4.", "learning_rate", 0.0001);
        exactly("We use a fixed learning rate of 2 × 10^-4.", "learning_rate", 0.0002);
        exactly("The initial learning rate is 0.05.", "learning_rate", 0.05);
    }

    @Test
    void generatorBatchAndLengthPhrasings() {
        exactly("We use mini-batches of 128 examples.", "batch_size", 128);
        exactly("The batch size is 32.", "batch_size", 32);
        exactly("Each update uses a mini-batch of 256 images.", "batch_size", 256);
        exactly("Each update uses a mini-batch of 64 sequences.", "batch_size", 64);
        exactly("Training runs for 74 epochs.", "epochs", 74);
        exactly("We train for 370,000 iterations.", "iterations", 370000);
        exactly("The model is trained for 200 epochs.", "epochs", 200);
        exactly("The model is trained for 60,000 iterations.", "iterations", 60000);
    }

    @Test
    void generatorRegularisationPhrasings() {
        exactly("The weight decay is 0.00001.", "weight_decay", 1e-5);
        exactly("We apply a weight decay of 5 × 10^-4 is used.", "weight_decay", 5e-4);
        exactly("An L2 weight decay of 10^-4 is used.", "weight_decay", 1e-4);
        exactly("An L2 weight decay of 2e-4.", "weight_decay", 2e-4);
        exactly("Dropout with a rate of 0.5 is applied before the classifier.", "dropout", 0.5);
        exactly("We use dropout 0.25 in the fully connected layers.", "dropout", 0.25);
        exactly("Dropout (p = 0.5) regularises the network.", "dropout", 0.5);
        exactly("We apply label smoothing of 0.1.", "label_smoothing", 0.1);
        exactly("Gradients are clipped to a maximum norm of 5.", "gradient_clip", 5.0);
        exactly("Gradients are clipped to a maximum norm of 0.5.", "gradient_clip", 0.5);
    }

    @Test
    void generatorInputAndWarmupPhrasings() {
        exactly("Input images are resized to 227 × 227 pixels.", "input_size", 227);
        exactly("Training images are randomly cropped to 224 × 224 pixels.", "input_size", 224);
        exactly("The network takes inputs of 32 × 32 pixels.", "input_size", 32);
        exactly("The learning rate is warmed up linearly over the first 1,000 steps.", "warmup_steps", 1000);
        exactly("The learning rate is warmed up linearly over the first 10,000 steps.", "warmup_steps", 10000);
    }

    @Test
    void labelsDrawnInAFigureAreNoStatements() {
        // PDF text runs a figure's own labels into its caption: a plot legend, a box label
        Map<String, Object> v = mine("2 0.0 0.6 1.3 1.9 2.5 0 20 40 60 80 100 epoch loss Adam VGG-16 Figure 2: Results on the validation set.\n"
                + "We optimise the model with RMSProp.\n"
                + "2 Input image 600×600 Backbone (ZF) 512×37×37 RPN 2000×5 Figure 1: Our detection pipeline at a glance.");
        assertEquals("rmsprop", v.get("optimizer"));
        assertFalse(v.containsKey("input_size"), v.toString());
        // a caption's own statement still counts
        assertEquals(0.5, mine("Figure 3: Dropout (p = 0.5) regularises the network.").get("dropout"));
    }
}
