package org.paper2code.classify;

import org.opencv.core.Core;

/** Loads OpenCV's native library (shipped inside org.openpnp:opencv) once per process. */
public final class OpenCvNative {
    private static boolean loaded;

    private OpenCvNative() {
    }

    public static synchronized void load() {
        if (!loaded) {
            // loadShared() is unsupported on Java >= 12; loadLocally() extracts the .so to a temp dir
            nu.pattern.OpenCV.loadLocally();
            // the classifier is meant to use one core per figure; the batch pipeline parallelises over figures
            Core.setNumThreads(1);
            loaded = true;
        }
    }
}
