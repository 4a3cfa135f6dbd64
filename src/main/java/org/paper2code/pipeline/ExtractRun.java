package org.paper2code.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.paper2code.graph.GraphJson;

/**
 * A batch run: papers in, OUT/&lt;paper-id&gt;/ per paper, then OUT/summary.json and
 * OUT/mex-dataset.nq over every paper folder in OUT, then the listeners' end of run (the report).
 *
 * <p>Papers already done by an earlier run with the same SHA-256 are skipped unless forced.
 * {@code threads} papers run at once; each runs in a worker thread under the time limit: past
 * it the paper is failed and its slot moves on at once (the worker is interrupted and stops at
 * its next check; PDFBox parsing cannot be interrupted, so a stuck worker is abandoned as a
 * daemon). Every result, failed ones included, is written as a whole folder in one rename.
 */
public final class ExtractRun {
    public static final String SUMMARY = "summary.json";
    public static final String SUMMARY_FORMAT = "paper2code-run/1";
    private static final String[] STAGES = {"pdf", "classify", "detect", "tables", "text", "emit"};

    private final ExtractOptions options;
    private final PaperProcessor processor;
    private final List<RunListener> listeners;
    private final PrintStream warnings;

    public ExtractRun(ExtractOptions options, ArchitectureTables tables, List<RunListener> listeners, PrintStream warnings) {
        this.options = options;
        this.processor = new PaperProcessor(options, tables);
        this.listeners = List.copyOf(listeners);
        this.warnings = warnings;
    }

    /** One input with its id and hash (null when the file cannot be read). */
    private record Planned(Path pdf, String id, String sha256, String readError) {
    }

    /** The run's outcome: summary.json's tree and this run's papers, in input order. */
    public record Result(ObjectNode summary, List<PaperOutcome> papers) {
        public List<PaperOutcome> failed() {
            return papers.stream().filter(PaperOutcome::failed).toList();
        }
    }

