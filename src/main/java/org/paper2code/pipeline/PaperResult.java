package org.paper2code.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One paper's result in memory: its paper.json tree and every file of its folder (relative
 * name to bytes, paper.json included), written in one go by {@link PaperFolder}.
 */
public record PaperResult(String paperId, ObjectNode json, Map<String, byte[]> files, PaperOutcome outcome) {
    public PaperResult {
        files = new LinkedHashMap<>(files);
    }
}
