package org.paper2code.emit.pytorch;

import java.util.List;

/**
 * What one layer contributes to the generated module.
 * @param module constructor expression for {@code self.<id>}, or null for stateless layers
 * @param before statements forward() runs before the value (temporaries start with '_')
 * @param value the expression for the layer's output
 * @param note a comment for the reader (already safe), or null
 */
record TorchLayer(String module, List<String> before, String value, String note) {
    static TorchLayer of(String module, String value) {
        return new TorchLayer(module, List.of(), value, null);
    }

    TorchLayer withNote(String text) {
        return new TorchLayer(module, before, value, text);
    }
}
