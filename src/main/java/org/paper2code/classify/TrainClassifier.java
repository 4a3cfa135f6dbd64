package org.paper2code.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.paper2code.eval.DiagramStyle;
import org.paper2code.synth.CorpusSynth;
import org.paper2code.synth.FigureFactory;

/**
 * Trains the style model (scripts/train-classifier): synthetic figures exactly as
 * {@code corpus synth -n N --seed S} makes them (generated in memory, encoded and decoded like
 * files), plus the hand-labelled real figures, weighted. Reports synthetic held-out accuracy
 * (another seed), real accuracy of a synthetic-only model, and k-fold real accuracy, then
 * writes the final model (synthetic + all real) and MODEL-CARD.md.
 */
public final class TrainClassifier {
    record Set(float[][] x, int[] y, String[] ids) {
        static final Set EMPTY = new Set(new float[0][], new int[0], new String[0]);

        int size() {
            return y.length;
        }
    }

    private final int threads;
    /** The packages whose code makes a synthetic figure's features: the cache is only valid for them as they are. */
    private static final List<String> FIGURE_CODE = List.of("org.paper2code.synth", "org.paper2code.graph", "org.paper2code.classify");
    private final Path cache;
    /** The CNN whose embedding the regression reads after the features, or null (no regression). */
    private final Path cnn;
    /** One network per worker thread: a dnn Net is not shared between threads. */
    private final ThreadLocal<FigureEmbedding> embedding;

