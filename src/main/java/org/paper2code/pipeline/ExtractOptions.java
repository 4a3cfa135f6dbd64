package org.paper2code.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import org.paper2code.emit.EmitOptions;
import org.paper2code.pdf.PdfOptions;

/**
 * Settings of a batch extraction run.
 *
 * @param out        the output folder (papers go to out/&lt;paper-id&gt;/)
 * @param threads    papers processed at once
 * @param timeLimit  per-paper wall-clock limit; a paper over it is failed with that reason
 * @param force      redo papers already done by an earlier run with the same SHA-256
 * @param classify   run the figure classifier (without it no figure is parsed)
 * @param detect     parse architecture figures into graphs
 * @param text       mine training hyperparameters, datasets and metrics from the text
 * @param tables     run the table hook over the paper's tables
 * @param pdf        PDF stage settings (its time limit is capped by {@code timeLimit})
 * @param emit       emitter settings (MEX base IRI)
 */
public record ExtractOptions(Path out, int threads, Duration timeLimit, boolean force, boolean classify, boolean detect,
                             boolean text, boolean tables, PdfOptions pdf, EmitOptions emit) {
    public ExtractOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("--time-limit must be positive");
        }
        pdf = pdf == null ? PdfOptions.defaults() : pdf;
        emit = emit == null ? EmitOptions.defaults() : emit;
    }

    public static ExtractOptions defaults(Path out) {
        return new ExtractOptions(out, Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(300), false, true, true, true,
                true, PdfOptions.defaults(), EmitOptions.defaults());
    }

    /**
     * The PDF stage's own limit: the paper's, at most the PDF stage's default. No table crops: the
     * run reads tables' cells, never their pictures, and a crop costs a page render.
     */
    PdfOptions pdfOptions() {
        Duration limit = timeLimit.compareTo(pdf.timeLimit()) < 0 ? timeLimit : pdf.timeLimit();
        return pdf.withTimeLimit(limit).withTableCrops(false);
    }
}
