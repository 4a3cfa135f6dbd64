package org.paper2code.emit;

/** One generated file: its suggested file name (no directories) and its content. */
public record Artifact(String fileName, String content) {
    public Artifact {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("artifact names are plain file names: " + fileName);
        }
    }
}
