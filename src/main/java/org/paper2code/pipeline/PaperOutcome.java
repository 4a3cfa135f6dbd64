package org.paper2code.pipeline;

/**
 * One paper's line in summary.json: {@code status} done, failed or skipped (done by an earlier
 * run with the same SHA-256; its counts then come from its paper.json).
 */
public record PaperOutcome(String paperId, String source, String sha256, String status, String error, int figures,
                           int architectureFigures, int tables, int graphs, double seconds) {
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public boolean failed() {
        return FAILED.equals(status);
    }
}
