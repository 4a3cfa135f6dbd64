package org.paper2code.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PdfOptions;
import org.paper2code.tables.ArchitectureTableParser;
import org.paper2code.tables.ConfigGraph;
import org.paper2code.tables.TableResult;

/** The pdf + tables stages as the evaluation reads them: every configuration of every table read as an architecture. */
final class PdfArchitectureTables implements TableReader {
    /** Crops are not looked at: the lowest resolution. */
    private static final PdfOptions OPTIONS = PdfOptions.defaults().withCropDpi(10);

    @Override
    public List<FoundTable> architectureTables(Path pdf) throws Exception {
        Paper paper = new org.paper2code.pdf.PaperReader().read(pdf, OPTIONS);
        ArchitectureTableParser parser = new ArchitectureTableParser();
        List<FoundTable> found = new ArrayList<>();
        for (Paper.Table t : paper.tables()) {
            if (parser.parse(t, pdf.getFileName().toString()) instanceof TableResult.Architecture a) {
                for (ConfigGraph c : a.configurations()) {
                    found.add(new FoundTable(t.label(), c.graph().source().configuration(), c.graph()));
                }
            }
        }
        return found;
    }
}
