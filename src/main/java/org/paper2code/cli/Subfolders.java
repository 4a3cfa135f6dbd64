package org.paper2code.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * One output subfolder name per input file of a batch: the file's stem made safe (never "." or
 * "..", which would name the output folder or its parent) and numbered when two inputs share it.
 */
final class Subfolders {
    private final Set<String> used = new HashSet<>();

    /** A name not handed out before in this batch. */
    String next(Path input) {
        String base = stem(input);
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** The file name without its extension, with characters outside [A-Za-z0-9._-] replaced and no leading dot. */
    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String s = (dot > 0 ? n.substring(0, dot) : n).replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") || s.isEmpty() ? "_" + s : s;
    }
}
