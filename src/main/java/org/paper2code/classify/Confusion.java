package org.paper2code.classify;

import java.util.Locale;
import org.paper2code.eval.DiagramStyle;

/** A 6x6 confusion matrix over {@link DiagramStyle} with six-way and architecture-vs-other accuracy. */
public final class Confusion {
    private final int[][] m = new int[DiagramStyle.values().length][DiagramStyle.values().length];

    public void add(DiagramStyle truth, DiagramStyle predicted) {
        m[truth.ordinal()][predicted.ordinal()]++;
    }

    public int total() {
        int t = 0;
        for (int[] r : m) {
            for (int v : r) {
                t += v;
            }
        }
        return t;
    }

    public int correct() {
        int c = 0;
        for (int i = 0; i < m.length; i++) {
            c += m[i][i];
        }
        return c;
    }

    /** Architecture-vs-other: right when both are architecture styles or both are other. */
    public int binaryCorrect() {
        int c = 0;
        for (DiagramStyle t : DiagramStyle.values()) {
            for (DiagramStyle p : DiagramStyle.values()) {
                if (t.isArchitecture() == p.isArchitecture()) {
                    c += m[t.ordinal()][p.ordinal()];
                }
            }
        }
        return c;
    }

    public double accuracy() {
        return total() == 0 ? 0 : (double) correct() / total();
    }

    public double binaryAccuracy() {
        return total() == 0 ? 0 : (double) binaryCorrect() / total();
    }

    public String summary() {
        return String.format(Locale.ROOT, "six-way %d/%d = %.1f%%, architecture-vs-other %d/%d = %.1f%%", correct(), total(),
                100 * accuracy(), binaryCorrect(), total(), 100 * binaryAccuracy());
    }

    /** Markdown table: rows = truth, columns = predicted. */
    public String markdown() {
        StringBuilder b = new StringBuilder("| truth \\ predicted |");
        for (DiagramStyle s : DiagramStyle.values()) {
            b.append(' ').append(s.id()).append(" |");
        }
        b.append(" recall |\n|---|");
        b.append("---:|".repeat(DiagramStyle.values().length + 1)).append('\n');
        for (DiagramStyle t : DiagramStyle.values()) {
            int row = 0;
            for (int v : m[t.ordinal()]) {
                row += v;
            }
            b.append("| ").append(t.id()).append(" |");
            for (DiagramStyle p : DiagramStyle.values()) {
                b.append(' ').append(m[t.ordinal()][p.ordinal()]).append(" |");
            }
            b.append(row == 0 ? " - |" : String.format(Locale.ROOT, " %.0f%% |", 100.0 * m[t.ordinal()][t.ordinal()] / row)).append('\n');
        }
        return b.toString();
    }
}
