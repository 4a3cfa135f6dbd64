package org.paper2code.pdf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Running heads and feet: lines in the top or bottom 8% of a page whose text (digits aside) recurs
 * there on at least three pages, such as a journal's title line over every page. They are not running
 * text, and glued to the first sentence of a column they would mix a full-width line into it.
 */
final class RunningHeaders {
    private RunningHeaders() {
    }

    static Set<Line> find(List<PageLayout> pages) {
        Map<String, Integer> count = new HashMap<>();
        for (PageLayout p : pages) {
            Set<String> seen = new HashSet<>();
            for (Line l : p.ordered()) {
                if (inMargin(p, l)) {
                    seen.add(key(l));
                }
            }
            seen.forEach(k -> count.merge(k, 1, Integer::sum));
        }
        Set<Line> out = new HashSet<>();
        for (PageLayout p : pages) {
            for (Line l : p.ordered()) {
                String k = key(l);
                if (inMargin(p, l) && k.length() >= 4 && count.getOrDefault(k, 0) >= 3) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    private static boolean inMargin(PageLayout p, Line l) {
        return l.box().y1() < 0.08 * p.height() || l.box().y() > 0.92 * p.height();
    }

    private static String key(Line l) {
        return l.text().replaceAll("[0-9]", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
