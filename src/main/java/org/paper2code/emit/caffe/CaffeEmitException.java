package org.paper2code.emit.caffe;

/** A graph (or a layer of it) that Caffe cannot express; the message names the layer and says why. */
public final class CaffeEmitException extends IllegalArgumentException {
    public CaffeEmitException(String message) {
        super(message);
    }
}
