package org.paper2code.pipeline;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: a progress bar (papers done, figures, papers/min, ETA) when stderr is
 * a terminal, otherwise one plain log line per paper (for logs and CI).
 */
public final class ProgressDisplay implements RunListener {
    private final PrintStream log;
    private final boolean bar;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger processed = new AtomicInteger();
    private final AtomicInteger figures = new AtomicInteger();
    private final AtomicInteger architecture = new AtomicInteger();
    private final AtomicInteger graphs = new AtomicInteger();
    private final long start = System.nanoTime();
    private volatile int total;
    private ProgressBar progress;

    /** @param bar draw a progress bar (use {@link #onTerminal()}); otherwise log lines to {@code log} */
    public ProgressDisplay(PrintStream log, boolean bar) {
        this.log = log;
        this.bar = bar;
    }

    /** Whether a person is watching: the JVM has a console. */
    public static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public synchronized void started(int papers, int skipped) {
        total = papers;
        if (bar) {
            progress = new ProgressBarBuilder().setTaskName("extract").setInitialMax(papers).setUnit(" papers", 1)
                    .showSpeed(new java.text.DecimalFormat("0.0")).setSpeedUnit(ChronoUnit.MINUTES)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
            progress.stepBy(skipped);
        } else {
            log.printf(Locale.ROOT, "paper2code extract: %d papers, %d already done (skipped)%n", papers, skipped);
        }
        done.addAndGet(skipped);
    }

    @Override
    public synchronized void paperFinished(PaperOutcome o) {
        if (o.status().equals(PaperOutcome.SKIPPED)) {
            return;
        }
        int n = done.incrementAndGet();
        int p = processed.incrementAndGet();
        figures.addAndGet(o.figures());
        architecture.addAndGet(o.architectureFigures());
        graphs.addAndGet(o.graphs());
        if (bar) {
            progress.step();
            progress.setExtraMessage(" " + figures.get() + " fig, " + architecture.get() + " arch, " + graphs.get() + " graphs");
        } else {
            double minutes = (System.nanoTime() - start) / 6e10;
            log.printf(Locale.ROOT, "paper2code extract: [%d/%d] %s: %s%s (%d figures, %d architecture, %d graphs, %.1f s; %.1f papers/min)%n",
                    n, total, o.paperId(), o.status(), o.error() == null ? "" : ": " + o.error(), o.figures(),
                    o.architectureFigures(), o.graphs(), o.seconds(), minutes > 0 ? p / minutes : 0.0);
        }
    }

    /** Ends the bar (before the run's summary is printed). */
    public synchronized void close() {
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }
}
