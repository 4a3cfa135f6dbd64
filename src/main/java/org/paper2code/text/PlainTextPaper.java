package org.paper2code.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A text file (UTF-8) whose pages are separated by form feeds, as {@code pdftotext} writes them. */
public final class PlainTextPaper implements PaperText {
    @Override
    public List<Passage> read(Path file) throws IOException {
        return split(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static List<Passage> split(String text) {
        List<Passage> out = new ArrayList<>();
        String[] pages = text.split("\f", -1);
        for (int i = 0; i < pages.length; i++) {
            if (!pages[i].isBlank()) {
                out.add(new Passage(pages[i], i + 1));
            }
        }
        return out;
    }
}
