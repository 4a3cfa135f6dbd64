package org.paper2code.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broken-file corpus, made from the generated paper: each file gives one clear
 * {@link PdfException} or a result flagged partial, within the time limit, without running out
 * of memory. (The preemptive timeout is a hang guard, far above the stage's own limit.)
 */
class BrokenPdfTest {
    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final PdfOptions OPTIONS = PdfOptions.defaults().withTimeLimit(Duration.ofSeconds(20)).withOverlayDpi(72);
    @TempDir
    static Path dir;
    static byte[] good;

    @BeforeAll
    static void make() throws Exception {
        good = TestPdfs.paper();
    }

    private static Object outcome(String name, byte[] bytes, PdfOptions options) throws Exception {
        Path p = TestPdfs.write(dir, name, bytes);
        return assertTimeoutPreemptively(GUARD, () -> {
            try {
                return new PaperReader().read(p, options);
            } catch (PdfException e) {
                return e;
            }
        });
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.6, 0.9, 0.99})
    void truncatedFilesGiveAnErrorOrAFlaggedPartialResult(double fraction) throws Exception {
        Object r = outcome("trunc-" + fraction + ".pdf", TestPdfs.truncated(good, fraction), OPTIONS);
        if (r instanceof PdfException e) {
            assertTrue(e.getMessage().contains("trunc-"), "the error names the file: " + e.getMessage());
            assertTrue(e.reason() == PdfException.Reason.CORRUPT || e.reason() == PdfException.Reason.NO_PAGES, e.reason().name());
        } else {
            Paper p = (Paper) r;
            assertTrue(p.partial(), "a truncated file is flagged partial");
            assertTrue(p.warnings().stream().anyMatch(w -> w.contains("truncated")), p.warnings().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void bitFlippedFilesNeverHangOrCrash(long seed) throws Exception {
        Object r = outcome("flip-" + seed + ".pdf", TestPdfs.bitFlipped(good, seed, 40), OPTIONS);
        if (r instanceof PdfException e) {
            assertFalse(e.getMessage().isBlank());
            assertTrue(e.getMessage().contains("flip-" + seed), e.getMessage());
        } else {
            Paper p = (Paper) r;
            assertEquals(2, p.meta().pageCount());
            // damage that PDFBox repairs silently may leave no trace; damage it reports is flagged
            if (!p.warnings().isEmpty() && p.warnings().stream().anyMatch(w -> w.contains("could not be read"))) {
                assertTrue(p.partial());
            }
        }
    }

    @Test
    void encryptedWithAUserPasswordNeedsIt() throws Exception {
        byte[] bytes = TestPdfs.encrypted("user-secret");
        Object r = outcome("locked.pdf", bytes, OPTIONS);
        PdfException e = (PdfException) r;
        assertEquals(PdfException.Reason.ENCRYPTED, e.reason());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
        Paper p = (Paper) outcome("locked2.pdf", bytes, OPTIONS.withPassword("user-secret"));
        assertTrue(p.meta().encrypted());
        assertEquals(1, p.figures().stream().filter(f -> "Figure 1".equals(f.label())).count());
    }

    @Test
    void encryptedWithAnEmptyUserPasswordOpensWithAWarning() throws Exception {
        Paper p = (Paper) outcome("empty-pw.pdf", TestPdfs.encrypted(""), OPTIONS);
        assertTrue(p.meta().encrypted());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("encrypted")), p.warnings().toString());
        assertTrue(p.sentences().stream().anyMatch(s -> s.text().equals(TestPdfs.LEFT_SENTENCE)));
    }

    @Test
    void zeroPages() throws Exception {
        PdfException e = (PdfException) outcome("empty-doc.pdf", TestPdfs.zeroPages(), OPTIONS);
        assertEquals(PdfException.Reason.NO_PAGES, e.reason());
    }

    @Test
    void notAPdfAndEmptyAndMissing() throws Exception {
        assertEquals(PdfException.Reason.NOT_A_PDF, ((PdfException) outcome("notes.pdf", "hello".getBytes(), OPTIONS)).reason());
        assertEquals(PdfException.Reason.NOT_A_PDF, ((PdfException) outcome("zero.pdf", new byte[0], OPTIONS)).reason());
        PdfException e = assertThrows(PdfException.class, () -> new PaperReader().read(dir.resolve("missing.pdf"), OPTIONS));
        assertEquals(PdfException.Reason.NOT_FOUND, e.reason());
    }

    @Test
    void hugePageRendersWithinThePixelCap() throws Exception {
        long cap = 4_000_000;
        Paper p = (Paper) outcome("huge.pdf", TestPdfs.hugePage(), OPTIONS.withMaxRenderPixels(cap));
        assertEquals(1, p.figures().size(), p.figures() + " " + p.warnings());
        BufferedImage crop = ImageIO.read(new ByteArrayInputStream(p.figures().get(0).png()));
        assertTrue((long) crop.getWidth() * crop.getHeight() <= cap * 1.01, crop.getWidth() + "x" + crop.getHeight());
        BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(p.overlays().get(0).png()));
        assertTrue((long) overlay.getWidth() * overlay.getHeight() <= cap * 1.01);
    }

    @Test
    void timeLimitGivesAClearError() throws Exception {
        Object r = outcome("slow.pdf", good, OPTIONS.withTimeLimit(Duration.ofMillis(1)));
        if (r instanceof PdfException e) {
            assertEquals(PdfException.Reason.TIME_LIMIT, e.reason());
            assertTrue(e.getMessage().contains("time limit"), e.getMessage());
        } else {
            assertTrue(((Paper) r).partial());
        }
    }
}
