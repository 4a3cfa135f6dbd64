package org.paper2code.report;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Draws DOT text as SVG with Graphviz's {@code dot} (Debian package graphviz), found on the PATH. */
final class Graphviz {
    /** dot's layout time grows fast with size; past this the report links the files instead of drawing. */
    static final int MAX_LAYERS = 1500;
    private static final long TIMEOUT_SECONDS = 60;

    private final Path dot;

    private Graphviz(Path dot) {
        this.dot = dot;
    }

    /** The {@code dot} on the PATH, or null when Graphviz is not installed. */
    static Graphviz find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "dot");
            if (Files.isExecutable(p)) {
                return new Graphviz(p);
            }
        }
        return null;
    }

    /**
     * @return the SVG document
     * @throws IOException when dot fails, times out or prints no SVG (the message says which)
     */
    byte[] svg(String dotText) throws IOException {
        Process p = new ProcessBuilder(List.of(dot.toString(), "-Tsvg")).redirectErrorStream(false).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(dotText.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("dot took longer than " + TIMEOUT_SECONDS + " s");
            }
            byte[] svg = out.get(10, TimeUnit.SECONDS);
            if (p.exitValue() != 0 || svg.length == 0) {
                String msg = new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
                throw new IOException("dot exited with " + p.exitValue() + (msg.isEmpty() ? "" : ": " + msg));
            }
            return svg;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dot ran", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot read dot's output: " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
