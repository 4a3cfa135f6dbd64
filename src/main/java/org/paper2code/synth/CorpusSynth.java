package org.paper2code.synth;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.paper2code.cli.OutputFolder;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.eval.TruthJson;

/**
 * Writes a synthetic corpus: {@code figures/<id>.png|jpg} with truth, {@code papers/<id>.pdf}
 * with truth, a contact sheet and a README. Each item's random source is derived from the run
 * seed and the item's index only, so the output does not depend on thread scheduling.
 */
public final class CorpusSynth {
    private static final long FIGURE_SALT = 1;
    private static final long PAPER_SALT = 2;
    private static final long STYLE_SALT = 3;

    private final long seed;
    private final int threads;

    public CorpusSynth(long seed, int threads) {
        this.seed = seed;
        this.threads = Math.max(1, threads);
    }

    public record Summary(int figures, Map<DiagramStyle, Integer> perStyle, int papers, int paperFigures) {
    }

    /** Number of papers for n figures: about n/20, at least 10 once n reaches 200, at least 1 for n >= 20. */
    public static int paperCount(int n) {
        int p = n / 20;
        if (n >= 200) {
            p = Math.max(10, p);
        }
        return p;
    }

    /** Styles in blocks of 20: 3 negatives (15%), 3 of each architecture style, one extra 2d-box and 3d-box; shuffled per block. */
    public static DiagramStyle styleOf(long seed, int index) {
        List<DiagramStyle> block = new ArrayList<>();
        for (DiagramStyle s : DiagramStyle.values()) {
            for (int i = 0; i < 3; i++) {
                block.add(s);
            }
        }
        block.add(DiagramStyle.BOX_2D);
        block.add(DiagramStyle.BOX_3D);
        Collections.shuffle(block, new Random(Pick.mix(seed, index / 20, STYLE_SALT)));
        return block.get(index % 20);
    }

    public static String figureId(int index) {
        return String.format(java.util.Locale.ROOT, "fig%05d", index);
    }

    public static String paperId(int index) {
        return String.format(java.util.Locale.ROOT, "paper%03d", index);
    }

    public long figureSeed(int index) {
        return Pick.mix(seed, index, FIGURE_SALT);
    }

    public long paperSeed(int index) {
        return Pick.mix(seed, index, PAPER_SALT);
    }

    public Summary run(int n, Path dir) throws IOException {
        OutputFolder out = new OutputFolder(dir);
        FigureFactory factory = new FigureFactory();
        Map<DiagramStyle, Integer> counts = new EnumMap<>(DiagramStyle.class);
        Map<DiagramStyle, List<Integer>> sheetItems = new EnumMap<>(DiagramStyle.class);
        for (int i = 0; i < n; i++) {
            DiagramStyle s = styleOf(seed, i);
            counts.merge(s, 1, Integer::sum);
            List<Integer> l = sheetItems.computeIfAbsent(s, k -> new ArrayList<>());
            if (l.size() < ContactSheet.PER_ROW) {
                l.add(i);
            }
        }
        Map<Integer, BufferedImage> thumbs = Collections.synchronizedMap(new java.util.HashMap<>());
        java.util.Set<Integer> wanted = new java.util.HashSet<>();
        sheetItems.values().forEach(wanted::addAll);
        int papers = paperCount(n);
        int paperFigures = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "synth");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int index = i;
                jobs.add(pool.submit(() -> {
                    String id = figureId(index);
                    FigureFactory.Figure f;
                    try {
                        f = factory.make(id, styleOf(seed, index), figureSeed(index),
                                "paper2code corpus synth seed=" + seed + " item=" + index);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("figure " + id + " (seed " + seed + "): " + e.getMessage(), e);
                    }
                    out.write("figures/" + f.fileName(), f.bytes());
                    out.write("figures/" + id + ".truth.json", TruthJson.write(f.truth()));
                    if (wanted.contains(index)) {
                        thumbs.put(index, ContactSheet.thumbnail(f.image()));
                    }
                    return 1;
                }));
            }
            for (int p = 0; p < papers; p++) {
                final int index = p;
                jobs.add(pool.submit(() -> {
                    PaperFactory.Paper paper;
                    try {
                        paper = new PaperFactory(factory).make(paperId(index), index, paperSeed(index),
                                "paper2code corpus synth seed=" + seed + " paper=" + index);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("paper " + paperId(index) + " (seed " + seed + "): " + e.getMessage(), e);
                    }
                    out.write("papers/" + paper.id() + ".pdf", paper.pdf());
                    out.write("papers/" + paper.id() + ".truth.json", TruthJson.write(paper.truth()));
                    return paper.truth().figures().size();
                }));
            }
            for (int j = 0; j < jobs.size(); j++) {
                int v = jobs.get(j).get();
                if (j >= n) {
                    paperFigures += v;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(c);
        } finally {
            pool.shutdownNow();
        }
        Map<DiagramStyle, List<BufferedImage>> rows = new EnumMap<>(DiagramStyle.class);
        sheetItems.forEach((s, items) -> rows.put(s, items.stream().map(thumbs::get).toList()));
        out.write("contact-sheet.png", PostProcess.png(ContactSheet.compose(rows)));
        out.write("README.txt", readme(n, counts, papers, paperFigures));
        return new Summary(n, counts, papers, paperFigures);
    }

    private String readme(int n, Map<DiagramStyle, Integer> counts, int papers, int paperFigures) {
        StringBuilder b = new StringBuilder();
        b.append("Synthetic corpus made by: paper2code corpus synth -n ").append(n).append(" --seed ").append(seed).append('\n');
        b.append("seed: ").append(seed).append('\n');
        b.append("figures: ").append(n).append('\n');
        for (DiagramStyle s : DiagramStyle.values()) {
            b.append("  ").append(s.id()).append(": ").append(counts.getOrDefault(s, 0)).append('\n');
        }
        b.append("papers: ").append(papers).append(" (").append(paperFigures).append(" figures)\n");
        b.append("\nLayout: figures/<id>.png|jpg with figures/<id>.truth.json (paper2code-truth/1, kind figure),\n");
        b.append("papers/<id>.pdf with papers/<id>.truth.json (kind paper), contact-sheet.png (one row per style).\n");
        b.append("Boxes: figure truth in pixels from the top left; paper truth in PDF points from the page's top left.\n");
        b.append("The same seed gives the same files.\n");
        return b.toString();
    }
}
