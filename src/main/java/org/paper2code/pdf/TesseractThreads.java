package org.paper2code.pdf;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Debian's libtesseract is built with OpenMP: every OCR call starts a team of threads (one per core) whose
 * workers spin while they wait. On a figure that costs about three times the CPU of a single-threaded call
 * (tesseract CLI on a real figure: 1.0 CPU-s against 0.3 with OMP_THREAD_LIMIT=1) and gains nothing when the
 * caller already runs one OCR per core, as the batch pipeline does. libgomp reads OMP_THREAD_LIMIT once, when
 * it is loaded (with libtesseract), so this must run before the first Tesseract handle is made; a value the
 * user set is kept.
 */
public final class TesseractThreads {
    private static volatile boolean done;

    private TesseractThreads() {
    }

    /** The C library's environment (System.getenv is a copy libgomp never sees). */
    private interface CLib extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Sets OMP_THREAD_LIMIT=1 for this process unless already set; harmless when called again or too late. */
    public static synchronized void limitToOne() {
        if (done) {
            return;
        }
        done = true;
        try {
            Native.load("c", CLib.class).setenv("OMP_THREAD_LIMIT", "1", 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // no C library to call (not Linux?): Tesseract then uses its default threads, slower but correct
        }
    }
}
