package org.paper2code.pdf;

import java.util.List;

/** A figure or table caption: its label ("Figure 2"), its lines, box and full text (label included). */
record Caption(boolean table, String label, String number, List<Line> lines, Rect box, String text, int column) {
}
