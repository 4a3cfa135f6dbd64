package org.paper2code.pipeline;

import org.paper2code.pdf.Paper;
import org.paper2code.text.Passage;

/**
 * A hyperparameter table's row as a sentence for the text stage ("Table 3: the learning rate
 * is 0.1."), so table values are normalised and chosen by the same rules as the paper's prose,
 * with the table named as their evidence.
 */
final class TablePassages {
    private TablePassages() {
    }

    static Passage row(Paper.Table table, String name, String value) {
        String label = table.label() == null ? "Table" : table.label();
        return new Passage(label + ": the " + oneLine(name) + " is " + oneLine(value) + ".", table.page());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
