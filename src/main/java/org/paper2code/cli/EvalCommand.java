package org.paper2code.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paper2code.eval.EvalReport;
import org.paper2code.eval.Evaluator;
import org.paper2code.eval.Predictor;
import org.paper2code.eval.Stages;
import org.paper2code.eval.TruthCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eval DIR [--report FILE.md] [--json FILE.json]}: scores the available stages against truth files. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Reads every *.truth.json below DIR (figures/<id>.truth.json + image, papers/<id>.truth.json + PDF),",
                "runs the pipeline stages that exist, and prints scores per diagram style and overall.",
                "Stages that do not exist yet are reported as 'not run'. A truth file's image/pdf path is",
                "relative to the truth file; --images/--pdfs name folders searched by file name when it is missing.",
                "Exit 0 when every truth file was usable, 1 when some were not (they are named with the reason)."})
public final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "folder holding truth files (searched recursively)")
    Path dir;

    @Option(names = "--report", paramLabel = "FILE.md", description = "also write the report as Markdown")
    Path report;

    @Option(names = "--json", paramLabel = "FILE.json", description = "also write the scores as JSON")
    Path json;

    @Option(names = "--images", paramLabel = "DIR", description = "folder with figure images, used when a truth file's image path does not exist")
    Path images;

    @Option(names = "--pdfs", paramLabel = "DIR", description = "folder with paper PDFs, used when a truth file's pdf path does not exist")
    Path pdfs;

    @Option(names = "--stages", paramLabel = "LIST", split = ",",
            description = "run only these stages (comma-separated: classify, detect, pdf, text, tables); default all")
    List<String> stages;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TruthCorpus corpus;
        try {
            List<Path> media = new ArrayList<>();
            if (images != null) {
                media.add(images);
            }
            if (pdfs != null) {
                media.add(pdfs);
            }
            corpus = TruthCorpus.load(dir, media);
        } catch (IOException e) {
            err.println("paper2code eval: " + e.getMessage());
            return Main.USAGE;
        }
        Predictor predictor = Stages.available();
        if (stages != null) {
            List<String> known = java.util.Arrays.stream(Predictor.Stage.values()).map(Predictor.Stage::id).toList();
            for (String s : stages) {
                if (!known.contains(s)) {
                    err.println("paper2code eval: unknown stage '" + s + "' (known: " + String.join(", ", known) + ")");
                    return Main.USAGE;
                }
            }
            predictor = predictor.only(stages);
        }
        Evaluator.Result result = new Evaluator(predictor).run(corpus);
        EvalReport rep = new EvalReport(result, dir.toString().replace('\\', '/'));
        String md = rep.markdown();
        out.print(md);
        out.flush();
        if (report != null) {
            write(report, md);
            err.println("wrote " + report);
        }
        if (json != null) {
            write(json, rep.json());
            err.println("wrote " + json);
        }
        for (TruthCorpus.Problem p : corpus.problems()) {
            err.println("paper2code eval: " + p.file() + ": " + p.reason());
        }
        return corpus.problems().isEmpty() ? Main.OK : Main.SOME_FAILED;
    }

    private static void write(Path file, String content) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        new OutputFolder(abs.getParent()).write(abs.getFileName().toString(), content);
    }
}
