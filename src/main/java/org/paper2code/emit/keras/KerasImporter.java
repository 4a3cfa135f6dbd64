package org.paper2code.emit.keras;

import org.paper2code.emit.Importer;
import org.paper2code.graph.Graph;

/** Placeholder until this importer lands: every call fails with a clear message. */
public final class KerasImporter implements Importer {
    @Override
    public String format() {
        return "keras";
    }

    @Override
    public Graph read(String text, String sourceName) {
        throw new UnsupportedOperationException("KerasImporter is not built yet");
    }
}
