package org.paper2code.text;

import java.nio.file.Path;

/** Helper for scripts/bench-text: {@code PDF} prints its page count; {@code --load} prints the CoreNLP load time in ms. */
public final class BenchPages {
    private BenchPages() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--load")) {
            System.out.println(CoreNlp.shared().loadMillis());
            return;
        }
        try (var doc = org.apache.pdfbox.Loader.loadPDF(Path.of(args[0]).toFile())) {
            System.out.println(doc.getNumberOfPages());
        }
    }
}
