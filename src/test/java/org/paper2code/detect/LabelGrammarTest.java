package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LabelGrammarTest {

    /** label | type | expected params as k=v;k=v (only the listed keys are checked) */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            conv 3x3, 64                 | Conv2D    | filters=64;kernel_row=3
            3x3 conv, 128, /2            | Conv2D    | filters=128;kernel_row=3;stride_row=2
            Conv2D 5×5                   | Conv2D    | kernel_row=5
            conv 3 x 3, 256              | Conv2D    | filters=256;kernel_row=3
            CONV 3X3, 512                | Conv2D    | filters=512;kernel_row=3
            conv 3xl, 64                 | Conv2D    | filters=64;kernel_row=3;kernel_col=1
            conv 1l x 11, 96, stride 4   | Conv2D    | filters=96;kernel_row=11;stride_row=4
            conv 3x3, 6O                 | Conv2D    | filters=60;kernel_row=3
            Convolution 3 × 3 (16)       | Conv2D    | filters=16;kernel_row=3
            Convolution 3 × 3 (32), stride 2 | Conv2D | filters=32;kernel_row=3;stride_row=2
            conv3-64                     | Conv2D    | filters=64;kernel_row=3
            CONV3-128/2                  | Conv2D    | filters=128;kernel_row=3;stride_row=2
            Conv2D(64, (3,3), strides=2) | Conv2D    | filters=64;kernel_row=3;stride_row=2
            Conv2D(32, (5,5))            | Conv2D    | filters=32;kernel_row=5
            11x11 conv, 96, /4           | Conv2D    | filters=96;kernel_row=11;stride_row=4
            8x8 Conv                     | Conv2D    | kernel_row=8
            C1: feature maps 6@28x28     | Conv2D    | filters=6
            C3: f. maps 16@10x10         | Conv2D    | filters=16
            S2: f. maps 6@14x14          | Pooling2D | function=MAX
            convolution+ReLU             | Conv2D    | activation=relu
            max pool /2                  | Pooling2D | function=MAX;kernel_row=2
            max pool 3x3, /2             | Pooling2D | function=MAX;kernel_row=3;stride_row=2
            avg pool                     | Pooling2D | function=AVG
            MaxPooling2D((2,2))          | Pooling2D | function=MAX;kernel_row=2
            AVGPOOL 3x3/1                | Pooling2D | function=AVG;kernel_row=3;stride_row=1
            Subsampling                  | Pooling2D | function=MAX
            maxpool                      | Pooling2D | kernel_row=2
            global avg pool              | GlobalPooling2D | function=AVG
            Global aresge pooling        | GlobalPooling2D | function=AVG
            Global max pooling           | GlobalPooling2D | function=MAX
            Global average pooling       | GlobalPooling2D | function=AVG
            fc 4096                      | Dense     | units=4096
            FC-1000                      | Dense     | units=1000
            FC-4,096                     | Dense     | units=4096
            fc 1000, softmax             | Dense     | units=1000;activation=softmax
            Fully connected (10), softmax | Dense    | units=10;activation=softmax
            Dense(10, 'softmax')         | Dense     | units=10;activation=softmax
            F5: layer 120                | Dense     | units=120
            F6: layer 84                 | Dense     | units=84
            fc6 4096                     | Dense     | units=4096
            1000 SOFT                    | Dense     | units=1000;activation=softmax
            softmax                      | Softmax   |
            SOFTMAX                      | Softmax   |
            ReLU                         | Activation | function=relu
            tanh                         | Activation | function=tanh
            LeakyReLU                    | Activation | function=leaky_relu
            BN                           | BatchNorm |
            Batch normalization          | BatchNorm |
            BatchNormalization()         | BatchNorm |
            dropout 0.5                  | Dropout   | rate=0.5
            Dropout (p = 0.3)            | Dropout   | rate=0.3
            DROPOUT 0.25                 | Dropout   | rate=0.25
            LSTM 256                     | LSTM      | units=256
            LSTM (128 units)             | LSTM      | units=128
            GRU-64                       | GRU       | units=64
            BiLSTM 100                   | Bidirectional | units=100;layer=LSTM
            concat                       | Concat    |
            Filter concatenation         | Concat    |
            +                            | Add       |
            Addition                     | Add       |
            input                        | Input     |
            input 224x224x3              | Input     | output_shape=[3, 224, 224]
            Input image 64 × 64 × 3      | Input     | output_shape=[3, 64, 64]
            INPUT 32x32                  | Input     | output_shape=[1, 32, 32]
            Input((28, 28, 1))           | Input     | output_shape=[1, 28, 28]
            input1 (Input)               | Input     | output_shape=[3, -1, -1]
            input 784                    | Input     | output_shape=[784]
            output                       | Output    |
            flatten                      | Flatten   |
            LRN                          | LRN       |
            pool1                        | Pooling2D | kernel_row=2
            pooll                        | Pooling2D |
            convl                        | Conv2D    |
            fel                          | Dense     |
            fe 512                       | Dense     | units=512
            fe $12                       | Dense     | units=512
            local response norm          | LRN       |
            upsample x2                  | Upsampling2D | size_row=2
            deconv 4x4, 64, /2           | Deconv2D  | filters=64;kernel_row=4;stride_row=2
            RoI pooling 7x7              | RoIPooling | pooled_row=7
            embedding 300                | Embedding | output_dim=300
            3x3, 64                      | Conv2D    | filters=64;kernel_row=3
            1x1, 256                     | Conv2D    | filters=256;kernel_row=1
            256, 1x1, 4                  | Conv2D    | filters=4;kernel_row=1
            """)
    void parsesPhrasings(String label, String type, String expected) {
        ParsedLabel p = LabelGrammar.parse(label).orElseThrow(() -> new AssertionError("no parse: " + label));
        assertEquals(type, p.type(), label);
        if (expected != null) {
            for (String kv : expected.split(";")) {
                String[] parts = kv.split("=", 2);
                Object actual = p.params().get(parts[0]);
                assertEquals(parts[1], String.valueOf(actual), label + " " + parts[0] + " in " + p.params());
            }
        }
    }

    @Test
    void marksInferredValues() {
        ParsedLabel c = LabelGrammar.parse("C1: feature maps 6@28x28").orElseThrow();
        assertEquals("C1", c.tag());
        assertEquals(List.of(6, 28, 28), c.mapShape());
        assertEquals(List.of("kernel_row"), c.inferredKeys());
        assertTrue(c.confidence() < 1.0);

        ParsedLabel full = LabelGrammar.parse("conv 3x3, 64").orElseThrow();
        assertEquals(List.of(), full.inferredKeys());
        assertEquals(1.0, full.confidence());

        ParsedLabel pool = LabelGrammar.parse("max pool /2").orElseThrow();
        assertEquals(List.of("kernel_row"), pool.inferredKeys());
        assertFalse(pool.params().containsKey("stride_row"), "stride = kernel is the catalogue default");
    }

    /** A VGG-style name numbers the convolutions of a block ("conv3_1"): its sub-index is no count, so none is stated. */
    @Test
    void aBlockSubIndexInALayerNameIsNotACount() {
        for (String name : List.of("conv2_1", "conv3_2", "conv5_3", "convl 1")) {
            ParsedLabel p = LabelGrammar.parse(name).orElseThrow();
            assertTrue(p.inferredKeys().contains("filters"), name + " states no filters: " + p.params());
        }
        assertTrue(LabelGrammar.parse("pool5_1").orElseThrow().inferredKeys().contains("kernel_row"), "no 1x1 pooling");
        assertEquals(256, LabelGrammar.parse("conv3_1 256").orElseThrow().params().get("filters"), "the count after the name");
        assertEquals(96, LabelGrammar.parse("conv1 96").orElseThrow().params().get("filters"));
    }

    /**
     * The block index OCR read as a letter ("conva_2", "convd_1" for conv4_2, conv4_1) or as l ("convl_1", mended
     * before '_' becomes a space) still names the layer. Before: 2 and 1 filters.
     */
    @Test
    void aGarbledBlockIndexIsNotACount() {
        for (String name : List.of("conva_2", "convd_1", "convl_1", "pooll_2")) {
            ParsedLabel p = LabelGrammar.parse(name).orElseThrow();
            assertTrue(p.inferredKeys().contains(p.type().equals("Conv2D") ? "filters" : "kernel_row"), name + " states nothing: " + p.params());
        }
        assertEquals(2, LabelGrammar.parse("fc 2").orElseThrow().params().get("units"), "a short dense width stays a width");
    }

    /** LeNet's subsampling tag S4 read "SA:" (seed 41 fig00032) is still a subsampling. Before: untyped, then a convolution. */
    @Test
    void aTagIndexFourReadAsA() {
        ParsedLabel p = LabelGrammar.parse("SA: f. maps 22@6x6").orElseThrow();
        assertEquals("Pooling2D", p.type());
        assertEquals("S4", p.tag());
    }

    /** A digit run too long for any count (OCR joined a deck size into one number) leaves the value unread, not 2^31-1. */
    @Test
    void aDigitRunTooLongForACountIsUnread() {
        for (String label : List.of("conv2 256756056999999", "fc 40964096409640964096", "conv 3x3, 99999999999")) {
            ParsedLabel p = LabelGrammar.parse(label).orElseThrow();
            assertTrue(p.params().values().stream().noneMatch(v -> v.equals(Integer.MAX_VALUE)
                    || v instanceof List<?> l && l.contains(Integer.MAX_VALUE)), label + ": " + p.params());
            assertTrue(!p.mapShape().contains(Integer.MAX_VALUE), label + ": " + p.mapShape());
        }
        assertEquals(3, LabelGrammar.parse("conv 3x3, 99999999999").orElseThrow().params().get("kernel_row"), "the rest is read");
    }

    @Test
    void rejectsTextWithoutLayerWords() {
        assertTrue(LabelGrammar.parse("Figure 3: our method").isEmpty());
        assertTrue(LabelGrammar.parse("   ").isEmpty());
        assertTrue(LabelGrammar.parse(null).isEmpty());
        assertTrue(LabelGrammar.parse("224").isEmpty());
    }

    @Test
    void readsNumbersWithOcrConfusions() {
        LabelGrammar g = new LabelGrammar();
        assertEquals(List.of(224, 224, 3), g.numbers("224 x 224 x 3"));
        assertEquals(List.of(55), g.numbers("5S".replace("S", "5")));
        assertEquals(List.of(13, 10), g.numbers("l3 1O"));
        assertEquals(Map.of("function", "relu"), LabelGrammar.parse("ReLU").orElseThrow().params());
    }

    /** ZFNet/AlexNet write local response normalisation as "contrast norm." (often split by the arrow over two lines). */
    @Test
    void contrastNormIsLocalResponseNormalisation() {
        assertEquals("LRN", LabelGrammar.parse("contrast norm.").orElseThrow().type());
        assertEquals("LRN", LabelGrammar.parse("C contrast").orElseThrow().type());
        assertEquals("LRN", LabelGrammar.parse("norm.").orElseThrow().type());
        assertFalse(LabelGrammar.parse("contrastive loss").isPresent());
    }

    /** OCR slips of small 2d-box labels: a box corner read as a quote before the word, "poo!" for pool, "SxS" for 5x5. */
    @Test
    void smallBoxLabelOcrSlips() {
        assertEquals("Add", LabelGrammar.parse("\u201cAdd()").orElseThrow().type());
        assertEquals("Dense", LabelGrammar.parse(". Dense(256)").orElseThrow().type());
        assertEquals("relu", LabelGrammar.parse("relul0 {ReELU)").orElseThrow().params().get("function"));
        // a Caffe global pooling box named by its index ("gap1", OCR "gapl") under a garbled "global pooling: AVG" line
        assertEquals("GlobalPooling2D", LabelGrammar.parse("gapl {Pooling} gona pooling: AVG").orElseThrow().type());
        ParsedLabel pool = LabelGrammar.parse("max poo! 2x2").orElseThrow();
        assertEquals("Pooling2D", pool.type());
        assertEquals(2, pool.params().get("kernel_row"));
        ParsedLabel conv = LabelGrammar.parse("conv SxS, 40").orElseThrow();
        assertEquals(5, conv.params().get("kernel_row"));
        assertEquals(40, conv.params().get("filters"));
    }
}
