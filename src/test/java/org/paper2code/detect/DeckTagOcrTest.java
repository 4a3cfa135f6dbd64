package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OCR confusions of LeNet-style deck tags and sizes (models/detect/lexicon.json), from the synthetic tune set. */
class DeckTagOcrTest {
    private final LabelGrammar grammar = new LabelGrammar();

    /** A tag's index 1 read as i or I before its second digit: S12 is a subsampling, F17 a layer of 4096 units. */
    @Test
    void tagIndexOneReadAsLetter() {
        ParsedLabel s = grammar.read("Si2: f. maps 128@28x28").orElseThrow();
        assertEquals("Pooling2D", s.type());
        assertEquals("S12", s.tag());
        ParsedLabel f = grammar.read("FI7: layer 4096").orElseThrow();
        assertEquals("Dense", f.type());
        assertEquals(4096, f.params().get("units"));
    }

    /** F read as a pound sign. */
    @Test
    void tagFReadAsPound() {
        ParsedLabel f = grammar.read("\u00a39: layer 4096").orElseThrow();
        assertEquals("Dense", f.type());
        assertEquals(4096, f.params().get("units"));
    }

    /** The @ of a square size read as Q. */
    @Test
    void atSignReadAsQ() {
        assertEquals(List.of(256, 8, 8), grammar.read("pool3 256Q8x8").orElseThrow().mapShape());
    }

    /** The x of a square kernel lost before "convolution" (AlexNet's "11x11 convolution" read "1111 convolution"). */
    @Test
    void kernelWithItsXLost() {
        assertEquals(11, grammar.read("1111 convolution").orElseThrow().params().get("kernel_row"));
        assertEquals(3, grammar.read("33 convolution").orElseThrow().params().get("kernel_row"));
        // "11" alone may be a count: it stays
        assertEquals(11, grammar.read("11 convolution").orElseThrow().params().get("filters"));
    }
}
