package org.paper2code.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Connections between detected boxes: the ink left once the boxes are erased falls into connected pieces
 * (a straight arrow, a bent skip line, a fork); each piece that touches two or more boxes connects them.
 * An end that widens into an arrow head near a box makes that box a target; ends without heads are sources.
 * Without heads the figure's reading direction (top-down for tall figures, else left-right) decides.
 */
public final class ConnectorTracer {
    private static final int MARGIN = 10;
    /** How close to a box a line must come to end on it (the box erasure itself takes 2 px). */
    private static final double REACH = 4.5;
    private static final int BAND = 12;
    /** Half the side of the square kept around each box corner, and how far from a corner a line must end. */
    private static final int CORNER = 8;

    /** The corner size for a box: {@link #CORNER}, less for a small box (a merge symbol must keep side to end on). */
    private static int corner(Rect b) {
        return Math.min(CORNER, Math.min(b.width, b.height) / 4);
    }
    /**
     * Heads only vote for the figure's flow direction; every link is then directed by that flow. Measured on the
     * 27 real figures: edge F1 0.188 this way, 0.158 trusting each piece's own heads (small heads are often
     * misread, e.g. at a fork's source where lines converge). P2C_TRUST_HEADS=1 restores per-piece heads.
     */
    private static final boolean FLOW_ONLY = System.getenv("P2C_TRUST_HEADS") == null;
    private static final boolean DEBUG = System.getenv("P2C_DETECT_DEBUG") != null;

    /**
     * The links, the flow axis the arrow heads reveal (null when no link had a head), and the entries: arrows that
     * come into the figure from nowhere (a module's input drawn as a bare arrow, "256-d in"), each with the boxes it
     * feeds (the first layer and, over a skip line branching off it, the merge).
     */
    public record Traced(List<Link> links, Boolean vertical, List<Entry> entries, List<Entry> exits) {
    }

    /**
     * A connector's free end: upstream, where the input enters and the boxes that line feeds; downstream (an exit),
     * where an output arrow leaves the one box it starts at (text beside it may name a last layer, "relu").
     */
    public record Entry(Rect at, List<Integer> feeds) {
    }

    /** How far beyond every box it touches a piece must reach to have a free end (not a head's overhang). */
    private static final int FREE_END = 15;

    public Traced trace(Mat ink, List<Rect> boxes, boolean vertical) {
        return trace(ink, boxes, vertical, false);
    }

