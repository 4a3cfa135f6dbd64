package org.paper2code.pdf;

import java.util.List;

/**
 * A run of text on one baseline with no wide gap: a line of a column, a table cell, or a label in a figure.
 *
 * @param words     the words with their boxes (table cells are made from these)
 * @param fontSize  the most common font size of its characters
 * @param bold      most of its characters are bold
 * @param firstBold its first word is bold (caption labels, run-in headings)
 */
record Line(Rect box, String text, List<Word> words, double fontSize, boolean bold, boolean firstBold) {
    record Word(String text, Rect box) {
    }

    int wordCount() {
        return words.size();
    }
}
