package org.paper2code.emit.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.emit.EmitOptions;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Layer;

/**
 * Values, not only shapes, for the layers whose mapping needed care: Caffe's LRN (across and
 * within channels) against a direct implementation of Caffe's formula, and a Bidirectional
 * LSTM's "last step" against the final hidden states PyTorch reports.
 */
class PyTorchSemanticsTest {
    @BeforeAll
    static void torch() {
        TorchRunner.requireTorch();
    }

    @Test
    void lrnAndBidirectionalMatchTheirDefinitions(@TempDir Path dir) throws IOException {
        Graph g = new Graph("semantics", null, List.of(
                Layer.of("Input", "maps", Map.of("output_shape", List.of(7, 6, 6))),
                Layer.of("LRN", "across", Map.of("local_size", 5, "alpha", 0.1, "beta", 0.75, "k", 2.0), "maps"),
                Layer.of("LRN", "within", Map.of("local_size", 3, "alpha", 0.2, "beta", 0.75, "norm_region", "WITHIN_CHANNEL"), "maps"),
                Layer.of("Input", "seq", Map.of("output_shape", List.of(5, 4))),
                Layer.of("Bidirectional", "bi", Map.of("layer", "LSTM", "units", 3), "seq")), null);
        Files.writeString(dir.resolve("model.py"), new PyTorchEmitter(EmitOptions.defaults()).emit(g).get(0).content());
        Files.writeString(dir.resolve("check.py"), """
                import torch
                import torch.nn.functional as F
                import model

                torch.manual_seed(0)
                m = model.Semantics().eval()
                m._trace = {}
                a = torch.randn(2, 7, 6, 6) * 3
                seq = torch.randn(2, 5, 4)
                with torch.no_grad():
                    m(a, seq)
                    _, (h, _) = m.bi(seq)
                sq = a * a
                # Caffe ACROSS_CHANNELS: a / (k + alpha / n * sum of a^2 over n neighbouring channels) ^ beta
                padded = F.pad(sq, (0, 0, 0, 0, 2, 2))
                window = torch.stack([padded[:, c:c + 5].sum(1) for c in range(7)], 1)
                across = a / (2.0 + 0.1 / 5 * window) ** 0.75
                # Caffe WITHIN_CHANNEL: a / (1 + alpha / n^2 * sum of a^2 over an n x n window) ^ beta
                padded = F.pad(sq, (1, 1, 1, 1))
                window = torch.zeros_like(a)
                for i in range(6):
                    for j in range(6):
                        window[:, :, i, j] = padded[:, :, i:i + 3, j:j + 3].sum((2, 3))
                within = a / (1.0 + 0.2 / 9 * window) ** 0.75
                print(torch.allclose(m._trace["across"], across, atol=1e-5),
                      torch.allclose(m._trace["within"], within, atol=1e-5),
                      torch.allclose(m._trace["bi"], torch.cat([h[0], h[1]], dim=-1), atol=1e-6))
                """);
        TorchRunner.Result r = TorchRunner.run(dir, List.of("check.py"), 120);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("True True True", r.stdout().strip(), "LRN across, LRN within, Bidirectional last step");
    }
}
