package org.paper2code.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PdfOptions;
import org.paper2code.pdf.ReadingOrderCheck;

/**
 * The pdf stage as the layout evaluation reads it: every figure and table it finds, with label and
 * caption, and the reading-order check of its running text. Crops are rendered at the lowest
 * resolution (they are not scored), under a long time limit so a busy machine does not change the score.
 */
final class PdfLayout implements LayoutReader {
    private static final PdfOptions OPTIONS = PdfOptions.defaults().withCropDpi(10).withTimeLimit(java.time.Duration.ofMinutes(10));

    @Override
    public Found read(Path pdf) throws Exception {
        Paper paper = new org.paper2code.pdf.PaperReader().read(pdf, OPTIONS);
        List<FoundObject> out = new ArrayList<>();
        for (Paper.Figure f : paper.figures()) {
            out.add(new FoundObject(LayoutTruth.Kind.FIGURE, f.page(), box(f.bbox()), f.label(), f.caption()));
        }
        for (Paper.Table t : paper.tables()) {
            out.add(new FoundObject(LayoutTruth.Kind.TABLE, t.page(), box(t.bbox()), t.label(), t.caption()));
        }
        ReadingOrderCheck.Result order = ReadingOrderCheck.check(paper);
        return new Found(out, order.checked(), order.mixed());
    }

    private static Box box(org.paper2code.pdf.Rect r) {
        return new Box(r.x(), r.y(), r.w(), r.h());
    }
}
