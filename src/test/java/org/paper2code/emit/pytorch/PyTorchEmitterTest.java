package org.paper2code.emit.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paper2code.emit.EmitOptions;
import org.paper2code.emit.Formats;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;

/** What the emitter writes for single layers and what it refuses, without running Python. */
class PyTorchEmitterTest {
    private static String emit(Graph g) {
        return new PyTorchEmitter(EmitOptions.defaults()).emit(g).get(0).content();
    }

    private static Graph image(Layer... rest) {
        List<Layer> layers = new java.util.ArrayList<>(List.of(Layer.of("Input", "data", Map.of("output_shape", List.of(16, 32, 32)))));
        layers.addAll(List.of(rest));
        return new Graph(layers);
    }

    @Test
    void registeredUnderItsTarget() {
        assertEquals("pytorch", Formats.emitter("pytorch", EmitOptions.defaults()).target());
    }

    @Test
    void classNameFromGraphThenOptionsThenDefault() {
        Graph g = image(Layer.of("Flatten", "flat", Map.of(), "data"));
        assertTrue(emit(g).contains("class Net(nn.Module):"));
        assertTrue(emit(g.withName("vgg-16 (Simonyan)")).contains("class Vgg16Simonyan(nn.Module):"));
        assertTrue(new PyTorchEmitter(new EmitOptions(EmitOptions.DEFAULT_BASE_IRI, "my model")).emit(g).get(0).content()
                .contains("class MyModel(nn.Module):"));
    }

    @Test
    void batchNormMomentumIsOneMinusOurs() {
        String code = emit(image(Layer.of("BatchNorm", "bn", Map.of("momentum", 0.99, "epsilon", 0.001), "data")));
        assertTrue(code.contains("self.bn = nn.BatchNorm2d(16, eps=0.001, momentum=0.01)"), code);
    }

    @Test
    void samePaddingStrideTwoIsExplicitAndAsymmetric() {
        String code = emit(image(Layer.of("Conv2D", "c", Map.of("filters", 8, "kernel_row", 3, "stride_row", 2,
                "border_mode", "same"), "data")));
        // 32 -> 16 needs 15 * 2 + 3 - 32 = 1 extra row/column, TensorFlow puts it at the end
        assertTrue(code.contains("nn.Sequential(nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(16, 8, kernel_size=3, stride=2))"), code);
    }

    @Test
    void fusedActivationFollowsTheLayer() {
        String code = emit(image(Layer.of("Conv2D", "c", Map.of("filters", 8, "kernel_row", 3, "activation", "relu"), "data")));
        assertTrue(code.contains("c = self._record(\"c\", F.relu(self.c(data)))"), code);
    }

    @Test
    void shapeChangingOpaqueFunctionIsAMarkedPlaceholder() {
        String code = emit(image(Layer.of("Lambda", "shrink", Map.of("output_shape", List.of(4), "note", "custom"), "data")));
        assertTrue(code.contains("class OpaqueFunction(nn.Module):"), code);
        assertTrue(code.contains("self.shrink = OpaqueFunction((4,))"), code);
        assertTrue(code.contains("OPAQUE: the source's function"), code);
    }

    @Test
    void unsupportedLayersAreNamed() {
        Graph attention = new Graph(List.of(Layer.of("Input", "seq", Map.of("output_shape", List.of(10, 30))),
                Layer.of("MultiHeadAttention", "my attention", Map.of("num_heads", 4, "key_dim", 8), "seq")));
        UnsupportedLayerException e = assertThrows(UnsupportedLayerException.class, () -> emit(attention));
        assertTrue(e.getMessage().contains("'my attention'") && e.getMessage().contains("divisible"), e.getMessage());


        Graph deconv = image(Layer.of("Deconv2D", "up", Map.of("filters", 4, "kernel_row", 2, "border_mode", "same"), "data"));
        e = assertThrows(UnsupportedLayerException.class, () -> emit(deconv));
        assertTrue(e.getMessage().contains("'up'") && e.getMessage().contains("output_padding"), e.getMessage());

        Graph pool = image(Layer.of("Pooling2D", "sparse", Map.of("kernel_row", 1, "stride_row", 3, "ceil_mode", true), "data"));
        e = assertThrows(UnsupportedLayerException.class, () -> emit(pool));
        assertTrue(e.getMessage().contains("'sparse'") && e.getMessage().contains("ceil_mode"), e.getMessage());

        Graph free = new Graph(List.of(Layer.of("Input", "x", Map.of("output_shape", List.of(-1, 20))),
                Layer.of("Conv1D", "conv", Map.of("filters", 4, "kernel_row", 3), "x")));
        e = assertThrows(UnsupportedLayerException.class, () -> emit(free));
        assertTrue(e.getMessage().contains("'conv'") && e.getMessage().contains("input channels"), e.getMessage());
    }

    @Test
    void trainingBlockBecomesOptimiserAndSchedule() {
        Graph g = image(Layer.of("Flatten", "flat", Map.of(), "data"))
                .withTraining(new org.paper2code.graph.Training(Map.of("optimizer", "adam", "learning_rate", 0.0003,
                        "beta2", 0.98, "lr_schedule", Map.of("policy", "multistep", "steps", List.of(10, 20), "gamma", 0.5))));
        String code = emit(g);
        assertTrue(code.contains("torch.optim.Adam(model.parameters(), lr=0.0003, betas=(0.9, 0.98))"), code);
        assertTrue(code.contains("MultiStepLR(optimizer, milestones=[10, 20], gamma=0.5)"), code);
        assertTrue(code.contains("def train(model, loader, criterion, epochs=1):"), code);
        // "steps" counts iterations: the scheduler steps inside the batch loop
        assertTrue(code.contains("\n            scheduler.step()  # once per iteration"), code);
    }

    @Test
    void epochSchedulesStepOncePerEpoch() {
        Graph g = image(Layer.of("Flatten", "flat", Map.of(), "data"))
                .withTraining(new org.paper2code.graph.Training(Map.of("optimizer", "sgd", "learning_rate", 0.1, "epochs", 90,
                        "lr_schedule", Map.of("policy", "step", "gamma", 0.1, "step_epochs", 30))));
        String code = emit(g);
        assertTrue(code.contains("StepLR(optimizer, step_size=30, gamma=0.1)"), code);
        assertTrue(code.contains("\n        scheduler.step()  # once per epoch"), code);
        assertFalse(code.contains("once per iteration"), code);

        Graph multi = image(Layer.of("Flatten", "flat", Map.of(), "data"))
                .withTraining(new org.paper2code.graph.Training(Map.of("learning_rate", 0.1,
                        "lr_schedule", Map.of("policy", "multistep", "gamma", 0.1, "steps_epochs", List.of(30, 60)))));
        code = emit(multi);
        assertTrue(code.contains("MultiStepLR(optimizer, milestones=[30, 60], gamma=0.1)"), code);
        assertTrue(code.contains("\n        scheduler.step()  # once per epoch"), code);

        Graph iters = image(Layer.of("Flatten", "flat", Map.of(), "data"))
                .withTraining(new org.paper2code.graph.Training(Map.of("learning_rate", 0.1,
                        "lr_schedule", Map.of("policy", "step", "gamma", 0.1, "step_size", 100000))));
        code = emit(iters);
        assertTrue(code.contains("StepLR(optimizer, step_size=100000, gamma=0.1)"), code);
        assertTrue(code.contains("\n            scheduler.step()  # once per iteration"), code);
    }
}
