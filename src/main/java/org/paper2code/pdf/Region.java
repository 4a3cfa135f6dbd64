package org.paper2code.pdf;

import java.util.List;

/** A located figure or table before rendering: its caption (null when uncaptioned), box, kind and the text lines inside. */
record Region(Caption caption, Rect box, Paper.FigureKind kind, List<Line> lines, boolean table) {
}
