package org.paper2code.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.paper2code.pipeline.RunListener;

/** Writes the HTML report once an {@code extract} run has written its summary. */
public final class ReportListener implements RunListener {
    private final ReportWriter writer = new ReportWriter();
    private final PrintStream log;

    /** @param log where problems with single papers' pages are reported */
    public ReportListener(PrintStream log) {
        this.log = log;
    }

    @Override
    public void runFinished(Path out, ObjectNode summary) throws IOException {
        if (!writer.canDraw()) {
            log.println("paper2code extract: Graphviz's dot is not on the PATH: the report shows graphs without drawings");
        }
        ReportWriter.Result r = writer.write(out);
        r.problems().forEach(p -> log.println("paper2code extract: report: " + p));
    }
}
