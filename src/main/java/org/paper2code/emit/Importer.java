package org.paper2code.emit;

import org.paper2code.graph.Graph;

/** Reads a model definition in some framework's format into the abstract graph. */
public interface Importer {
    /** Short name of the format, e.g. "caffe". */
    String format();

    /**
     * @param text the file's content
     * @param sourceName the file name, used in error messages and as the graph's source
     * @throws ImportException naming the location and the reason
     */
    Graph read(String text, String sourceName);
}
