package org.paper2code.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files of one paper folder named in its paper.json. Names are checked before use: a
 * tampered or buggy paper.json must not make the report read, link or embed anything
 * outside the paper's folder.
 */
final class PaperFiles {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    private final Path dir;

    PaperFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    /** True when the name is a plain relative path of safe characters with no "." or ".." step. */
    static boolean safeName(String name) {
        return name != null && name.length() <= 200 && SAFE.matcher(name).matches() && !name.contains("..");
    }

    /** The existing regular file the name points to inside the folder. */
    Optional<Path> file(String name) {
        if (!safeName(name)) {
            return Optional.empty();
        }
        Path p = dir.resolve(name).normalize();
        try {
            // real paths: a symbolic link inside the folder must not lead out of it
            return p.startsWith(dir) && Files.isRegularFile(p) && p.toRealPath().startsWith(dir.toRealPath())
                    ? Optional.of(p) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
