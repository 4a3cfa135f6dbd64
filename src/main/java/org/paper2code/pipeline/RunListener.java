package org.paper2code.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Hears what a batch run does: the progress display is one, the HTML report
 * (report.ReportWriter, called once at the end over the whole output folder) another.
 * Listeners are called from worker threads: {@link #paperFinished} must be thread-safe.
 */
public interface RunListener {
    /** @param papers inputs in this run; @param skipped of those, already done by an earlier run */
    default void started(int papers, int skipped) {
    }

    default void paperFinished(PaperOutcome outcome) {
    }

    /**
     * After summary.json and mex-dataset.nq are written. A failure here is reported on stderr
     * and does not change the papers' results.
     */
    default void runFinished(Path out, ObjectNode summary) throws IOException {
    }
}
