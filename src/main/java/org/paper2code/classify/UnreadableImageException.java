package org.paper2code.classify;

import java.io.IOException;

/** A figure file that is empty, truncated or not an image OpenCV or ImageIO can decode. */
public final class UnreadableImageException extends IOException {
    public UnreadableImageException(String message) {
        super(message);
    }
}
