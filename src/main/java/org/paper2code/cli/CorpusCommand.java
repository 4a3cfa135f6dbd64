package org.paper2code.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.synth.CorpusSynth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corpus synth -n N --seed S -o DIR}: evaluation corpora. */
@Command(name = "corpus", mixinStandardHelpOptions = true, description = "Makes evaluation corpora.",
        subcommands = {CorpusCommand.Synth.class})
public final class CorpusCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (synth)");
    }

    @Command(name = "synth", mixinStandardHelpOptions = true,
            description = {"Generates synthetic architecture figures and papers with exact truth (paper2code-truth/1).",
                "The same seed gives the same files."})
    static final class Synth implements Callable<Integer> {
        @Option(names = "-n", required = true, paramLabel = "N", description = "number of figures (papers: about N/20, at least 10 from N=200)")
        int n;

        @Option(names = "--seed", paramLabel = "S", description = "run seed (default ${DEFAULT-VALUE})")
        long seed = 1;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output folder")
        Path output;

        @Option(names = "--threads", paramLabel = "T", description = "rendering threads (default: available processors)")
        int threads = Runtime.getRuntime().availableProcessors();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (n < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "-n must be at least 1");
            }
            System.setProperty("java.awt.headless", "true");
            long t0 = System.nanoTime();
            CorpusSynth.Summary s = new CorpusSynth(seed, threads).run(n, output);
            double secs = (System.nanoTime() - t0) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            StringBuilder styles = new StringBuilder();
            for (DiagramStyle st : DiagramStyle.values()) {
                styles.append(' ').append(st.id()).append('=').append(s.perStyle().getOrDefault(st, 0));
            }
            out.printf(java.util.Locale.ROOT, "wrote %d figures (%s) and %d papers (%d figures) to %s in %.1f s%n", s.figures(),
                    styles.toString().trim(), s.papers(), s.paperFigures(), output, secs);
            out.flush();
            return Main.OK;
        }
    }
}
