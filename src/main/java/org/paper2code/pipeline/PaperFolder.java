package org.paper2code.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.paper2code.graph.GraphJson;

/**
 * The output folder's paper folders. A paper's files are written into {@code OUT/.<id>.tmp-XXXX}
 * and that folder is renamed to {@code OUT/<id>} (an old one is first renamed aside and then
 * deleted), so after a crash (even kill -9) every {@code OUT/<id>} is either a whole earlier
 * result or a whole new one. Leftover temp folders are removed by {@link #cleanLeftovers}.
 * Run-level files are written the same way through {@link #writeAtomically}.
 */
public final class PaperFolder {
    public static final String PAPER_JSON = "paper.json";
    /** Temp and set-aside folders/files: a leading '.', which no paper id has. */
    private static final Pattern LEFTOVER = Pattern.compile("^\\..+\\.(tmp|old)-.*$");

    private final Path out;

    public PaperFolder(Path out) throws IOException {
        this.out = out.toAbsolutePath().normalize();
        Files.createDirectories(this.out);
    }

    public Path out() {
        return out;
    }

    /** Deletes what a killed run left: temp folders and files and set-aside old folders. Returns what it removed. */
    public List<Path> cleanLeftovers() throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            for (Path p : ds) {
                if (LEFTOVER.matcher(p.getFileName().toString()).matches()) {
                    deleteTree(p);
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    /** The paper folders in the output folder (those with a paper.json), sorted by id. */
    public List<String> paperIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out, Files::isDirectory)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(p.resolve(PAPER_JSON))) {
                    ids.add(name);
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    public Path folder(String id) {
        Path p = out.resolve(id).normalize();
        if (!p.getParent().equals(out) || id.startsWith(".")) {
            throw new IllegalArgumentException("not a paper id: " + id);
        }
        return p;
    }

    /** The paper.json of an earlier result, or null when there is none or it does not parse. */
    public JsonNode read(String id) {
        Path p = folder(id).resolve(PAPER_JSON);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            JsonNode n = GraphJson.MAPPER.readTree(p.toFile());
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the paper's files (relative names) as OUT/&lt;id&gt;/, replacing an earlier folder in one rename. */
    public void write(String id, Map<String, byte[]> files) throws IOException {
        Path target = folder(id);
        Path tmp = Files.createTempDirectory(out, "." + id + ".tmp-");
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = tmp.resolve(f.getKey()).normalize();
                if (!p.startsWith(tmp) || p.equals(tmp) || Path.of(f.getKey()).isAbsolute()) {
                    throw new IllegalArgumentException("refusing to write outside the paper folder: " + f.getKey());
                }
                if (!p.getParent().equals(tmp)) {
                    Files.createDirectories(p.getParent());
                    readable(p.getParent(), true);
                }
                Files.write(p, f.getValue());
                readable(p, false);
            }
            readable(tmp, true);
            Path aside = null;
            if (Files.exists(target)) {
                aside = Files.createTempDirectory(out, "." + id + ".old-");
                Files.delete(aside);
                move(target, aside);
            }
            move(tmp, target);
            tmp = null;
            if (aside != null) {
                deleteTree(aside);
            }
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    /** Writes one run-level file (e.g. summary.json) by streaming into a temp file and renaming it. */
    public Path writeAtomically(String name, IoWriter content) throws IOException {
        if (name.contains("/") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        Path target = out.resolve(name);
        Path tmp = Files.createTempFile(out, "." + name + ".tmp-", "");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                content.write(os);
            }
            readable(tmp, false);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** Writes content to a stream; may throw. */
    @FunctionalInterface
    public interface IoWriter {
        void write(OutputStream out) throws IOException;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Temp files and folders are owner-only; results are as readable as any other output. */
    private static void readable(Path p, boolean dir) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(dir ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
