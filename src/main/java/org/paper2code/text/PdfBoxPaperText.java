package org.paper2code.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Page text from PDFBox's {@link PDFTextStripper} with position sorting (two-column papers
 * read column by column). Stand-in until the PDF stage's reading-order text is wired in.
 */
public final class PdfBoxPaperText implements PaperText {
    @Override
    public List<Passage> read(Path file) throws IOException {
        List<Passage> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            int pages = doc.getNumberOfPages();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                if (!text.isBlank()) {
                    out.add(new Passage(text, p));
                }
            }
        }
        return out;
    }
}
