package org.paper2code.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the miner's text comes from: a paper file to its passages with pages. The one place
 * to swap in the PDF stage's reading-order text later ({@link #forFile}).
 */
@FunctionalInterface
public interface PaperText {
    List<Passage> read(Path file) throws IOException;

    /** PDFBox page text for {@code .pdf}, form-feed separated pages for anything else. */
    static PaperText forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pdf") ? new PdfBoxPaperText() : new PlainTextPaper();
    }

    static List<Passage> of(Path file) throws IOException {
        return forFile(file).read(file);
    }
}
