package org.paper2code.eval;

import java.nio.file.Path;
import java.util.List;

/** The pdf stage as the layout evaluation sees it: a PDF to all its figures and tables, and its reading-order check. */
@FunctionalInterface
public interface LayoutReader {
    /**
     * @param objects  every figure and table found
     * @param sentences sentences checked for reading order (on two-column pages)
     * @param mixed    those whose text mixes both columns, each described
     */
    record Found(List<FoundObject> objects, int sentences, List<String> mixed) {
        public Found {
            objects = List.copyOf(objects);
            mixed = List.copyOf(mixed);
        }
    }

    Found read(Path pdf) throws Exception;
}
