package org.paper2code.emit.caffe;

import org.paper2code.emit.Importer;
import org.paper2code.graph.Graph;

/** Placeholder until this importer lands: every call fails with a clear message. */
public final class CaffeImporter implements Importer {
    @Override
    public String format() {
        return "caffe";
    }

    @Override
    public Graph read(String text, String sourceName) {
        throw new UnsupportedOperationException("CaffeImporter is not built yet");
    }
}
