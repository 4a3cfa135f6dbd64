package org.paper2code.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PaperReader;
import org.paper2code.pdf.PdfException;
import org.paper2code.pdf.PdfOptions;

/**
 * Page text from the PDF stage: columns in reading order, hyphenation and ligatures
 * repaired, OCR for scanned pages. Crops are rendered at a low resolution because the
 * text stage does not look at them.
 */
public final class PdfStagePaperText implements PaperText {
    private static final PdfOptions OPTIONS = PdfOptions.defaults().withCropDpi(36);

    @Override
    public List<Passage> read(Path file) throws IOException {
        Paper paper;
        try {
            paper = new PaperReader().read(file, OPTIONS);
        } catch (PdfException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<Passage> out = new ArrayList<>();
        for (Paper.Page page : paper.pages()) {
            if (page.text() != null && !page.text().isBlank()) {
                out.add(new Passage(page.text(), page.number()));
            }
        }
        return out;
    }
}
