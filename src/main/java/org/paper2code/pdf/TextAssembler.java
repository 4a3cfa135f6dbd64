package org.paper2code.pdf;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the running text from the lines in reading order: paragraphs (new at a gap, a font
 * change, a column change, a heading or a caption), page text, section headings, and sentences
 * each with the page it starts on. A paragraph that ends mid-sentence continues into the next
 * one (across a column or page break) when that starts in lower case. Lines inside figures and
 * tables and page numbers are left out; captions stay, as paragraphs of their own.
 */
final class TextAssembler {
    private static final Pattern NUMBERED = Pattern.compile("^((?:\\d+|[A-Z](?=\\.))(?:\\.\\d+)*)\\.?\\s+(\\p{Lu}.{1,80})$");
    private static final Set<String> NAMED = Set.of("abstract", "introduction", "related work", "background", "method",
            "methods", "approach", "model", "experiments", "experimental results", "results", "discussion", "conclusion",
            "conclusions", "references", "acknowledgments", "acknowledgements", "acknowledgment", "appendix",
            "evaluation", "training", "implementation details", "future work", "bibliography", "summary");
    private static final Pattern ABBREV = Pattern.compile(
            "(?i).*(\\b(fig|figs|eq|eqs|sec|secs|tab|ref|refs|no|vs|cf|resp|approx|e\\.g|i\\.e|et al|al|viz|ch|resp)\\.)$");

    /** @param starts the offset in {@code text} where each of {@code lines} begins */
    record Paragraph(String text, int page, boolean heading, boolean caption, List<Paper.SourceLine> lines, List<Integer> starts) {
        Paragraph(String text, int page, boolean heading, boolean caption) {
            this(text, page, heading, caption, List.of(), List.of());
        }
    }

    private final double bodySize;
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private final List<Paper.Section> sections = new ArrayList<>();

    private final Set<String> compounds;

    /** @param compounds the document's hyphenated words, whose line-end hyphens stay ({@link TextJoin}) */
    TextAssembler(double bodySize, Set<String> compounds) {
        this.bodySize = bodySize;
        this.compounds = Set.copyOf(compounds);
    }

    /** Adds one page of lines in reading order; {@code skip} are figure/table lines, {@code captionStarts} the caption first lines. */
    void addPage(PageLayout p, Set<Line> skip, Set<Line> captionLines, Set<Line> captionStarts) {
        StringBuilder sb = new StringBuilder();
        List<Paper.SourceLine> lines = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Line prev = null;
        int prevCol = 0;
        boolean prevHeading = false;
        boolean prevCaption = false;
        for (Line l : p.ordered()) {
            if (skip.contains(l) || isPageNumber(p, l)) {
                continue;
            }
            int col = p.columnOf(l.box());
            boolean caption = captionLines.contains(l);
            boolean heading = !caption && isHeading(l);
            boolean newPara = prev == null || heading || prevHeading || captionStarts.contains(l) || caption != prevCaption
                    || col != prevCol || l.box().y() < prev.box().y() - 1 || l.box().y() - prev.box().y1() > 0.9 * l.fontSize()
                    || Math.abs(l.fontSize() - prev.fontSize()) > 1.0;
            if (newPara && sb.length() > 0) {
                paragraphs.add(new Paragraph(sb.toString(), p.page(), prevHeading, prevCaption, List.copyOf(lines), List.copyOf(starts)));
                sb.setLength(0);
                lines.clear();
                starts.clear();
            }
            starts.add(sb.length());
            lines.add(new Paper.SourceLine(p.page(), l.box(), col));
            TextJoin.append(sb, l.text(), compounds);
            if (heading) {
                addSection(l.text(), p.page());
            }
            prev = l;
            prevCol = col;
            prevHeading = heading;
            prevCaption = caption;
        }
        if (sb.length() > 0) {
            paragraphs.add(new Paragraph(sb.toString(), p.page(), prevHeading, prevCaption, List.copyOf(lines), List.copyOf(starts)));
        }
    }

    /** Adds text that came from OCR: paragraphs are separated by blank lines. */
    void addPlainText(String text, int page) {
        for (String para : text.split("\\n\\s*\\n")) {
            StringBuilder sb = new StringBuilder();
            for (String line : para.split("\\n")) {
                TextJoin.append(sb, line.strip());
            }
            if (!sb.toString().isBlank()) {
                paragraphs.add(new Paragraph(sb.toString(), page, false, false));
            }
        }
    }

