package org.paper2code.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paper2code.classify.StyleClassifier;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PdfOptions;

/**
 * The pdf stage as the evaluation reads it: every figure the PDF stage finds whose crop the
 * style classifier, helped by the figure's caption (classify.CaptionCue), does not call
 * {@code other}. Crops are rendered at 100 dpi, enough for
 * the classifier's 640-pixel working size on a column-wide figure.
 */
final class PdfArchitectureFigures implements PaperReader {
    private static final PdfOptions OPTIONS = PdfOptions.defaults().withCropDpi(100);

    @Override
    public List<FoundFigure> architectureFigures(Path pdf) throws Exception {
        Paper paper = new org.paper2code.pdf.PaperReader().read(pdf, OPTIONS);
        StyleClassifier classifier = StyleClassifier.standard();
        List<FoundFigure> found = new ArrayList<>();
        for (Paper.Figure f : paper.figures()) {
            if (f.png() == null) {
                continue;
            }
            if (classifier.analysePdfFigure(f.png(), pdf.getFileName() + " p" + f.page(), f.caption()).label().isArchitecture()) {
                found.add(new FoundFigure(f.page(), new Box(f.bbox().x(), f.bbox().y(), f.bbox().w(), f.bbox().h())));
            }
        }
        return found;
    }
}