    public Result run(List<Path> inputs) throws IOException {
        Instant started = Instant.now();
        PaperFolder folder = new PaperFolder(options.out());
        for (Path p : folder.cleanLeftovers()) {
            warnings.println("paper2code extract: removed " + p.getFileName() + " (left by an interrupted run)");
        }
        List<Planned> plan = plan(inputs);
        PaperOutcome[] outcomes = new PaperOutcome[plan.size()];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            PaperOutcome earlier = options.force() ? null : earlierResult(folder, plan.get(i));
            if (earlier != null) {
                outcomes[i] = earlier;
            } else {
                todo.add(i);
            }
        }
        listeners.forEach(l -> l.started(plan.size(), plan.size() - todo.size()));
        Map<String, Long> stageMillis = new LinkedHashMap<>();
        for (String s : STAGES) {
            stageMillis.put(s, 0L);
        }
        ExecutorService workers = Executors.newCachedThreadPool(daemons("paper2code-extract-worker"));
        ExecutorService slots = Executors.newFixedThreadPool(options.threads(), daemons("paper2code-extract-slot"));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i : todo) {
                jobs.add(slots.submit(() -> {
                    PaperResult r = runOne(workers, plan.get(i));
                    try {
                        folder.write(r.paperId(), r.files());
                    } catch (IOException | RuntimeException e) {
                        r = failed(plan.get(i), "cannot write its output folder: " + PaperProcessor.message(e), 0);
                        try {
                            folder.write(r.paperId(), r.files());
                        } catch (IOException | RuntimeException ignored) {
                            // the summary still names the paper and the reason
                        }
                    }
                    outcomes[i] = r.outcome();
                    synchronized (stageMillis) {
                        JsonNode t = r.json().path("timings_ms");
                        stageMillis.replaceAll((k, v) -> v + t.path(k).asLong(0));
                    }
                    for (RunListener l : listeners) {
                        l.paperFinished(r.outcome());
                    }
                    return null;
                }));
            }
            for (Future<?> j : jobs) {
                try {
                    j.get();
                } catch (ExecutionException e) {
                    warnings.println("paper2code extract: internal error: " + PaperProcessor.message(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        } finally {
            slots.shutdownNow();
            workers.shutdownNow();
        }
        List<PaperOutcome> mine = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            mine.add(outcomes[i] != null ? outcomes[i]
                    : failed(plan.get(i), "not processed (internal error, see stderr)", 0).outcome());
        }
        ObjectNode summary = summary(folder, mine, started, stageMillis);
        folder.writeAtomically(SUMMARY, os -> os.write(PaperProcessor.json(summary)));
        for (String problem : MexDataset.write(folder)) {
            warnings.println("paper2code extract: " + MexDataset.FILE + ": left out " + problem);
        }
        for (RunListener l : listeners) {
            try {
                l.runFinished(folder.out(), summary);
            } catch (IOException | RuntimeException e) {
                warnings.println("paper2code extract: end of run: " + PaperProcessor.message(e));
            }
        }
        return new Result(summary, mine);
    }

    /** Runs one paper in a worker under the time limit; any failure becomes a failed result. */
    private PaperResult runOne(ExecutorService workers, Planned p) {
        long t0 = System.nanoTime();
        if (p.readError() != null) {
            return failed(p, p.readError(), 0);
        }
        Future<PaperResult> f = workers.submit(() -> processor.process(p.id(), p.pdf(), p.sha256()));
        try {
            return f.get(options.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return failed(p, "over the time limit of " + options.timeLimit().toSeconds() + " s per paper", ms(t0));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String why = c instanceof PaperProcessor.PaperFailedException ? c.getMessage()
                    : "internal error: " + PaperProcessor.message(c);
            return failed(p, why, ms(t0));
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return failed(p, "interrupted", ms(t0));
        }
    }

    private List<Planned> plan(List<Path> inputs) {
        List<Planned> raw = new ArrayList<>();
        Map<String, Integer> perId = new HashMap<>();
        for (Path pdf : inputs) {
            String sha = null;
            String error = null;
            try {
                sha = sha256(pdf);
            } catch (IOException e) {
                error = pdf + ": cannot read (" + e.getMessage() + ")";
            }
            String id = PaperId.of(pdf);
            perId.merge(id, 1, Integer::sum);
            raw.add(new Planned(pdf, id, sha, error));
        }
        // a repeated id: every input after the first gets the hash suffix (and a counter if even that repeats)
        Set<String> used = new HashSet<>();
        List<Planned> out = new ArrayList<>();
        for (Planned p : raw) {
            String id = p.id();
            if (!used.add(id)) {
                id = PaperId.withHash(p.id(), p.sha256());
                for (int n = 2; !used.add(id); n++) {
                    id = PaperId.withHash(p.id(), p.sha256()) + "-" + n;
                }
            }
            out.add(new Planned(p.pdf(), id, p.sha256(), p.readError()));
        }
        return out;
    }

    /** The earlier run's outcome when it finished this very file (same SHA-256, status done), else null. */
    private static PaperOutcome earlierResult(PaperFolder folder, Planned p) {
        if (p.sha256() == null) {
            return null;
        }
        JsonNode j = folder.read(p.id());
        if (j == null || !PaperOutcome.DONE.equals(j.path("status").asText()) || !p.sha256().equals(j.path("sha256").asText())) {
            return null;
        }
        return fromJson(p.id(), j, PaperOutcome.SKIPPED, p.pdf().toString());
    }

    private static PaperOutcome fromJson(String id, JsonNode j, String status, String source) {
        int architecture = 0;
        for (JsonNode f : j.path("figures")) {
            String style = f.path("style").asText(null);
            if (style != null && !style.equals("other")) {
                architecture++;
            }
        }
        return new PaperOutcome(id, source != null ? source : j.path("source").asText(null), j.path("sha256").asText(null), status,
                j.path("error").isTextual() ? j.path("error").asText() : null, j.path("figures").size(), architecture,
                j.path("tables").size(), j.path("graphs").size(), j.path("timings_ms").path("total").asLong(0) / 1000.0);
    }

    private PaperResult failed(Planned p, String reason, long millis) {
        ObjectNode root = GraphJson.MAPPER.createObjectNode();
        root.put("format", PaperProcessor.FORMAT);
        root.put("paper_id", p.id());
        root.put("source", p.pdf().toString());
        root.put("sha256", p.sha256());
        root.putNull("title");
        root.putNull("pages");
        root.put("status", PaperOutcome.FAILED);
        root.put("error", reason);
        root.put("scanned", false);
        ObjectNode t = root.putObject("timings_ms");
        for (String s : STAGES) {
            t.put(s, 0);
        }
        t.put("total", millis);
        root.putArray("figures");
        root.putArray("tables");
        root.putArray("graphs");
        root.putObject("hyperparameters");
        root.putArray("datasets");
        root.putArray("metrics");
        root.putNull("solver");
        root.putNull("mex");
        root.putArray("errors").addObject().put("stage", "paper").putNull("item").put("message", reason);
        Map<String, byte[]> files = Map.of(PaperFolder.PAPER_JSON, PaperProcessor.json(root));
        return new PaperResult(p.id(), root, files, new PaperOutcome(p.id(), p.pdf().toString(), p.sha256(), PaperOutcome.FAILED,
                reason, 0, 0, 0, 0, millis / 1000.0));
    }

    /**
     * summary.json: this run's papers in input order, then every other paper folder in OUT
     * (earlier runs': done ones count as skipped); stage times are this run's processed papers.
     */
    private ObjectNode summary(PaperFolder folder, List<PaperOutcome> mine, Instant started, Map<String, Long> stageMillis)
            throws IOException {
        List<PaperOutcome> all = new ArrayList<>(mine);
        Set<String> seen = new HashSet<>();
        mine.forEach(o -> seen.add(o.paperId()));
        for (String id : folder.paperIds()) {
            if (seen.add(id)) {
                JsonNode j = folder.read(id);
                if (j != null) {
                    boolean done = PaperOutcome.DONE.equals(j.path("status").asText());
                    all.add(fromJson(id, j, done ? PaperOutcome.SKIPPED : PaperOutcome.FAILED, null));
                }
            }
        }
        ObjectNode root = GraphJson.MAPPER.createObjectNode();
        root.put("format", SUMMARY_FORMAT);
        root.put("started", started.toString());
        root.put("finished", Instant.now().toString());
        root.put("threads", options.threads());
        ArrayNode papers = root.putArray("papers");
        Map<String, AtomicInteger> totals = new LinkedHashMap<>();
        for (String k : List.of("papers", "done", "failed", "skipped", "figures", "architecture_figures", "graphs")) {
            totals.put(k, new AtomicInteger());
        }
        for (PaperOutcome o : all) {
            ObjectNode e = papers.addObject();
            e.put("paper_id", o.paperId());
            e.put("source", o.source());
            e.put("sha256", o.sha256());
            e.put("status", o.status());
            e.put("error", o.error());
            e.put("figures", o.figures());
            e.put("architecture_figures", o.architectureFigures());
            e.put("tables", o.tables());
            e.put("graphs", o.graphs());
            e.put("seconds", Math.round(o.seconds() * 10) / 10.0);
            totals.get("papers").incrementAndGet();
            totals.get(o.status()).incrementAndGet();
            totals.get("figures").addAndGet(o.figures());
            totals.get("architecture_figures").addAndGet(o.architectureFigures());
            totals.get("graphs").addAndGet(o.graphs());
        }
        ObjectNode t = root.putObject("totals");
        totals.forEach((k, v) -> t.put(k, v.get()));
        ObjectNode times = root.putObject("timings_ms");
        stageMillis.forEach(times::put);
        return root;
    }

    static String sha256(Path pdf) throws IOException {
        try (InputStream in = Files.newInputStream(pdf)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