    String pageText(int page) {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : paragraphs) {
            if (p.page == page) {
                sb.append(p.text).append("\n\n");
            }
        }
        return sb.toString();
    }

    List<Paper.Section> sections() {
        return List.copyOf(sections);
    }

    List<Paper.Sentence> sentences() {
        List<Paper.Sentence> out = new ArrayList<>();
        int i = 0;
        while (i < paragraphs.size()) {
            Paragraph p = paragraphs.get(i);
            if (p.heading) {
                i++;
                continue;
            }
            // text with the page of each character range
            StringBuilder text = new StringBuilder(p.text);
            List<int[]> pageStarts = new ArrayList<>();
            pageStarts.add(new int[] {0, p.page});
            List<Paper.SourceLine> lines = new ArrayList<>(p.lines);
            List<Integer> starts = new ArrayList<>(p.starts);
            int j = i + 1;
            while (!p.caption && j < paragraphs.size() && continues(text, lines, paragraphs.get(j))) {
                Paragraph q = paragraphs.get(j);
                int base = text.length() + 1;
                pageStarts.add(new int[] {base, q.page});
                q.starts.forEach(s -> starts.add(base + s));
                lines.addAll(q.lines);
                TextJoin.append(text, q.text, compounds);
                j++;
            }
            split(text.toString(), pageStarts, lines, starts, out);
            i = j;
        }
        return out;
    }

    private static boolean continues(CharSequence text, List<Paper.SourceLine> lines, Paragraph next) {
        if (next.heading || next.caption || text.isEmpty() || next.text.isEmpty()) {
            return false;
        }
        if (!lines.isEmpty() && !next.lines.isEmpty()) {
            Paper.SourceLine a = lines.get(lines.size() - 1);
            Paper.SourceLine b = next.lines.get(0);
            if (a.page() == b.page() && (a.column() < 0) != (b.column() < 0)) {
                return false; // full-width text (title block, running head) does not run on into a column
            }
        }
        char last = text.charAt(text.length() - 1);
        return ".?!:".indexOf(last) < 0 && (Character.isLowerCase(next.text.charAt(0)) || last == '-' || last == ',');
    }

    private static void split(String text, List<int[]> pageStarts, List<Paper.SourceLine> lines, List<Integer> starts,
                              List<Paper.Sentence> out) {
        BreakIterator bi = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        bi.setText(text);
        int start = bi.first();
        int sentenceStart = start;
        for (int end = bi.next(); end != BreakIterator.DONE; end = bi.next()) {
            String s = text.substring(sentenceStart, end).strip();
            if (end < text.length() && ABBREV.matcher(s).matches()) {
                continue; // "Fig. 3", "e.g. the": not a sentence end
            }
            if (!s.isEmpty()) {
                out.add(new Paper.Sentence(s, pageAt(pageStarts, sentenceStart), linesIn(lines, starts, sentenceStart, end)));
            }
            sentenceStart = end;
        }
    }

    /** The lines whose text overlaps [from, to) (offsets are approximate by one where a hyphen was dropped). */
    private static List<Paper.SourceLine> linesIn(List<Paper.SourceLine> lines, List<Integer> starts, int from, int to) {
        List<Paper.SourceLine> out = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            int s = starts.get(k);
            int e = k + 1 < starts.size() ? starts.get(k + 1) : Integer.MAX_VALUE;
            if (s < to - 1 && e > from + 1) {
                out.add(lines.get(k));
            }
        }
        return out;
    }

    private static int pageAt(List<int[]> pageStarts, int offset) {
        int page = pageStarts.get(0)[1];
        for (int[] ps : pageStarts) {
            if (ps[0] <= offset) {
                page = ps[1];
            }
        }
        return page;
    }

    boolean isHeading(Line l) {
        String t = l.text().strip();
        if (t.length() > 90 || l.wordCount() > 12 || t.endsWith(",")) {
            return false;
        }
        boolean strong = l.bold() || l.fontSize() >= bodySize + 0.8;
        Matcher m = NUMBERED.matcher(t);
        if (!strong && m.matches() && m.group(2).matches("[\\p{Lu}0-9 \\-:,&]{4,}")) {
            return true; // "1 INTRODUCTION": small-caps headings at body size
        }
        if (!strong) {
            return false;
        }
        if (m.matches()) {
            return !m.group(2).endsWith(".") || m.group(2).length() < 40;
        }
        String plain = t.replaceAll("[.:]$", "").toLowerCase(Locale.ROOT);
        return NAMED.contains(plain);
    }

    private void addSection(String text, int page) {
        Matcher m = NUMBERED.matcher(text.strip());
        if (m.matches()) {
            sections.add(new Paper.Section(m.group(1), m.group(2).strip(), page));
        } else {
            sections.add(new Paper.Section(null, text.strip().replaceAll("[.:]$", ""), page));
        }
    }

    private static boolean isPageNumber(PageLayout p, Line l) {
        return (l.box().y() > 0.9 * p.height() || l.box().y1() < 0.1 * p.height()) && l.text().matches("[0-9ivxl]{1,4}");
    }
}