    /**
     * @param against the figure flows against the way its arrow heads vote (without heads: up or leftwards), as
     *                known from elsewhere (see {@link BoxFlowParser}: an Input the heads' flow made a sink)
     */
    public Traced trace(Mat ink, List<Rect> boxes, boolean vertical, boolean against) {
        double flip = against ? -1 : 1;
        Mat rest = ink.clone();
        for (Rect b : boxes) {
            Imgproc.rectangle(rest, Cv.clip(Cv.grow(b, 2), rest), new Scalar(0), -1);
        }
        // a line that grazes a box's corner on its way elsewhere (an Inception branch passing the box beside it)
        // must not be cut in two there: the ink around each corner is put back, and a line only ends on a box
        // along a side (see onSide), never at a corner
        for (Rect b : boxes) {
            for (int cx : new int[] {b.x, b.x + b.width - 1}) {
                for (int cy : new int[] {b.y, b.y + b.height - 1}) {
                    int k = corner(b);
                    Rect sq = Cv.clip(new Rect(cx - k, cy - k, 2 * k + 1, 2 * k + 1), rest);
                    if (sq.width > 0 && sq.height > 0) {
                        new Mat(ink, sq).copyTo(new Mat(rest, sq));
                    }
                }
            }
        }
        for (Rect b : boxes) {
            // a corner square must not bring back the inside of another (smaller, nearby) box
            int k = corner(b);
            Rect inner = new Rect(b.x + k, b.y + k, b.width - 2 * k, b.height - 2 * k);
            if (inner.width > 0 && inner.height > 0) {
                Imgproc.rectangle(rest, Cv.clip(inner, rest), new Scalar(0), -1);
            }
        }
        Mat labels = new Mat();
        Mat stats = new Mat();
        int n = Imgproc.connectedComponentsWithStats(rest, labels, stats, new Mat(), 8, org.opencv.core.CvType.CV_32S);
        int w = labels.cols();
        int[] lab = new int[(int) labels.total()];
        labels.get(0, 0, lab);
        Set<Link> out = new LinkedHashSet<>();
        List<List<Integer>> undetermined = new ArrayList<>();
        List<List<int[]>> undeterminedPairs = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        double voteX = 0;
        double voteY = 0;
        int alongY = 0;
        int alongX = 0;
        for (int c = 1; c < n; c++) {
            int area = (int) stats.get(c, Imgproc.CC_STAT_AREA)[0];
            Rect cb = new Rect((int) stats.get(c, 0)[0], (int) stats.get(c, 1)[0], (int) stats.get(c, 2)[0], (int) stats.get(c, 3)[0]);
            if (area < 12 && !shortLine(cb, area)) {
                continue;
            }
            List<Integer> touched = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                Rect zone = Cv.clip(Cv.grow(boxes.get(i), MARGIN), labels);
                if (overlaps(zone, cb) && count(lab, w, zone, c, boxes.get(i)) >= 3 && reaches(lab, w, zone, c, boxes.get(i))) {
                    touched.add(i);
                }
            }
            // an arrow drawn from one box that stops a little short of the next, pointing straight at it; or one that
            // stops short at both ends (a figure drawn large: the gaps grow with it)
            List<Integer> shortOf = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                if (!touched.contains(i) && stopsShortHeadOn(lab, w, labels.rows(), c, cb, boxes.get(i))) {
                    if (DEBUG) {
                        System.err.println("head-on: piece " + cb + " touching " + touched + " stops short of box " + i + " " + boxes.get(i));
                    }
                    shortOf.add(i);
                }
            }
            if (!touched.isEmpty() || shortOf.size() >= 2) {
                touched.addAll(shortOf);
                pieces.add(new Piece(c, cb, List.copyOf(touched)));
            }
            if (touched.size() < 2) {
                continue;
            }
            List<int[]> joined = new ArrayList<>();
            List<int[]> pairs = portLinks(ink, labels, c, cb, touched, boxes, joined);
            if (pairs.isEmpty() || FLOW_ONLY) {
                undetermined.add(touched);
                undeterminedPairs.add(joined);
            }
            for (int[] pr : pairs) {
                int s = pr[0];
                int d = pr[1];
                if (!FLOW_ONLY) {
                    out.add(new Link(s, d, 0.9));
                }
                double dx = centreX(boxes.get(d)) - centreX(boxes.get(s));
                double dy = centreY(boxes.get(d)) - centreY(boxes.get(s));
                // a unit vector per headed link: the two arms of a fork cancel across the flow and add along it
                double len = Math.max(1e-9, Math.hypot(dx, dy));
                voteX += dx / len;
                voteY += dy / len;
                if (Math.abs(dy) > Math.abs(dx)) {
                    alongY++;
                } else {
                    alongX++;
                }
            }
        }
        boolean voted = alongX + alongY > 0;
        boolean flowAxisVertical = Math.abs(voteY) > Math.abs(voteX);
        // no heads seen: the figure's reading direction along the axis the pieces run, as the arrows that do have
        // heads reveal it (some figures flow upwards or leftwards); else down and right
        // pieces with a free end upstream of every box they touch are the figure's input arrows
        boolean entryVertical = voted ? flowAxisVertical : vertical;
        double entrySign = flip * ((entryVertical ? voteY : voteX) < 0 ? -1 : 1);
        List<Entry> entries = new ArrayList<>();
        List<Entry> exits = new ArrayList<>();
        Set<List<Integer>> entryPieces = new java.util.HashSet<>();
        for (Piece p : pieces) {
            Rect at = freeEnd(lab, w, p, boxes, entryVertical, entrySign);
            if (at != null) {
                entries.add(new Entry(at, p.touched()));
                entryPieces.add(p.touched());
            } else if (p.touched().size() == 1 && (at = freeEnd(lab, w, p, boxes, entryVertical, -entrySign)) != null) {
                exits.add(new Entry(at, p.touched()));
            }
        }
        for (int u = 0; u < undetermined.size(); u++) {
            List<Integer> touched = undetermined.get(u);
            if (entryPieces.contains(touched)) {
                continue; // its boxes are fed by the entry, not by each other
            }
            double spreadX = 0;
            double spreadY = 0;
            for (int a : touched) {
                for (int b : touched) {
                    spreadX = Math.max(spreadX, Math.abs(centreX(boxes.get(a)) - centreX(boxes.get(b))));
                    spreadY = Math.max(spreadY, Math.abs(centreY(boxes.get(a)) - centreY(boxes.get(b))));
                }
            }
            // the figure's flow axis, unless the boxes this piece joins sit side by side across it (a pipeline that
            // turns); a diagonal line between boxes at different levels still runs along the flow
            boolean alongVertical = !voted ? spreadY > spreadX
                    : sideBySide(touched, boxes, flowAxisVertical) ? !flowAxisVertical : flowAxisVertical;
            double sign = flip * ((alongVertical ? voteY : voteX) < 0 ? -1 : 1);
            List<Integer> order = new ArrayList<>(touched);
            order.sort(Comparator.comparingDouble(i -> sign * major(boxes.get(i), alongVertical)));
            int first = order.get(0);
            int last = order.get(order.size() - 1);
            List<int[]> joined = undeterminedPairs.get(u);
            // the common shapes decided from the layout alone (the walk is misled by lines passing other boxes):
            // siblings side by side joining into one box beyond them all, or one box forking into siblings
            if (order.size() >= 3) {
                List<Integer> head = order.subList(0, order.size() - 1);
                List<Integer> tail = order.subList(1, order.size());
                if (sideBySide(head, boxes, alongVertical) && beyond(head, last, boxes, alongVertical, sign)) {
                    head.forEach(a -> out.add(new Link(a, last, 0.6)));
                    continue;
                }
                if (sideBySide(tail, boxes, alongVertical) && beyond(tail, first, boxes, alongVertical, -sign)) {
                    tail.forEach(b -> out.add(new Link(first, b, 0.6)));
                    continue;
                }
            }
            if (joined.isEmpty()) {
                for (int k = 1; k < order.size(); k++) {
                    out.add(new Link(first, order.get(k), 0.6));
                }
                continue;
            }
            // lines the walk found: a fork from the most upstream box, a join into the most downstream one;
            // two boxes side by side across the flow are siblings, not linked
            for (int[] pr : joined) {
                int a = sign * major(boxes.get(pr[0]), alongVertical) <= sign * major(boxes.get(pr[1]), alongVertical) ? pr[0] : pr[1];
                int b = a == pr[0] ? pr[1] : pr[0];
                boolean sameLevel = alongVertical
                        ? boxes.get(a).y < boxes.get(b).y + boxes.get(b).height && boxes.get(b).y < boxes.get(a).y + boxes.get(a).height
                        : boxes.get(a).x < boxes.get(b).x + boxes.get(b).width && boxes.get(b).x < boxes.get(a).x + boxes.get(a).width;
                if ((a == first || b == last) && !sameLevel && !acrossJunction(joined, first, last, a, b)) {
                    out.add(new Link(a, b, 0.6));
                }
            }
        }
        // the flow axis: the one most links run along (headed or not)
        int linksY = 0;
        int linksX = 0;
        for (Link l : out) {
            double dx = Math.abs(centreX(boxes.get(l.to())) - centreX(boxes.get(l.from())));
            double dy = Math.abs(centreY(boxes.get(l.to())) - centreY(boxes.get(l.from())));
            if (dy > dx) {
                linksY++;
            } else {
                linksX++;
            }
        }
        Boolean flowVertical = voted ? Boolean.valueOf(flowAxisVertical) : linksX + linksY == 0 ? null : linksY > linksX;
        if (DEBUG) {
            System.err.printf("flow: along x %d (vote %.0f), along y %d (vote %.0f)%n", alongX, voteX, alongY, voteY);
        }
        return new Traced(new ArrayList<>(out), flowVertical, entries, exits);
    }

    /**
     * Whether the line the walk found between a middle box and an end box of a piece runs through the junction at
     * the other end: a fork from {@code first} (Caffe's blob: one line leaves the blob for the next box and a skip
     * line for a box further on) joins its two targets to each other too, and a join into {@code last} its two
     * sources. The junction of three ports joined by a tree of lines lies {@code (d(x,y) + d(x,z) - d(y,z)) / 2}
     * along the lines from port x; the pair is no link when that junction is nearer the other end box than its own.
     */
    private static boolean acrossJunction(List<int[]> joined, int first, int last, int a, int b) {
        if (a == first && b == last) {
            return false;
        }
        int mid = a == first ? b : a;
        double fm = walkLength(joined, first, mid);
        double fl = walkLength(joined, first, last);
        double ml = walkLength(joined, mid, last);
        if (Double.isInfinite(fm) || Double.isInfinite(fl) || Double.isInfinite(ml)) {
            return false;
        }
        double atFirst = (fm + fl - ml) / 2;
        double atLast = (fl + ml - fm) / 2;
        return a == first ? atLast < atFirst : atFirst < atLast;
    }

    /** The shortest walk the tracer found between two boxes' ports (infinite when none). */
    private static double walkLength(List<int[]> joined, int x, int y) {
        double best = Double.POSITIVE_INFINITY;
        for (int[] pr : joined) {
            if (pr[0] == x && pr[1] == y || pr[0] == y && pr[1] == x) {
                best = Math.min(best, pr[2]);
            }
        }
        return best;
    }

    /**
     * Directed box pairs joined by one connector piece. The piece's pixels within a band of a box form that box's
     * ports (a box can have an outgoing port on one side and an incoming one on the other); a port is an arrow
     * head when the piece is markedly thicker there than along its run. A walk from each port along the piece,
     * stopping at other ports, finds which ports one line joins: a headless port reaching a head is one edge.
     * Siblings of a fork (two heads) and the sources of a join (no heads) are not linked to each other, which
     * the old one-piece-links-all rule did. Empty when the piece has no head or no headless port (then the
     * reading direction decides).
     */
    private static List<int[]> portLinks(Mat ink, Mat labels, int c, Rect cb, List<Integer> touched, List<Rect> boxes, List<int[]> joined) {
        Rect roi = Cv.clip(Cv.grow(cb, 2), labels);
        float[] d = insideDistance(labels, c, roi);
        int w = roi.width;
        int h = roi.height;
        int[] owner = new int[d.length];
        java.util.Arrays.fill(owner, -1);
        List<Float> line = new ArrayList<>();
        for (int k = 0; k < d.length; k++) {
            if (d[k] <= 0) {
                continue;
            }
            int x = roi.x + k % w;
            int y = roi.y + k / w;
            double best = BAND + 0.5;
            for (int z = 0; z < touched.size(); z++) {
                double dz = distance(boxes.get(touched.get(z)), x, y);
                if (dz < best) {
                    best = dz;
                    owner[k] = z;
                }
            }
            if (owner[k] < 0) {
                line.add(d[k]);
            }
        }
        float lineHalf = 1f;
        if (!line.isEmpty()) {
            line.sort(null);
            lineHalf = Math.max(1f, line.get((int) (line.size() * 0.9)));
        }
        // a bold arrow's head is long (its length grows with the line's width) and reaches out of the band, where it
        // would count as line: the line's half width is then read on its ridge, where the long run outweighs the head
        lineHalf = Math.min(lineHalf, Math.max(1f, ridgeHalf(d, owner, w, h)));
        // ports: 8-connected runs of pixels owned by the same box
        int[] port = new int[d.length];
        java.util.Arrays.fill(port, -1);
        List<Integer> portBox = new ArrayList<>();
        List<Boolean> portHead = new ArrayList<>();
        List<Double> portMass = new ArrayList<>();
        List<Float> portPeak = new ArrayList<>();
        int[] queue = new int[d.length];
        for (int k = 0; k < d.length; k++) {
            if (owner[k] < 0 || port[k] != -1) {
                continue;
            }
            int id = portBox.size();
            int box0 = owner[k];
            int portId = id;
            int tail = flood(k, w, h, queue, q -> port[q] == -1 && owner[q] == box0, q -> port[q] = portId);
            float peak = peakOf(d, queue, tail);
            // a port is where a line ends on the box: a line that only passes near a box's corner on its way to
            // another box comes within the band too, but never right up to the box
            boolean ends = false;
            Rect ownerBox = boxes.get(touched.get(owner[k]));
            for (int i = 0; i < tail && !ends; i++) {
                ends = onSide(ownerBox, roi.x + queue[i] % w, roi.y + queue[i] / w);
            }
            if (tail < 3 || !ends) {
                for (int i = 0; i < tail; i++) {
                    port[queue[i]] = -2; // a speck or a passing line: part of the line, not a port
                }
                id = -1;
            }
            if (id >= 0) {
                Rect box = boxes.get(touched.get(owner[k]));
                portBox.add(touched.get(owner[k]));
                double m = inkPerLine(ink, box, roi, queue, tail);
                portMass.add(m);
                portPeak.add(peak);
                if (DEBUG) {
                    System.err.println("  port box " + touched.get(owner[k]) + " " + box + " px " + tail + " peak " + peak + " mass/line " + m);
                }
            }
        }
        float strong = Math.max(2.5f, 1.8f * lineHalf);
        outerCores(d, owner, port, w, h, roi, touched, boxes, portBox, portPeak, strong, lineHalf);
        // a head is ink the line does not have: more ink per entering line at the box than the piece's leanest port
        double lean = portMass.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        // a big filled head shows in the thickness alone; small heads (a few pixels, cut by the box erasure) only
        // in the ink per line
        boolean bigHeads = portPeak.stream().anyMatch(p -> p >= strong);
        for (int q = 0; q < portMass.size(); q++) {
            double m = portMass.get(q);
            portHead.add(bigHeads ? portPeak.get(q) >= strong : m >= 1.5 * lean && m - lean >= 4);
        }
        if (DEBUG) {
            System.err.println("piece " + cb + " lineHalf " + lineHalf + " ports " + portBox + " heads " + portHead);
        }
        boolean anyHead = portHead.contains(true);
        boolean anyTail = portHead.contains(false);
        boolean headed = anyHead && anyTail;
        List<int[]> out = new ArrayList<>();
        boolean[] seen = new boolean[d.length];
        int[] steps = new int[d.length];
        for (int a = 0; a < portBox.size(); a++) {
            if (headed && portHead.get(a)) {
                continue;
            }
            // walk from tail port a through free pixels; heads met are its targets
            java.util.Arrays.fill(seen, false);
            int head = 0;
            int tail = 0;
            for (int k = 0; k < d.length; k++) {
                if (port[k] == a) {
                    queue[tail++] = k;
                    seen[k] = true;
                    steps[k] = 0;
                }
            }
            // the ports reached, each with the walk's length to it (breadth first: the shortest)
            java.util.Map<Integer, Integer> reached = new java.util.LinkedHashMap<>();
            while (head < tail) {
                int p = queue[head++];
                int px = p % w;
                int py = p / w;
                for (int yy = Math.max(0, py - 1); yy <= Math.min(h - 1, py + 1); yy++) {
                    for (int xx = Math.max(0, px - 1); xx <= Math.min(w - 1, px + 1); xx++) {
                        int q = yy * w + xx;
                        if (seen[q] || d[q] <= 0) {
                            continue;
                        }
                        seen[q] = true;
                        if (port[q] >= 0 && port[q] != a) {
                            reached.putIfAbsent(port[q], steps[p] + 1);
                        } else {
                            steps[q] = steps[p] + 1;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            for (int b : reached.keySet()) {
                if (portBox.get(b).equals(portBox.get(a))) {
                    continue;
                }
                if (!headed || FLOW_ONLY) {
                    // undirected (the reading direction decides), with the walk's length
                    joined.add(new int[] {portBox.get(a), portBox.get(b), reached.get(b)});
                }
                if (headed && portHead.get(b)) {
                    out.add(new int[] {portBox.get(a), portBox.get(b)});
                }
            }
        }
        return out;
    }

    /**
     * The line's half width: the median distance-transform value on the ridge (local maxima) of the pixels outside
     * every port; 0 when there are none.
     */
    private static float ridgeHalf(float[] d, int[] owner, int w, int h) {
        List<Float> ridge = new ArrayList<>();
        for (int k = 0; k < d.length; k++) {
            if (d[k] <= 0 || owner[k] >= 0) {
                continue;
            }
            int px = k % w;
            int py = k / w;
            boolean top = true;
            for (int yy = Math.max(0, py - 1); yy <= Math.min(h - 1, py + 1) && top; yy++) {
                for (int xx = Math.max(0, px - 1); xx <= Math.min(w - 1, px + 1); xx++) {
                    if (d[yy * w + xx] > d[k]) {
                        top = false;
                        break;
                    }
                }
            }
            if (top) {
                ridge.add(d[k]);
            }
        }
        if (ridge.isEmpty()) {
            return 0;
        }
        ridge.sort(null);
        return ridge.get(ridge.size() / 2);
    }

    /**
     * The 8-connected region grown from {@code start} over the pixels {@code joins} accepts, breadth first; each pixel
     * taken (the start included) is passed to {@code mark}, so {@code joins} no longer accepts it. The region's pixels
     * are {@code queue[0..count)}; returns the count.
     */
    private static int flood(int start, int w, int h, int[] queue, java.util.function.IntPredicate joins,
                             java.util.function.IntConsumer mark) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        mark.accept(start);
        while (head < tail) {
            int p = queue[head++];
            int px = p % w;
            int py = p / w;
            for (int yy = Math.max(0, py - 1); yy <= Math.min(h - 1, py + 1); yy++) {
                for (int xx = Math.max(0, px - 1); xx <= Math.min(w - 1, px + 1); xx++) {
                    int q = yy * w + xx;
                    if (joins.test(q)) {
                        mark.accept(q);
                        queue[tail++] = q;
                    }
                }
            }
        }
        return tail;
    }

    /** The largest distance-transform value over {@code queue[0..count)}. */
    private static float peakOf(float[] d, int[] queue, int count) {
        float peak = 0;
        for (int i = 0; i < count; i++) {
            peak = Math.max(peak, d[queue[i]]);
        }
        return peak;
    }

    /**
     * Thick cores (distance {@code >= strong}) outside every port: the wide part of a bold arrow's head, which lies
     * beyond the band. A core near a box (within the band plus the run a head needs to widen that much, about six
     * half widths) raises the peak of that box's port nearest to it, so that the head is seen where it points.
     */
    private static void outerCores(float[] d, int[] owner, int[] port, int w, int h, Rect roi, List<Integer> touched, List<Rect> boxes,
                                   List<Integer> portBox, List<Float> portPeak, float strong, float lineHalf) {
        boolean[] seen = new boolean[d.length];
        int[] queue = new int[d.length];
        for (int k = 0; k < d.length; k++) {
            if (seen[k] || d[k] < strong || port[k] >= 0) {
                continue;
            }
            int tail = flood(k, w, h, queue, q -> !seen[q] && d[q] >= strong && port[q] < 0, q -> seen[q] = true);
            float peak = peakOf(d, queue, tail);
            // the core's nearest box and its pixel nearest that box
            int box = -1;
            int at = -1;
            double best = BAND + 6 * lineHalf;
            for (int i = 0; i < tail; i++) {
                int x = roi.x + queue[i] % w;
                int y = roi.y + queue[i] / w;
                for (int b : touched) {
                    double dz = distance(boxes.get(b), x, y);
                    if (dz <= best) {
                        best = dz;
                        box = b;
                        at = queue[i];
                    }
                }
            }
            if (box < 0) {
                continue;
            }
            // that box's port nearest the core
            int nearest = -1;
            double nearestGap = Double.MAX_VALUE;
            for (int q = 0; q < d.length; q++) {
                if (port[q] >= 0 && portBox.get(port[q]) == box) {
                    double gap = Math.hypot(q % w - at % w, q / w - at / w);
                    if (gap < nearestGap) {
                        nearestGap = gap;
                        nearest = port[q];
                    }
                }
            }
            if (nearest >= 0 && DEBUG) {
                System.err.println("  outer core near box " + box + " peak " + peak + " -> port " + nearest);
            }
            if (nearest >= 0) {
                portPeak.set(nearest, Math.max(portPeak.get(nearest), peak));
            }
        }
    }

    /**
     * Ink just outside a box where a port's lines meet it (the original ink, so a tiny head the box erasure cut off
     * still counts), divided by the number of lines entering the port (a fork's source gathers several lines).
     */
    private static double inkPerLine(Mat ink, Rect box, Rect roi, int[] pixels, int n) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        List<int[]> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = roi.x + pixels[i] % roi.width;
            int y = roi.y + pixels[i] / roi.width;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
            double dz = distance(box, x, y);
            if (dz >= BAND - 2.5 && dz <= BAND + 0.5) {
                ring.add(new int[] {x, y});
            }
        }
        // lines entering: clusters of the port's pixels on its outer ring that run on out of the band (the arms of an
        // open head, a chevron drawn as two strokes, reach the ring and stop: they are the head, not lines)
        int lines = 0;
        int clusters = 0;
        boolean[] done = new boolean[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            if (done[i]) {
                continue;
            }
            clusters++;
            boolean runsOn = false;
            List<Integer> stack = new ArrayList<>(List.of(i));
            done[i] = true;
            while (!stack.isEmpty()) {
                int[] p = ring.get(stack.remove(stack.size() - 1));
                runsOn = runsOn || runsOn(ink, box, p[0], p[1]);
                for (int j = 0; j < ring.size(); j++) {
                    if (!done[j] && Math.abs(ring.get(j)[0] - p[0]) <= 1 && Math.abs(ring.get(j)[1] - p[1]) <= 1) {
                        done[j] = true;
                        stack.add(j);
                    }
                }
            }
            lines += runsOn ? 1 : 0;
        }
        lines = lines == 0 ? clusters : lines;
        Rect win = Cv.clip(new Rect(minX - 4, minY - 4, maxX - minX + 9, maxY - minY + 9), ink);
        // only ink close to this port's own pixels: a sibling arm leaving the same point is not this line's head
        boolean[] nearPort = new boolean[win.width * win.height];
        for (int i = 0; i < n; i++) {
            int x = roi.x + pixels[i] % roi.width - win.x;
            int y = roi.y + pixels[i] / roi.width - win.y;
            for (int yy = Math.max(0, y - 4); yy <= Math.min(win.height - 1, y + 4); yy++) {
                for (int xx = Math.max(0, x - 4); xx <= Math.min(win.width - 1, x + 4); xx++) {
                    nearPort[yy * win.width + xx] = true;
                }
            }
        }
        byte[] row = new byte[win.width];
        int mass = 0;
        for (int y = win.y; y < win.y + win.height; y++) {
            ink.get(y, win.x, row);
            for (int x = 0; x < win.width; x++) {
                if (row[x] != 0 && nearPort[(y - win.y) * win.width + x]) {
                    double dz = distance(box, win.x + x, y);
                    if (dz > 1.5 && dz <= 8) {
                        mass++;
                    }
                }
            }
        }
        return (double) mass / Math.max(1, lines);
    }

    /** Whether box {@code x} lies wholly beyond (downstream of, for sign 1) every box of {@code others} along the axis. */
    private static boolean beyond(List<Integer> others, int x, List<Rect> boxes, boolean vertical, double sign) {
        Rect b = boxes.get(x);
        for (int o : others) {
            Rect r = boxes.get(o);
            double gap = vertical
                    ? (sign > 0 ? b.y - (r.y + r.height) : r.y - (b.y + b.height))
                    : (sign > 0 ? b.x - (r.x + r.width) : r.x - (b.x + b.width));
            if (gap < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a small piece is a straight thin line rather than a speck: what is left of a short arrow between two
     * boxes drawn close together (Keras plot_model stacks its boxes a dozen pixels apart; the box erasure leaves ten).
     */
    private static boolean shortLine(Rect cb, int area) {
        int length = Math.max(cb.width, cb.height);
        return length >= 7 && Math.min(cb.width, cb.height) <= 2 && area >= length;
    }

    /** One connected piece of connector ink and the boxes it reaches. */
    private record Piece(int label, Rect bounds, List<Integer> touched) {
    }

    /**
     * The free upstream end of a piece (a small box around it), or null: the piece must reach at least
     * {@link #FREE_END} px further upstream than every box it touches and than every other box in its way
     * (a line from a box further up would end on that box, not in the open).
     */
    private static Rect freeEnd(int[] lab, int w, Piece p, List<Rect> boxes, boolean vertical, double sign) {
        Rect cb = p.bounds();
        double end = vertical ? (sign > 0 ? cb.y : cb.y + cb.height - 1) : (sign > 0 ? cb.x : cb.x + cb.width - 1);
        for (int i : p.touched()) {
            Rect b = boxes.get(i);
            double start = vertical ? (sign > 0 ? b.y : b.y + b.height - 1) : (sign > 0 ? b.x : b.x + b.width - 1);
            if (sign * (start - end) < FREE_END) {
                return null;
            }
        }
        // the end point: mean position of the piece's pixels on its extreme row (column)
        int e = (int) end;
        long sum = 0;
        int n = 0;
        int from = vertical ? cb.x : cb.y;
        int to = vertical ? cb.x + cb.width : cb.y + cb.height;
        for (int k = from; k < to; k++) {
            int x = vertical ? k : e;
            int y = vertical ? e : k;
            if (lab[y * w + x] == p.label()) {
                sum += k;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        int along = (int) (sum / n);
        int x = vertical ? along : e;
        int y = vertical ? e : along;
        for (Rect b : boxes) {
            if (distance(b, x, y) < FREE_END) {
                return null; // ends at a box after all (one the tracer did not count as touched)
            }
        }
        return new Rect(x - 4, y - 4, 9, 9);
    }

    /** How far short of a box side a straight line may stop and still end on it (a gap left before the box). */
    private static final double SHORT_REACH = 9.5;
    /** How long the straight run behind such an end must be (a letter or a head's overhang is shorter). */
    private static final int HEAD_ON_RUN = 20;

    /**
     * Whether piece {@code c} ends within {@link #SHORT_REACH} of a side of {@code box}, facing it: from its pixel
     * nearest the side, the piece runs straight back, perpendicular to that side, for {@link #HEAD_ON_RUN} px
     * (kind: arrows drawn with a gap before the box they point at; a line passing beside a box runs along it).
     */
    private static boolean stopsShortHeadOn(int[] lab, int w, int h, int c, Rect cb, Rect box) {
        if (!overlaps(Cv.grow(box, (int) Math.ceil(SHORT_REACH)), cb)) {
            return false;
        }
        int k = corner(box);
        int[][] sides = {{0, -1}, {0, 1}, {-1, 0}, {1, 0}}; // the way the line runs back: above, below, left, right
        for (int[] dir : sides) {
            boolean horizontalSide = dir[0] == 0;
            int from = horizontalSide ? box.x + k : box.y + k;
            int to = horizontalSide ? box.x + box.width - 1 - k : box.y + box.height - 1 - k;
            int edge = horizontalSide ? (dir[1] < 0 ? box.y - 1 : box.y + box.height) : (dir[0] < 0 ? box.x - 1 : box.x + box.width);
            for (int a = from; a <= to; a++) {
                // the nearest pixel of the piece on this line outward from the side, within reach
                int gap = -1;
                for (int d = 0; d <= SHORT_REACH; d++) {
                    int x = horizontalSide ? a : edge + dir[0] * d;
                    int y = horizontalSide ? edge + dir[1] * d : a;
                    if (x < 0 || y < 0 || x >= w || y >= h) {
                        break;
                    }
                    if (lab[y * w + x] == c) {
                        gap = d;
                        break;
                    }
                }
                if (gap < 0) {
                    continue;
                }
                boolean straight = true;
                int wide = 0;
                for (int d = gap; d < gap + HEAD_ON_RUN && straight; d++) {
                    int x0 = horizontalSide ? a : edge + dir[0] * d;
                    int y0 = horizontalSide ? edge + dir[1] * d : a;
                    boolean hit = false;
                    for (int s = -1; s <= 1 && !hit; s++) {
                        hit = isPiece(lab, w, h, c, horizontalSide ? x0 + s : x0, horizontalSide ? y0 : y0 + s);
                    }
                    straight = hit;
                    // a line, not a wide band (a thick grey flow arrow running past the box is no arrow at it)
                    if (isPiece(lab, w, h, c, horizontalSide ? x0 - THIN : x0, horizontalSide ? y0 : y0 - THIN)
                            || isPiece(lab, w, h, c, horizontalSide ? x0 + THIN : x0, horizontalSide ? y0 : y0 + THIN)) {
                        wide++;
                    }
                }
                if (straight && wide <= HEAD_ON_RUN * 3 / 4) { // an arrow head near the box is wide for a while
                    return true;
                }
            }
        }
        return false;
    }

    /** How far across a line beside its middle no ink of the line may be (the line is thinner than 2 THIN - 1). */
    private static final int THIN = 5;

    private static boolean isPiece(int[] lab, int w, int h, int c, int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h && lab[y * w + x] == c;
    }

    /** Whether every two of the boxes overlap in their extent along the axis (they sit at one level of the flow). */
    private static boolean sideBySide(List<Integer> touched, List<Rect> boxes, boolean vertical) {
        for (int a : touched) {
            for (int b : touched) {
                Rect p = boxes.get(a);
                Rect q = boxes.get(b);
                boolean overlap = vertical ? p.y < q.y + q.height && q.y < p.y + p.height : p.x < q.x + q.width && q.x < p.x + p.width;
                if (!overlap) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean overlaps(Rect a, Rect b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }

    /** Whether the piece comes right up to the box (a line ends on it; a letter floating in the gap does not). */
    private static boolean reaches(int[] lab, int w, Rect zone, int c, Rect box) {
        for (int y = zone.y; y < zone.y + zone.height; y++) {
            for (int x = zone.x; x < zone.x + zone.width; x++) {
                if (lab[y * w + x] == c && onSide(box, x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int count(int[] lab, int w, Rect zone, int c, Rect box) {
        int n = 0;
        for (int y = zone.y; y < zone.y + zone.height; y++) {
            for (int x = zone.x; x < zone.x + zone.width; x++) {
                if (lab[y * w + x] == c) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Per pixel of {@code roi}, row-major: its distance to the nearest pixel outside piece {@code c} (0 outside it). */
    private static float[] insideDistance(Mat labels, int c, Rect roi) {
        Mat mask = new Mat();
        Core.compare(new Mat(labels, roi), new Scalar(c), mask, Core.CMP_EQ);
        Mat dt = new Mat();
        Imgproc.distanceTransform(mask, dt, Imgproc.DIST_L2, 3);
        float[] d = new float[(int) dt.total()];
        dt.get(0, 0, d);
        return d;
    }

    /** Whether a line pixel here ends on the box: within reach of it, beside a side rather than at a corner. */
    private static boolean onSide(Rect b, int x, int y) {
        int k = corner(b);
        boolean alongX = x >= b.x + k && x <= b.x + b.width - 1 - k;
        boolean alongY = y >= b.y + k && y <= b.y + b.height - 1 - k;
        return (alongX || alongY) && distance(b, x, y) <= REACH;
    }

    /** Distance from a point to a rectangle (0 inside). */
    /** How far beyond the band a line entering a port runs on, at the least (the arms of an open head stop short of it). */
    private static final int RUN_ON = 8;

    /**
     * Whether the ink at (x, y), on a port's outer ring, runs on outward: a walk through ink that never comes back
     * inside the ring gets {@link #RUN_ON} px beyond the band.
     */
    private static boolean runsOn(Mat ink, Rect box, int x, int y) {
        double inner = BAND - 2.5;
        double goal = BAND + RUN_ON;
        java.util.ArrayDeque<int[]> queue = new java.util.ArrayDeque<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        queue.add(new int[] {x, y});
        seen.add(((long) y << 32) | x);
        while (!queue.isEmpty() && seen.size() < 400) {
            int[] p = queue.poll();
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int xx = p[0] + dx;
                    int yy = p[1] + dy;
                    if (xx < 0 || yy < 0 || xx >= ink.cols() || yy >= ink.rows() || ink.get(yy, xx)[0] == 0) {
                        continue;
                    }
                    double dz = distance(box, xx, yy);
                    if (dz >= goal) {
                        return true;
                    }
                    if (dz >= inner && seen.add(((long) yy << 32) | xx)) {
                        queue.add(new int[] {xx, yy});
                    }
                }
            }
        }
        return false;
    }

    static double distance(Rect r, double x, double y) {
        double dx = Math.max(0, Math.max(r.x - x, x - (r.x + r.width - 1)));
        double dy = Math.max(0, Math.max(r.y - y, y - (r.y + r.height - 1)));
        return Math.hypot(dx, dy);
    }

    private static double major(Rect r, boolean vertical) {
        return vertical ? centreY(r) : centreX(r);
    }

    static double centreX(Rect r) {
        return r.x + r.width / 2.0;
    }

    static double centreY(Rect r) {
        return r.y + r.height / 2.0;
    }
}
