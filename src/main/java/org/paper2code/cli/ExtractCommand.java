package org.paper2code.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paper2code.emit.EmitOptions;
import org.paper2code.graph.GraphJson;
import org.paper2code.pdf.PdfOptions;
import org.paper2code.pipeline.ArchitectureTables;
import org.paper2code.pipeline.ExtractOptions;
import org.paper2code.pipeline.ExtractRun;
import org.paper2code.pipeline.Inputs;
import org.paper2code.pipeline.PaperOutcome;
import org.paper2code.pipeline.ProgressDisplay;
import org.paper2code.pipeline.RunListener;
import org.paper2code.report.ReportListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code extract INPUT... -o OUT}: the batch pipeline over many papers (package pipeline). */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Runs every stage over papers: PDFs, folders (searched recursively for *.pdf) or list files",
                "(@list.txt or --list FILE, one path per line). Writes OUT/<paper-id>/ per paper (paper.json, text.txt,",
                "figures/, graph-K.json, keras-K.py, pytorch-K.py, caffe-K.prototxt, solver.prototxt, mex.ttl),",
                "OUT/summary.json and OUT/mex-dataset.nq. Papers done by an earlier run (same SHA-256) are skipped",
                "unless --force. Exit 0 when every paper is done, 1 when some failed (named on stderr), 2 for usage errors."})
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "PDF files, folders, or @list.txt")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--list", paramLabel = "FILE", description = "file with one PDF or folder path per line (repeatable)")
    List<Path> lists = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "output folder")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "papers at once (default: cores, ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "per-paper time limit (default ${DEFAULT-VALUE})")
    long timeLimit = 300;

    @Option(names = "--force", description = "redo papers an earlier run already finished")
    boolean force;

    @Option(names = "--no-classify", description = "skip the figure classifier (then no figure is parsed)")
    boolean noClassify;

    @Option(names = "--no-detect", description = "skip the diagram parser")
    boolean noDetect;

    @Option(names = "--no-text", description = "skip hyperparameter mining")
    boolean noText;

    @Option(names = "--no-tables", description = "skip the table parser")
    boolean noTables;

    @Option(names = "--no-report", description = "do not write the HTML report (OUT/index.html; `paper2code report OUT` writes it later)")
    boolean noReport;

    @Option(names = "--dpi", paramLabel = "N", description = "figure crop resolution (default ${DEFAULT-VALUE})")
    int dpi = PdfOptions.DEFAULT_DPI;

    @Option(names = "--no-ocr", description = "do not OCR scanned pages")
    boolean noOcr;

    @Option(names = "--base-iri", paramLabel = "IRI", description = "namespace for MEX resources (default ${DEFAULT-VALUE})")
    String baseIri = EmitOptions.DEFAULT_BASE_IRI;

    @Option(names = "--json", description = "print summary.json to stdout")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (inputs.isEmpty() && lists.isEmpty()) {
            err.println("paper2code extract: give PDFs, folders or a list file (see --help)");
            return Main.USAGE;
        }
        ExtractOptions options;
        List<Path> pdfs;
        try {
            PdfOptions pdf = PdfOptions.defaults().withCropDpi(dpi).withOcr(!noOcr, null);
            options = new ExtractOptions(output, threads, Duration.ofSeconds(timeLimit), force, !noClassify, !noDetect, !noText,
                    !noTables, pdf, new EmitOptions(baseIri, null));
            new org.paper2code.mex.MexEmitter(options.emit(), org.paper2code.mex.MexEmitter.Syntax.TURTLE); // checks the IRI
            pdfs = Inputs.expand(inputs, lists);
        } catch (IllegalArgumentException | Inputs.InputException e) {
            err.println("paper2code extract: " + e.getMessage());
            return Main.USAGE;
        }
        if (pdfs.isEmpty()) {
            err.println("paper2code extract: no PDF found in " + (inputs.isEmpty() ? lists : inputs));
            return Main.USAGE;
        }
        PrintStream log = System.err;
        ProgressDisplay progress = new ProgressDisplay(log, ProgressDisplay.onTerminal());
        List<RunListener> listeners = new ArrayList<>();
        listeners.add(progress);
        if (!noReport) {
            listeners.add(new ReportListener(log));
        }
        ExtractRun.Result result;
        try {
            result = new ExtractRun(options, ArchitectureTables.STANDARD, listeners, log).run(pdfs);
        } finally {
            progress.close();
        }
        var totals = result.summary().get("totals");
        err.printf(java.util.Locale.ROOT, "paper2code extract: %d papers: %d done, %d skipped (done earlier), %d failed; "
                        + "%d figures, %d architecture, %d graphs; wrote %s%n", result.papers().size(),
                result.papers().stream().filter(p -> p.status().equals(PaperOutcome.DONE)).count(),
                result.papers().stream().filter(p -> p.status().equals(PaperOutcome.SKIPPED)).count(),
                result.failed().size(), totals.path("figures").asInt(), totals.path("architecture_figures").asInt(),
                totals.path("graphs").asInt(), output);
        for (PaperOutcome f : result.failed()) {
            err.println("paper2code extract: FAILED " + f.source() + ": " + f.error());
        }
        if (json) {
            out.println(GraphJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result.summary()));
        }
        out.flush();
        err.flush();
        return result.failed().isEmpty() ? Main.OK : Main.SOME_FAILED;
    }
}
