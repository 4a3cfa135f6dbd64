package org.paper2code.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PaperJson;
import org.paper2code.pdf.PaperReader;
import org.paper2code.pdf.PdfException;
import org.paper2code.pdf.PdfOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pdf PAPER.pdf... -o DIR}: text, figures, tables and check overlays from research papers. */
@Command(name = "pdf", mixinStandardHelpOptions = true,
        description = {"Reads research paper PDFs: writes paper.json, text.txt, figures/*.png (figure and table crops)",
                "and overlay/page-N.png (found boxes drawn on each page). Several PDFs: one subfolder per file."})
public final class PdfCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PAPER.pdf", description = "input PDFs")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output folder (required unless --json)")
    Path output;

    @Option(names = "--dpi", paramLabel = "N", description = "crop resolution (default ${DEFAULT-VALUE})")
    int dpi = PdfOptions.DEFAULT_DPI;

    @Option(names = "--overlay-dpi", paramLabel = "N", description = "overlay resolution, 0 for none (default ${DEFAULT-VALUE})")
    int overlayDpi = 72;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "per-document time limit (default ${DEFAULT-VALUE})")
    long timeLimit = 120;

    @Option(names = "--max-pixels", paramLabel = "N", description = "cap on any rendered image (default ${DEFAULT-VALUE})")
    long maxPixels = PdfOptions.defaults().maxRenderPixels();

    @Option(names = "--no-ocr", description = "do not OCR pages without a text layer")
    boolean noOcr;

    @Option(names = "--tessdata", paramLabel = "DIR", description = "Tesseract data folder (default: $TESSDATA_PREFIX, then Debian's)")
    Path tessdata;

    @Option(names = "--password", paramLabel = "PW", description = "user password of encrypted PDFs")
    String password;

    @Option(names = "--json", description = "print paper.json to stdout (an array when there are several inputs)")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output == null && !json) {
            err.println("paper2code pdf: an output folder (-o DIR) or --json is required");
            return Main.USAGE;
        }
        PdfOptions options;
        try {
            options = PdfOptions.defaults().withCropDpi(dpi).withOverlayDpi(output == null ? 0 : overlayDpi)
                    .withTimeLimit(Duration.ofSeconds(timeLimit)).withMaxRenderPixels(maxPixels).withOcr(!noOcr, tessdata)
                    .withPassword(password);
        } catch (IllegalArgumentException e) {
            err.println("paper2code pdf: " + e.getMessage());
            return Main.USAGE;
        }
        OutputFolder root = output == null ? null : new OutputFolder(output);
        PaperReader reader = new PaperReader();
        Subfolders subfolders = new Subfolders();
        StringBuilder jsonOut = new StringBuilder(inputs.size() > 1 ? "[\n" : "");
        int failed = 0;
        for (Path in : inputs) {
            try {
                Paper paper = reader.read(in, options);
                String doc = PaperJson.write(paper, root != null);
                if (root != null) {
                    String sub = subfolders.next(in);
                    OutputFolder folder = inputs.size() > 1 ? new OutputFolder(root.root().resolve(sub)) : root;
                    write(folder, paper, doc);
                    if (!json) {
                        err.println("wrote " + folder.root() + ": " + paper.figures().size() + " figures, " + paper.tables().size()
                                + " tables, " + paper.pages().size() + " pages" + (paper.scanned() ? ", scanned" : "")
                                + (paper.partial() ? ", PARTIAL" : ""));
                    }
                }
                for (String w : paper.warnings()) {
                    err.println("paper2code pdf: " + in + ": warning: " + w);
                }
                if (json) {
                    if (jsonOut.length() > 2) {
                        jsonOut.append(",\n");
                    }
                    jsonOut.append(doc.strip());
                }
            } catch (PdfException e) {
                failed++;
                err.println("paper2code pdf: " + e.getMessage());
            }
        }
        if (json) {
            out.println(jsonOut + (inputs.size() > 1 ? "\n]" : ""));
            out.flush();
        }
        if (failed == 0) {
            return Main.OK;
        }
        return inputs.size() == 1 ? Main.USAGE : Main.SOME_FAILED;
    }

    private static void write(OutputFolder folder, Paper paper, String doc) throws IOException {
        for (int i = 0; i < paper.figures().size(); i++) {
            Paper.Figure f = paper.figures().get(i);
            if (f.png() != null) {
                folder.write(PaperJson.figureImage(f, i), f.png());
            }
        }
        for (int i = 0; i < paper.tables().size(); i++) {
            Paper.Table t = paper.tables().get(i);
            if (t.png() != null) {
                folder.write(PaperJson.tableImage(t, i), t.png());
            }
        }
        for (Paper.PageImage o : paper.overlays()) {
            folder.write("overlay/page-" + o.page() + ".png", o.png());
        }
        folder.write("text.txt", paper.text());
        folder.write("paper.json", doc);
    }
}