    TrainClassifier(int threads, Path cache, Path cnn) {
        this.threads = threads;
        this.cache = cache;
        this.cnn = cnn;
        this.embedding = ThreadLocal.withInitial(() -> {
            try {
                return cnn == null ? null : FigureEmbedding.load(cnn);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int n = Integer.parseInt(a.getOrDefault("n", "3000"));
        long seed = Long.parseLong(a.getOrDefault("seed", "11"));
        int heldN = Integer.parseInt(a.getOrDefault("heldout-n", "600"));
        long heldSeed = Long.parseLong(a.getOrDefault("heldout-seed", "12"));
        int folds = Integer.parseInt(a.getOrDefault("folds", "10"));
        float realWeight = Float.parseFloat(a.getOrDefault("real-weight", "30"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        String python = a.getOrDefault("python", "/usr/bin/python3");
        Path root = Path.of(a.getOrDefault("root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path out = root.resolve(a.getOrDefault("out", "models/classifier"));
        StyleModel.Params params = new StyleModel.Params(Integer.parseInt(a.getOrDefault("trees", "" + StyleModel.Params.DEFAULT.trees())),
                StyleModel.Params.DEFAULT.maxDepth(), StyleModel.Params.DEFAULT.minSamples(), seed);
        // the committed CNN (scripts/convert-figure-cnn.py) is used when present; --cnn none leaves it out
        Path committedCnn = root.resolve("models/classifier/" + FigureEmbedding.FILE);
        String cnnArg = a.getOrDefault("cnn", Files.isRegularFile(committedCnn) ? committedCnn.toString() : "none");
        Path cnn = cnnArg.equals("none") ? null : root.resolve(cnnArg);
        OpenCvNative.load();
        TrainClassifier t = new TrainClassifier(threads, root.resolve("target/classifier-cache"), cnn);
        long t0 = System.nanoTime();
        // the synthetic training rows feed the forest and the MLP (features only); the held-out and
        // real rows carry the embedding too, for the regression and the final classifier's scores
        Set train = t.synthetic(n, seed, false);
        Set held = t.synthetic(heldN, heldSeed, true);
        RealFigures real = new RealFigures(root);
        List<RealFigures.Sample> realSamples = real.load();
        Set realSet = t.real(realSamples);
        log("features: %d synthetic train, %d held-out, %d real (%.0f s)", train.size(), held.size(), realSet.size(), secs(t0));

        StringBuilder card = new StringBuilder();
        StyleModel synthOnly = StyleModel.train(features(train.x()), train.y(), null, params);
        Confusion synthHeld = evaluate(synthOnly, held);
        Confusion synthOnlyReal = evaluate(synthOnly, realSet);
        log("synthetic-only model: held-out %s; real %s", synthHeld.summary(), synthOnlyReal.summary());

        // k-fold on the real figures: the forest here, the MLP in Python on the same rows and folds
        int[] fold = folds(realSet, realSamples, folds);
        List<Map<DiagramStyle, Double>> forestP = new ArrayList<>();
        for (int i = 0; i < realSet.size(); i++) {
            forestP.add(null);
        }
        for (int k = 0; k < folds && realSet.size() > 0; k++) {
            Set tr = concat(train, subset(realSet, fold, k, false), realWeight);
            StyleModel m = StyleModel.train(features(tr.x()), tr.y(), weights(tr, train.size(), realWeight), params);
            for (int i = 0; i < realSet.size(); i++) {
                if (fold[i] == k) {
                    forestP.set(i, m.probabilities(features(realSet.x()[i])));
                }
            }
        }
        Path netFile = out.resolve(StyleClassifier.NET_FILE);
        writeProbabilities(root.resolve("target/classifier-mlp/forest-oof.tsv"), realSet, forestP);
        List<Map<DiagramStyle, Double>> mlpP = trainNet(root, python, "train-classifier-mlp.py", "target/classifier-mlp",
                featuresOnly(train), featuresOnly(realSet), fold, netFile);
        Path linearFile = out.resolve(StyleClassifier.LINEAR_FILE);
        // the regression learns from the real figures only: an empty synthetic part
        List<Map<DiagramStyle, Double>> linearP = cnn == null ? null
                : trainNet(root, python, "train-classifier-linear.py", "target/classifier-linear", Set.EMPTY, realSet, fold, linearFile);
        if (cnn == null) {
            Files.deleteIfExists(linearFile);
        }
        List<Map<DiagramStyle, Double>> heldOutP = new ArrayList<>();
        List<Map<DiagramStyle, Double>> forestMlpP = new ArrayList<>();
        for (int i = 0; i < realSet.size(); i++) {
            forestMlpP.add(StyleClassifier.average(List.of(forestP.get(i), mlpP.get(i))));
            heldOutP.add(linearP == null ? forestMlpP.get(i) : StyleClassifier.average(List.of(forestP.get(i), mlpP.get(i), linearP.get(i))));
        }
        Confusion kfoldForest = confusion(realSet, forestP);
        Confusion kfoldMlp = confusion(realSet, mlpP);
        Confusion kfoldForestMlp = confusion(realSet, forestMlpP);
        Confusion kfoldLinear = linearP == null ? null : confusion(realSet, linearP);
        Confusion kfold = confusion(realSet, heldOutP);
        log("%d-fold real (synthetic + other folds' real): forest %s; MLP %s; forest + MLP %s; regression (real only) %s; shipped average %s",
                folds, kfoldForest.summary(), kfoldMlp.summary(), kfoldForestMlp.summary(),
                kfoldLinear == null ? "-" : kfoldLinear.summary(), kfold.summary());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < realSet.size(); i++) {
            Map<DiagramStyle, Double> p = heldOutP.get(i);
            DiagramStyle pred = StyleModel.argmax(p);
            DiagramStyle truth = DiagramStyle.values()[realSet.y()[i]];
            if (pred != truth) {
                failures.add(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s |", realSet.ids()[i], truth.id(),
                        pred.id(), p.get(pred), realSamples.get(i).group()
                                + (realSamples.get(i).note().isEmpty() ? "" : ": " + realSamples.get(i).note())));
            }
        }
        PdfDetection pdfImage = new PdfDetection();
        PdfDetection pdfCaption = new PdfDetection();
        PdfDetection pdfForestCaption = new PdfDetection();
        Confusion pdfSixImage = new Confusion();
        Confusion pdfSixCaption = new Confusion();
        for (int i = 0; i < realSet.size(); i++) {
            RealFigures.Sample s = realSamples.get(i);
            if (!s.group().equals("pdf-crop")) {
                continue;
            }
            DiagramStyle img = StyleModel.argmax(heldOutP.get(i));
            DiagramStyle cap = StyleModel.argmax(CaptionCue.combine(heldOutP.get(i), s.caption()));
            pdfImage.add(s.style(), img);
            pdfCaption.add(s.style(), cap);
            pdfForestCaption.add(s.style(), StyleModel.argmax(CaptionCue.combine(forestP.get(i), s.caption())));
            pdfSixImage.add(s.style(), img);
            pdfSixCaption.add(s.style(), cap);
        }
        log("pdf figures, held-out: image only %s; with caption %s (forest alone with caption %s)", pdfImage, pdfCaption, pdfForestCaption);

        Set all = concat(train, realSet, realWeight);
        StyleModel fin = StyleModel.train(features(all.x()), all.y(), weights(all, train.size(), realWeight), params);
        Path modelFile = out.resolve("style-model.xml.gz");
        fin.save(modelFile);
        if (cnn != null && !cnn.toAbsolutePath().normalize().equals(out.resolve(FigureEmbedding.FILE).toAbsolutePath().normalize())) {
            Files.copy(cnn, out.resolve(FigureEmbedding.FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        StyleClassifier finClassifier = StyleClassifier.load(modelFile);
        Confusion finHeld = evaluate(finClassifier, held);
        Confusion finReal = evaluate(finClassifier, realSet);
        log("final model: held-out %s; real (in-sample) %s", finHeld.summary(), finReal.summary());

        card.append("# Figure style classifier: model card\n\n");
        card.append("Made by `scripts/train-classifier` (`org.paper2code.classify.TrainClassifier`). Same inputs, same file.\n\n");
        card.append("- Model: OpenCV ").append(org.opencv.core.Core.VERSION).append(" `ml.RTrees` (random forest), ").append(params.trees())
                .append(" trees, max depth ").append(params.maxDepth()).append(", min samples ").append(params.minSamples())
                .append(", sqrt(features) per split, RNG seed ").append(seed).append(", one thread.\n");
        card.append("- Features: ").append(fin.featureCount()).append(" per figure (`FigureFeatures`: layout, colour, edge orientation, Hough lines/circles, ")
                .append("contour shapes, connected components, projection gaps, plot axes and ticks, photo texture).\n");
        int inputs = realSet.size() > 0 ? realSet.x()[0].length : fin.featureCount();
        card.append("- Second model: an MLP over the same features")
                .append(" (`scripts/train-classifier-mlp.py`, PyTorch on one thread, seeds fixed; ")
                .append(fin.featureCount()).append("-128-128-6, ReLU, dropout 0.2, AdamW, 30 epochs, label smoothing 0.05, real figures weighted 10), exported to ONNX as `")
                .append(StyleClassifier.NET_FILE).append("` (standardisation and softmax inside; ").append(Files.size(netFile) / 1024)
                .append(" KiB) and run in Java by OpenCV's dnn module: no Python at run time.\n");
        if (cnn != null) {
            card.append("- Third model: multinomial logistic regression over the ").append(fin.featureCount()).append(" features followed by the CNN embedding (")
                    .append(inputs - fin.featureCount()).append(" numbers), trained on the ").append(realSet.size())
                    .append(" real figures only (`scripts/train-classifier-linear.py`, L-BFGS, standardised by the training rows, clipped at 6; ")
                    .append("the L2 strength is picked from 0.003/0.01/0.03/0.1 by leave-one-fold-out inside the training folds, so the k-fold row below is nested), exported to ONNX as `")
                    .append(StyleClassifier.LINEAR_FILE).append("` (").append(Files.size(linearFile) / 1024).append(" KiB).")
                    .append(" Which layer feeds it was chosen by looking at these same real folds (block 10 alone scored above blocks 9 + 10, above out_relu 1280, and the regression alone on out_relu was 59%), so the rows with the regression are optimistic by that selection; the L2 strength is nested, the equal weights were not tuned.\n");
            card.append("- CNN embedding: `").append(FigureEmbedding.FILE).append("` (").append(Files.size(cnn) / 1024).append(" KiB), ")
                    .append(FigureEmbedding.SOURCE).append(" Not trained here; run by OpenCV dnn.\n");
        }
        card.append("- Probability of a style = the mean of the models' probabilities (the forest's share of tree votes, the MLP's softmax")
                .append(cnn == null ? "" : ", the regression's softmax").append("), equal weights. Each model alone and the average are scored on the same paper-held-out folds below; ")
                .append("the weights were not tuned (forest shares 0.3/0.5/0.7 in the forest + MLP average scored within 1 point of each other in a trial run).\n");
        card.append(String.format(Locale.ROOT, "- Training data: synthetic `paper2code corpus synth -n %d --seed %d` (generated in memory, ", n, seed))
                .append("same figures and bytes as the command writes) + ").append(realSet.size())
                .append(" hand-labelled real figures (`eval/annotations`: truth files, figure-styles.tsv, figures-negatives.tsv crops, figures-pdf.tsv crops = every figure the pdf stage finds in the 26 real PDFs), each real figure weighted ")
                .append(realWeight).append(".\n");
        card.append(String.format(Locale.ROOT, "- Synthetic held-out: `corpus synth -n %d --seed %d` (a different seed, never trained on).%n", heldN, heldSeed));
        card.append("- Files: `style-model.xml.gz` (forest, ").append(Files.size(modelFile) / 1024).append(" KiB), `")
                .append(StyleClassifier.NET_FILE).append("` (MLP, ").append(Files.size(netFile) / 1024).append(" KiB)")
                .append(cnn == null ? "" : ", `" + StyleClassifier.LINEAR_FILE + "` (regression) and `" + FigureEmbedding.FILE + "` (CNN)").append(".\n");
        card.append(String.format(Locale.ROOT, "- Command: `scripts/train-classifier` (= --n %d --seed %d --heldout-n %d --heldout-seed %d --folds %d --real-weight %s --trees %d; needs /usr/bin/python3 with torch for the MLP and the regression); %.0f s on %d threads.%n%n",
                n, seed, heldN, heldSeed, folds, realWeight, params.trees(), secs(t0), threads));
        String shipped = cnn == null ? "forest + MLP" : "forest + MLP + regression";
        card.append("## Scores\n\n| model | evaluated on | six-way | architecture vs other |\n|---|---|---:|---:|\n");
        row(card, "synthetic only", "synthetic held-out (" + held.size() + ")", synthHeld);
        row(card, "synthetic only", "all real (" + realSet.size() + "), never trained on", synthOnlyReal);
        row(card, folds + "-fold, forest alone", "real, each figure scored by the fold that left it out", kfoldForest);
        row(card, folds + "-fold, MLP alone", "real, each figure scored by the fold that left it out", kfoldMlp);
        if (kfoldLinear != null) {
            row(card, folds + "-fold, regression alone (real figures only, nested L2)", "real, each figure scored by the fold that left it out", kfoldLinear);
            row(card, folds + "-fold, forest + MLP averaged (the previous classifier)", "real, each figure scored by the fold that left it out", kfoldForestMlp);
        }
        row(card, folds + "-fold: " + shipped + " averaged (the shipped classifier)", "real, each figure scored by the fold that left it out", kfold);
        row(card, folds + "-fold, image only", "the pdf stage's figures of the 26 real PDFs (subset of the row above)", pdfSixImage);
        row(card, folds + "-fold + caption cue", "the pdf stage's figures of the 26 real PDFs", pdfSixCaption);
        row(card, "final " + shipped + " (synthetic + all real)", "synthetic held-out (" + held.size() + ")", finHeld);
        row(card, "final " + shipped + " (synthetic + all real)", "all real: IN-SAMPLE, not an estimate", finReal);
        card.append("\nThe honest real-figure estimate is the k-fold row; the synthetic-only row shows the synthetic-to-real gap.\n");
        card.append("Folds are dealt by paper: every figure cropped from one PDF (and a standalone figure taken from that PDF) is in one fold, ")
                .append("so no figure is scored by a model that saw its paper's other figures.\n\n");
        card.append("### Architecture-figure detection on the pdf stage's figures (held-out)\n\n")
                .append("What the batch pipeline sees: each figure the pdf stage finds in the 26 real PDFs (`eval/annotations/figures-pdf.tsv`), ")
                .append("called architecture when the label is not `other`. The caption cue (`CaptionCue`) shifts the image model's ")
                .append("architecture log-odds by the caption's words; its word lists were written with these captions in view, so its row is somewhat optimistic.\n\n")
                .append("| decision | architecture figures | called architecture | right | precision | recall |\n|---|---:|---:|---:|---:|---:|\n")
                .append(pdfImage.row("image only")).append(pdfCaption.row("image + caption cue"))
                .append(pdfForestCaption.row("forest alone + caption cue (the previous classifier)")).append('\n');
        card.append("### Synthetic held-out, final model\n\n").append(finHeld.markdown()).append('\n');
        card.append("### Real figures, synthetic-only model\n\n").append(synthOnlyReal.markdown()).append('\n');
        card.append("### Real figures, ").append(folds).append("-fold, ").append(shipped).append("\n\n").append(kfold.markdown()).append('\n');
        if (kfoldLinear != null) {
            card.append("### Real figures, ").append(folds).append("-fold, forest + MLP\n\n").append(kfoldForestMlp.markdown()).append('\n');
            card.append("### Real figures, ").append(folds).append("-fold, regression alone\n\n").append(kfoldLinear.markdown()).append('\n');
        }
        card.append("### Real figures, ").append(folds).append("-fold, forest alone\n\n").append(kfoldForest.markdown()).append('\n');
        card.append("### Real figures, ").append(folds).append("-fold, MLP alone\n\n").append(kfoldMlp.markdown()).append('\n');
        card.append("### Real figures the k-fold models got wrong\n\n| figure | truth | predicted | p | list: note |\n|---|---|---|---:|---|\n");
        failures.forEach(f -> card.append(f).append('\n'));
        card.append('\n');
        card.append("### Most important features (final model)\n\n");
        float[] imp = fin.importance();
        List<String> names = FigureFeatures.names();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < imp.length; i++) {
            order.add(i);
        }
        order.sort((p, q) -> Float.compare(imp[q], imp[p]));
        card.append("| feature | importance |\n|---|---:|\n");
        for (int i = 0; i < Math.min(20, order.size()); i++) {
            card.append(String.format(Locale.ROOT, "| %s | %.4f |%n", names.get(order.get(i)), imp[order.get(i)]));
        }
        Files.writeString(out.resolve("MODEL-CARD.md"), card.toString());
        log("wrote %s and %s (%.0f s)", modelFile, out.resolve("MODEL-CARD.md"), secs(t0));
    }

    private static void row(StringBuilder b, String model, String on, Confusion c) {
        b.append(String.format(Locale.ROOT, "| %s | %s | %d/%d = %.1f%% | %d/%d = %.1f%% |%n", model, on, c.correct(), c.total(),
                100 * c.accuracy(), c.binaryCorrect(), c.total(), 100 * c.binaryAccuracy()));
    }

    static Confusion evaluate(StyleClassifier c, Set s) {
        Confusion out = new Confusion();
        for (int i = 0; i < s.size(); i++) {
            out.add(DiagramStyle.values()[s.y()[i]], StyleModel.argmax(c.probabilities(s.x()[i])));
        }
        return out;
    }

    static Confusion confusion(Set s, List<Map<DiagramStyle, Double>> p) {
        Confusion c = new Confusion();
        for (int i = 0; i < s.size(); i++) {
            c.add(DiagramStyle.values()[s.y()[i]], StyleModel.argmax(p.get(i)));
        }
        return c;
    }

    /**
     * Trains a network in Python ({@code scripts/SCRIPT}: the MLP or the regression, PyTorch, one
     * thread) on the given rows and the forest's folds: writes them to {@code dirName}, runs the
     * script, which writes the final network to {@code netFile} (ONNX) and each real figure's
     * held-out probabilities, read back here.
     */
    static List<Map<DiagramStyle, Double>> trainNet(Path root, String python, String script, String dirName, Set synthetic, Set real,
            int[] fold, Path netFile) throws IOException, InterruptedException {
        Path dir = root.resolve(dirName);
        Files.createDirectories(dir);
        StringBuilder rows = new StringBuilder();
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve("features.f32"))))) {
            for (int part = 0; part < 2; part++) {
                Set s = part == 0 ? synthetic : real;
                for (int i = 0; i < s.size(); i++) {
                    for (float v : s.x()[i]) {
                        o.writeFloat(v);
                    }
                    rows.append(part == 0 ? "synthetic" : "real").append('\t').append(s.ids()[i]).append('\t').append(s.y()[i])
                            .append('\t').append(part == 0 ? -1 : fold[i]).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("rows.tsv"), rows);
        Files.createDirectories(netFile.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(python, root.resolve("scripts/" + script).toString(), dir.toString(),
                netFile.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("scripts/" + script + " failed (exit " + p.exitValue() + "); it needs " + python
                    + " with torch (Debian python3-torch)");
        }
        List<String> lines = Files.readAllLines(dir.resolve("oof.tsv"));
        if (lines.size() != real.size()) {
            throw new IOException(script + " wrote " + lines.size() + " held-out rows for " + real.size() + " real figures");
        }
        List<Map<DiagramStyle, Double>> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] t = lines.get(i).split("\t");
            if (!t[0].equals(real.ids()[i])) {
                throw new IOException(script + " held-out rows out of order at " + t[0] + " (expected " + real.ids()[i] + ")");
            }
            Map<DiagramStyle, Double> m = new java.util.EnumMap<>(DiagramStyle.class);
            for (DiagramStyle st : DiagramStyle.values()) {
                m.put(st, Double.parseDouble(t[1 + st.ordinal()]));
            }
            out.add(m);
        }
        return out;
    }

    /** Held-out probabilities per real figure (id, then one column per style), for trying blends outside Java. */
    private static void writeProbabilities(Path file, Set s, List<Map<DiagramStyle, Double>> p) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            b.append(s.ids()[i]);
            for (DiagramStyle st : DiagramStyle.values()) {
                b.append('\t').append(String.format(Locale.ROOT, "%.6f", p.get(i).get(st)));
            }
            b.append('\n');
        }
        Files.writeString(file, b);
    }

    static Confusion evaluate(StyleModel m, Set s) {
        Confusion c = new Confusion();
        for (int i = 0; i < s.size(); i++) {
            c.add(DiagramStyle.values()[s.y()[i]], StyleModel.argmax(m.probabilities(features(s.x()[i]))));
        }
        return c;
    }

    /**
     * Deterministic fold assignment by paper: figures that share a paper (crops of one PDF) go
     * to one fold, papers in name order dealt round-robin; single figures are then dealt
     * stratified, within each style in id order, continuing from where the papers stopped.
     */
    static int[] folds(Set s, List<RealFigures.Sample> samples, int k) {
        int[] f = new int[s.size()];
        java.util.TreeMap<String, List<Integer>> byPaper = new java.util.TreeMap<>();
        for (int i = 0; i < s.size(); i++) {
            byPaper.computeIfAbsent(samples.get(i).paper(), p -> new ArrayList<>()).add(i);
        }
        int next = 0;
        List<Integer> single = new ArrayList<>();
        for (List<Integer> members : byPaper.values()) {
            if (members.size() > 1) {
                int fold = next++ % k;
                members.forEach(i -> f[i] = fold);
            } else {
                single.add(members.get(0));
            }
        }
        int[] perStyle = new int[DiagramStyle.values().length];
        single.sort((a, b) -> s.ids()[a].compareTo(s.ids()[b]));
        for (int i : single) {
            int c = s.y()[i];
            f[i] = (perStyle[c]++ + c + next) % k;
        }
        return f;
    }

    /** Architecture-vs-other detection counts: precision and recall of "architecture". */
    static final class PdfDetection {
        int truth;
        int called;
        int right;

        void add(DiagramStyle t, DiagramStyle p) {
            truth += t.isArchitecture() ? 1 : 0;
            called += p.isArchitecture() ? 1 : 0;
            right += t.isArchitecture() && p.isArchitecture() ? 1 : 0;
        }

        double precision() {
            return called == 0 ? 0 : (double) right / called;
        }

        double recall() {
            return truth == 0 ? 0 : (double) right / truth;
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", name, truth, called, right, precision(), recall());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P %.3f R %.3f (%d/%d called, %d true)", precision(), recall(), right, called, truth);
        }
    }

    static Set subset(Set s, int[] fold, int k, boolean in) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if ((fold[i] == k) == in) {
                keep.add(i);
            }
        }
        float[][] x = new float[keep.size()][];
        int[] y = new int[keep.size()];
        String[] ids = new String[keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            x[i] = s.x()[keep.get(i)];
            y[i] = s.y()[keep.get(i)];
            ids[i] = s.ids()[keep.get(i)];
        }
        return new Set(x, y, ids);
    }

    static Set concat(Set a, Set b, float ignored) {
        float[][] x = new float[a.size() + b.size()][];
        int[] y = new int[x.length];
        String[] ids = new String[x.length];
        System.arraycopy(a.x(), 0, x, 0, a.size());
        System.arraycopy(b.x(), 0, x, a.size(), b.size());
        System.arraycopy(a.y(), 0, y, 0, a.size());
        System.arraycopy(b.y(), 0, y, a.size(), b.size());
        System.arraycopy(a.ids(), 0, ids, 0, a.size());
        System.arraycopy(b.ids(), 0, ids, a.size(), b.size());
        return new Set(x, y, ids);
    }

    /** The forest's part of a row: the leading {@link FigureFeatures} (an embedding may follow them). */
    static float[] features(float[] row) {
        int d = FigureFeatures.names().size();
        return row.length == d ? row : java.util.Arrays.copyOf(row, d);
    }

    /** The set with its rows cut to the {@link FigureFeatures} (what the forest and the MLP read). */
    static Set featuresOnly(Set s) {
        return new Set(features(s.x()), s.y(), s.ids());
    }

    static float[][] features(float[][] rows) {
        float[][] f = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            f[i] = features(rows[i]);
        }
        return f;
    }

    /** Synthetic rows weigh 1, real rows (after the first {@code synthetic} rows) weigh {@code real}. */
    static float[] weights(Set s, int synthetic, float real) {
        float[] w = new float[s.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = i < synthetic ? 1f : real;
        }
        return w;
    }

    /**
     * Features of {@code corpus synth -n n --seed seed}'s figures, followed by the CNN embedding when
     * {@code embed} and there is a CNN; cached by the code that draws and measures the figures (packages synth, graph
     * and classify: a generator change makes other figures) and the CNN.
     */
    Set synthetic(int n, long seed, boolean embed) throws Exception {
        boolean withCnn = embed && cnn != null;
        Path file = cache.resolve("synth-" + seed + "-" + n + "-" + CodeDigest.of(TrainClassifier.class, FIGURE_CODE)
                + (withCnn ? cnnTag() : "") + ".bin");
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        FigureFactory factory = new FigureFactory();
        CorpusSynth synth = new CorpusSynth(seed, threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[]>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int index = i;
                jobs.add(pool.submit(() -> {
                    FigureFactory.Figure f = factory.make(CorpusSynth.figureId(index), CorpusSynth.styleOf(seed, index),
                            synth.figureSeed(index), "paper2code corpus synth seed=" + seed + " item=" + index);
                    try {
                        return StyleClassifier.vector(f.bytes(), f.fileName(), withCnn ? embedding.get() : null);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("synthetic figure " + index + " (seed " + seed + ", " + f.bytes().length + " bytes): " + e, e);
                    }
                }));
            }
            float[][] x = new float[n][];
            int[] y = new int[n];
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                x[i] = jobs.get(i).get();
                y[i] = CorpusSynth.styleOf(seed, i).ordinal();
                ids[i] = CorpusSynth.figureId(i);
            }
            Set s = new Set(x, y, ids);
            write(file, s);
            return s;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Cache key part of the CNN: its file's content hash, so a new network never reads old embeddings. */
    private String cnnTag() throws IOException {
        return cnn == null ? "" : "-cnn" + Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(cnn)));
    }

    Set real(List<RealFigures.Sample> samples) throws IOException {
        float[][] x = new float[samples.size()][];
        int[] y = new int[samples.size()];
        String[] ids = new String[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            RealFigures.Sample s = samples.get(i);
            x[i] = StyleClassifier.vector(Files.readAllBytes(s.image()), s.image().toString(), embedding.get());
            y[i] = s.style().ordinal();
            ids[i] = s.id();
        }
        return new Set(x, y, ids);
    }

    private static void write(Path file, Set s) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            o.writeInt(s.size());
            o.writeInt(s.x()[0].length);
            for (int i = 0; i < s.size(); i++) {
                o.writeUTF(s.ids()[i]);
                o.writeInt(s.y()[i]);
                for (float v : s.x()[i]) {
                    o.writeFloat(v);
                }
            }
        }
    }

    private static Set read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            int d = in.readInt();
            float[][] x = new float[n][d];
            int[] y = new int[n];
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                y[i] = in.readInt();
                for (int j = 0; j < d; j++) {
                    x[i][j] = in.readFloat();
                }
            }
            return new Set(x, y, ids);
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void log(String fmt, Object... args) {
        System.err.println("train-classifier: " + String.format(Locale.ROOT, fmt, args));
    }

    /** {@code --key value} pairs. */
    static final class Args {
        static Map<String, String> parse(String[] args) {
            Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --key value, got " + args[i]);
                }
                m.put(args[i].substring(2), args[++i]);
            }
            return m;
        }
    }
}
