package org.paper2code.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A digest of the compiled classes of some packages, read from where a class was loaded (a classes folder or a jar).
 * Cached training features are keyed by it: features of generated figures are only valid for the generator and the
 * feature code that made them.
 */
final class CodeDigest {

    private CodeDigest() {
    }

    /** The first 12 hex digits of a SHA-256 over the class files (sorted by name) of the given packages. */
    static String of(Class<?> anchor, List<String> packages) {
        try {
            Path source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> prefixes = packages.stream().map(p -> p.replace('.', '/') + "/").toList();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(source)) {
                List<Path> files = new ArrayList<>();
                for (String prefix : prefixes) {
                    Path dir = source.resolve(prefix);
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> s = Files.walk(dir)) {
                            s.filter(f -> f.toString().endsWith(".class")).forEach(files::add);
                        }
                    }
                }
                Collections.sort(files);
                for (Path f : files) {
                    sha.update(source.relativize(f).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(f));
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    List<JarEntry> entries = jar.stream().filter(e -> e.getName().endsWith(".class")
                            && prefixes.stream().anyMatch(e.getName()::startsWith)).sorted(java.util.Comparator.comparing(JarEntry::getName)).toList();
                    for (JarEntry e : entries) {
                        sha.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(e)) {
                            sha.update(in.readAllBytes());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
