package org.paper2code.emit;

import java.nio.charset.StandardCharsets;

/**
 * One generated file: its suggested file name (no directories) and its content, either text
 * ({@code content}) or binary ({@code bytes}, e.g. an ONNX model; then {@code content} is null).
 */
public record Artifact(String fileName, String content, byte[] bytes) {
    public Artifact {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("artifact names are plain file names: " + fileName);
        }
        if ((content == null) == (bytes == null)) {
            throw new IllegalArgumentException("an artifact has either text or bytes: " + fileName);
        }
    }

    /** A text file. */
    public Artifact(String fileName, String content) {
        this(fileName, content, null);
    }

    /** A binary file. */
    public static Artifact binary(String fileName, byte[] bytes) {
        return new Artifact(fileName, null, bytes);
    }

    public boolean isBinary() {
        return bytes != null;
    }

    /** The bytes to write: the binary content, or the text as UTF-8. */
    public byte[] data() {
        return bytes != null ? bytes : content.getBytes(StandardCharsets.UTF_8);
    }
}
