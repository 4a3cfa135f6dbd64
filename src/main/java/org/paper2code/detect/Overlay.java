package org.paper2code.detect;

import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Draws what was detected on a copy of the figure: layer boxes with their layer names, links as lines with a head. */
final class Overlay {
    private Overlay() {
    }

    static Mat draw(Mat bgr, StyleParser.Detected d, Assembler.Assembly a) {
        Mat out = bgr.clone();
        Scalar layerColour = new Scalar(0, 160, 0);
        Scalar dropped = new Scalar(0, 0, 220);
        Scalar linkColour = new Scalar(220, 60, 0);
        for (int i = 0; i < d.elements().size(); i++) {
            Rect r = d.elements().get(i).box();
            String n = a.names().get(i);
            Imgproc.rectangle(out, r, n != null ? layerColour : dropped, 2);
            if (n != null) {
                String type = a.graph().layer(n).map(l -> l.type()).orElse("?");
                Imgproc.putText(out, n + ":" + type, new Point(r.x, Math.max(10, r.y - 3)), Imgproc.FONT_HERSHEY_SIMPLEX, 0.4,
                        layerColour, 1);
            }
        }
        for (Link l : d.links()) {
            Rect f = d.elements().get(l.from()).box();
            Rect t = d.elements().get(l.to()).box();
            Point p1 = new Point(f.x + f.width / 2.0, f.y + f.height / 2.0);
            Point p2 = new Point(t.x + t.width / 2.0, t.y + t.height / 2.0);
            Imgproc.arrowedLine(out, p1, p2, linkColour, 1, Imgproc.LINE_AA, 0, 0.05);
        }
        return out;
    }
}
