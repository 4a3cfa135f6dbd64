package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Box labels OCR garbled on small text (the strings are Tesseract's readings of 5-7 px labels on synthetic tune figures
 * fig00015, fig00046, fig00126, fig00127): class words put back, Keras name cells read.
 */
class GarbledWordsTest {
    private final BoxFlowParser layers = new BoxFlowParser();

    private static String type(Optional<ParsedLabel> l) {
        return l.map(ParsedLabel::type).orElse("-");
    }

    /** A Caffe "name (Type)" title whose class word OCR misread by a few letters, or split, still names its type. */
    @Test
    void garbledClassWordsNameTheirType() {
        assertEquals("Conv2D", type(layers.label("canvi3 {Canvotutean}\narreed S20: 2\nrida 2\npad: 0")));
        assertEquals("Conv2D", type(layers.label("canv9 (Canvolutan)\nkeorrvet S2y. 3\nnde: 3\npad 2")));
        assertEquals("BatchNorm", type(layers.label("dnl Batchiterm)")));
        assertEquals("BatchNorm", type(layers.label("on 10 (Bat nNor m}")));
        assertEquals("BatchNorm", type(layers.label("bné B atchNorm)")));
        assertEquals("Dense", type(layers.label("Oense( 256)")));
    }

    /**
     * A Keras plot_model table gives no stride, but its shapes do: 224 to 112 is stride 2; a pooling layer that keeps its
     * size has stride 1 (not its window). Before, both were left at their defaults (1, and the window 2).
     */
    @Test
    void kerasStridesComeFromTheShapes() {
        Optional<ParsedLabel> conv = layers.kerasLabel("conv2d_1: Conv2D\ninput:\noutput:\n(None, 224, 224, 3)\n(None, 112, 112, 64)");
        assertEquals(2, conv.orElseThrow().params().get("stride_row"));
        assertEquals(64, conv.orElseThrow().params().get("filters"));
        Optional<ParsedLabel> pool = layers.kerasLabel("max_pooling2d_2: MaxPooling2D\ninput:\noutput:\n(None, 56, 56, 64)\n(None, 56, 56, 64)");
        assertEquals(1, pool.orElseThrow().params().get("stride_row"));
    }

    /**
     * A Keras plot_model input of a vector, "(None, 784)", has that one-number shape: it was left at the default image
     * shape, for which the assembler put a Flatten between the input and the first Dense.
     */
    @Test
    void kerasVectorInputKeepsItsShape() {
        ParsedLabel in = layers.kerasLabel("input_1: InputLayer\ninput:\noutput:\n(None, 784)\n(None, 784)").orElseThrow();
        assertEquals(java.util.List.of(784), in.params().get("output_shape"));
        assertTrue(!in.inferredKeys().contains("output_shape"), in.toString());
        ParsedLabel image = layers.kerasLabel("input_1: InputLayer\ninput:\noutput:\n(None, 32, 32, 3)\n(None, 32, 32, 3)").orElseThrow();
        assertEquals(java.util.List.of(3, 32, 32), image.params().get("output_shape"));
    }

    /** A reshape box ("reshape 512x7x7", Caffe's "Reshape(1024x7x7)") is a Reshape layer (it was read as nothing). */
    @Test
    void reshapeBoxesAreRead() {
        assertEquals("Reshape", type(layers.label("reshape 512x7x7\n512 x 7x 7")));
        assertEquals(List.of(1024, 7, 7), layers.label("Reshape(1024x7x7)").orElseThrow().params().get("output_shape"));
    }

    /** A vector PDF's own words are exact: a word near a class word there is left alone (no guessed Conv2D). */
    @Test
    void drawnWordsAreNotRestored() {
        BoxFlowParser drawn = new BoxFlowParser(FigureText.drawn(List.of()), null);
        assertEquals("-", type(drawn.label("canvi3 {Canvotutean}")));
        assertEquals("Conv2D", type(layers.label("canvi3 {Canvotutean}")));
    }

    /** Small-text OCR confusions the lexicon rewrites: "fc" read as "fe" before its width, "m" as "rn" (fig00094, fig00190). */
    @Test
    void fcReadAsFe() {
        Optional<ParsedLabel> l = layers.label("fe 100. softrnax");
        assertEquals("Dense", type(l));
        assertEquals(100, l.get().params().get("units"));
        assertEquals("softmax", l.get().params().get("activation"));
        assertEquals("Dense", type(layers.label("fe 120")));
        assertEquals("Conv2D", type(layers.kerasLabel("cow2d_4: Ceav2D\ntapes:\noutput:\n(Nees, 33, 12, 33)\n(Nees, FB, W2. 64)")));
    }

    /** Words near no class word, and short ones, stay as they are: nothing is invented for them. */
    @Test
    void otherWordsStay() {
        GarbledWords g = GarbledWords.standard();
        for (String s : List.of("input image", "Prediction", "Attention", "Softmax", "ReLU", "fc7 4096", "Region proposal")) {
            assertEquals(s, g.restore(s));
        }
        assertEquals("-", type(layers.label("Region proposal")));
    }

    /** A Keras plot_model node whose name OCR split in two ("batch_noma lization_9") is read (it was read as nothing). */
    @Test
    void kerasNameSplitByOcr() {
        Optional<ParsedLabel> l = layers.kerasLabel("batch_noma lization_9: Batc hNormalization\npw:\nouput:\n(None, 32, 32,64)\n{Nane, 32, 32,64)");
        assertEquals("BatchNorm", type(l));
        assertEquals("BatchNorm", type(layers.kerasLabel("batch_nomalization_11: BatchNommal ization\nmput:\nORDIR:\n{None. 16,16, 128)\n{None, 16,16, 128)")));
    }

    /** A Keras class the lexicon does not know is one opaque layer (it was read as an Input off the "input:" cell). */
    @Test
    void unknownKerasClassIsOpaque() {
        Optional<ParsedLabel> l = layers.kerasLabel("lambda_1: Lambda\ninput:\noutput:\n(None, 55, 55, 96)\n(None, 55, 55, 96)");
        assertEquals("Lambda", type(l));
        assertEquals("Lambda", l.get().params().get("note"));
        assertEquals("Conv2D", type(layers.kerasLabel("conv2d_4: Cnvo2D\ninput:\noutput:\n(None, 13, 13, 384)\n(None, 13, 13, 256)")),
                "a garbled class is read from the name Keras derives from it");
        assertEquals("LRN", type(layers.kerasLabel("lrn_1: LRN\ninput:\noutput:\n(None, 55, 55, 96)\n(None, 55, 55, 96)")));
    }
}
