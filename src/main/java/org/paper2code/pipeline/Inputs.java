package org.paper2code.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What to extract: PDF files as given, folders searched recursively for {@code *.pdf} (sorted,
 * so runs are repeatable), and list files of one path per line (blank lines and lines starting
 * with '#' skipped; relative paths are relative to the list file's folder). Each file once.
 */
public final class Inputs {
    private Inputs() {
    }

    /** A path that cannot be used; the command turns it into a usage error naming it. */
    public static final class InputException extends Exception {
        public InputException(String message) {
            super(message);
        }
    }

    public static List<Path> expand(List<Path> paths, List<Path> listFiles) throws InputException {
        List<Path> all = new ArrayList<>(paths);
        for (Path list : listFiles) {
            all.addAll(readList(list));
        }
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> out = new ArrayList<>();
        for (Path p : all) {
            for (Path pdf : pdfsIn(p)) {
                if (seen.add(pdf.toAbsolutePath().normalize())) {
                    out.add(pdf);
                }
            }
        }
        return out;
    }

    static List<Path> readList(Path list) throws InputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(list + ": cannot read the list file (" + e.getMessage() + ")");
        }
        Path base = list.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            Path p = Path.of(s);
            out.add(p.isAbsolute() || base == null ? p : base.resolve(p).normalize());
        }
        return out;
    }

    private static List<Path> pdfsIn(Path p) throws InputException {
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {
            throw new InputException(p + ": no such file or folder");
        }
        try (Stream<Path> s = Files.walk(p)) {
            List<Path> pdfs = s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .sorted().toList();
            return pdfs;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(p + ": cannot list the folder (" + e.getMessage() + ")");
        }
    }
}
