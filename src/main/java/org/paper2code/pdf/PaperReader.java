package org.paper2code.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * The PDF stage: a research paper PDF in, one {@link Paper} out.
 *
 * <p>Needs: a PDF file. Adds: metadata, text per page in reading order, sections, sentences with
 * pages, figures (caption-anchored, vector and raster, plus uncaptioned images) and tables with
 * crops, OCR text for pages without a text layer.
 *
 * <p>Bad input gives one {@link PdfException} or a Paper flagged {@code partial} with warnings.
 * Work runs in its own thread under the time limit: past 70% of it no more pages are read (the
 * result is partial), and when the limit passes the call returns with an error. PDFBox parsing is
 * not interruptible, so a thread stuck inside it is abandoned (a daemon thread) and the file
 * counted as failed. PDFBox keeps at most {@code maxMainMemoryBytes} of the file's streams in
 * memory and rendered images are capped, so large files do not exhaust the heap.
 */
public final class PaperReader {

    public Paper read(Path pdf, PdfOptions options) throws PdfException {
        checkFile(pdf);
        long start = System.nanoTime();
        long limitNanos = options.timeLimit().toNanos();
        FutureTask<Paper> task = new FutureTask<>(() -> readOpen(pdf, options, start + limitNanos * 7 / 10, start + limitNanos * 9 / 10));
        Thread worker = new Thread(task, "paper2code-pdf " + pdf.getFileName());
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(limitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new PdfException(PdfException.Reason.TIME_LIMIT, pdf + ": gave up after the time limit of "
                    + options.timeLimit().toSeconds() + " s (the file may be damaged or very large)");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new PdfException(PdfException.Reason.TIME_LIMIT, pdf + ": interrupted");
        } catch (ExecutionException e) {
            throw translate(pdf, e.getCause());
        }
    }

    private static Paper readOpen(Path pdf, PdfOptions options, long softDeadline, long renderDeadline) throws Exception {
        String sha = sha256(pdf);
        boolean truncated = !endsWithEof(pdf);
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(options.maxMainMemoryBytes());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), options.password() == null ? "" : options.password(), memory.streamCache)) {
            if (doc.getNumberOfPages() == 0) {
                throw new PdfException(PdfException.Reason.NO_PAGES, pdf + ": the PDF has no pages"
                        + (truncated ? " (the file looks truncated)" : ""));
            }
            return new Extraction(doc, pdf, sha, options, softDeadline, renderDeadline, truncated).run();
        }
    }

    private static PdfException translate(Path pdf, Throwable t) {
        if (t instanceof PdfException p) {
            return p;
        }
        if (t instanceof InvalidPasswordException) {
            return new PdfException(PdfException.Reason.ENCRYPTED, pdf + ": encrypted; it needs a password (--password)", t);
        }
        if (t instanceof OutOfMemoryError) {
            return new PdfException(PdfException.Reason.TOO_LARGE, pdf + ": too large to process in the available memory", t);
        }
        if (t instanceof IOException) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return new PdfException(PdfException.Reason.CORRUPT, pdf + ": not a readable PDF (" + m + ")", t);
        }
        return new PdfException(PdfException.Reason.CORRUPT, pdf + ": damaged PDF (" + t + ")", t);
    }

    private static void checkFile(Path pdf) throws PdfException {
        if (!Files.exists(pdf)) {
            throw new PdfException(PdfException.Reason.NOT_FOUND, pdf + ": no such file");
        }
        if (!Files.isRegularFile(pdf) || !Files.isReadable(pdf)) {
            throw new PdfException(PdfException.Reason.NOT_FOUND, pdf + ": not a readable file");
        }
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(pdf)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new PdfException(PdfException.Reason.NOT_FOUND, pdf + ": no such file");
        } catch (IOException e) {
            throw new PdfException(PdfException.Reason.NOT_FOUND, pdf + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (n == 0) {
            throw new PdfException(PdfException.Reason.NOT_A_PDF, pdf + ": empty file");
        }
        if (!new String(head, 0, n, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw new PdfException(PdfException.Reason.NOT_A_PDF, pdf + ": not a PDF (no %PDF- header)");
        }
    }

    private static boolean endsWithEof(Path pdf) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(pdf.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(2048, len);
            byte[] tail = new byte[n];
            f.seek(len - n);
            f.readFully(tail);
            return new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    private static String sha256(Path pdf) throws IOException {
        try (InputStream in = Files.newInputStream(pdf)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
