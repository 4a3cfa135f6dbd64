package org.paper2code.synth;

import java.util.List;
import java.util.Random;
import org.paper2code.graph.Graph;

/**
 * Coarse graphs whose nodes are whole stages of a system (the {@code pipeline} style). A stage
 * that is a sub-network of its own ("Backbone (ResNet-50)", "RPN") is a {@code Lambda} whose
 * {@code note} is the stage's title and whose {@code output_shape} is the stage's output; stages
 * that are single catalogue layers (RoI pooling, fusion by concatenation, a classifier) use
 * their own type. The graph validates like any other.
 */
final class PipelineGraphs {
    private PipelineGraphs() {
    }

    static Graph generate(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> detection(r);
            case 1 -> twoStream(r);
            case 2 -> captioning(r);
            case 3 -> segmentation(r);
            case 4 -> speech(r);
            case 5 -> transfer(r);
            default -> siamese(r);
        };
    }

    private static String stage(GraphBuilder b, String prefix, String note, List<Integer> shape, String... from) {
        return b.add("Lambda", prefix, GraphBuilder.params("note", note, "output_shape", shape), from);
    }

    static Graph detection(Random r) {
        GraphBuilder b = new GraphBuilder();
        int h = Pick.oneInt(r, 600, 800, 512);
        String img = b.input(3, h, h);
        String backbone = Pick.one(r, "ResNet-50", "ResNet-101", "VGG-16", "ZF");
        String feat = stage(b, "backbone", "Backbone (" + backbone + ")", List.of(backbone.startsWith("ResNet") ? 1024 : 512, h / 16, h / 16), img);
        String rpn = stage(b, "rpn", Pick.one(r, "RPN", "Region Proposal Network"), List.of(Pick.oneInt(r, 300, 2000), 5), feat);
        int pooled = Pick.oneInt(r, 7, 14);
        b.add("RoIPooling", "roi_pool", GraphBuilder.params("pooled_row", pooled, "spatial_scale", 0.0625), feat, rpn);
        stage(b, "heads", Pick.one(r, "Heads (cls + bbox)", "Detection heads", "Classifier + box regressor"), List.of(Pick.oneInt(r, 21, 81) * 5));
        return b.build("detection-pipeline");
    }

    static Graph twoStream(Random r) {
        GraphBuilder b = new GraphBuilder();
        String rgb = b.input(3, 224, 224);
        String flow = b.input(20, 224, 224);
        int f = Pick.oneInt(r, 512, 1024, 2048);
        String s = stage(b, "spatial", "Spatial stream ConvNet", List.of(f), rgb);
        String t = stage(b, "temporal", "Temporal stream ConvNet", List.of(f), flow);
        b.add("Concat", "fusion", GraphBuilder.params(), s, t);
        b.dense(Pick.oneInt(r, 101, 51, 400), "linear");
        b.add("Softmax", "softmax", GraphBuilder.params());
        return b.build("two-stream-pipeline");
    }

    static Graph captioning(Random r) {
        GraphBuilder b = new GraphBuilder();
        b.input(3, 299, 299);
        String enc = Pick.one(r, "Inception-v3", "ResNet-152", "VGG-16");
        stage(b, "encoder", "CNN encoder (" + enc + ")", List.of(2048));
        b.dense(Pick.oneInt(r, 256, 512), "linear");
        int vocab = Pick.oneInt(r, 10000, 9487, 12000);
        stage(b, "decoder", Pick.one(r, "LSTM decoder", "RNN language model"), List.of(20, vocab));
        b.add("Softmax", "words", GraphBuilder.params());
        return b.build("captioning-pipeline");
    }

    static Graph segmentation(Random r) {
        GraphBuilder b = new GraphBuilder();
        int h = Pick.oneInt(r, 512, 513, 768);
        b.input(3, h, h);
        int classes = Pick.oneInt(r, 21, 19, 150);
        stage(b, "encoder", "Encoder (" + Pick.one(r, "ResNet-101", "Xception", "MobileNetV2") + ")", List.of(2048, h / 16, h / 16));
        stage(b, "aspp", Pick.one(r, "ASPP", "Atrous Spatial Pyramid Pooling", "Pyramid pooling module"), List.of(256, h / 16, h / 16));
        stage(b, "decoder", "Decoder", List.of(classes, h / 4, h / 4));
        b.add("Upsampling2D", "upsample", GraphBuilder.params("size_row", 4, "interpolation", "bilinear"));
        b.add("Softmax", "softmax", GraphBuilder.params("axis", 0));
        return b.build("segmentation-pipeline");
    }

    static Graph speech(Random r) {
        GraphBuilder b = new GraphBuilder();
        b.input(Pick.oneInt(r, 16000, 32000));
        int frames = Pick.oneInt(r, 100, 200);
        int feats = Pick.oneInt(r, 40, 80, 161);
        stage(b, "features", Pick.one(r, "Spectrogram", "MFCC features", "Log-mel filterbank"), List.of(frames, feats));
        b.add("Bidirectional", "bilstm", GraphBuilder.params("units", Pick.oneInt(r, 256, 512), "return_sequences", true));
        b.dense(Pick.oneInt(r, 29, 30), "softmax");
        stage(b, "ctc", "CTC decoding", List.of(frames));
        return b.build("speech-pipeline");
    }

    static Graph transfer(Random r) {
        GraphBuilder b = new GraphBuilder();
        b.input(3, 224, 224);
        stage(b, "features", "Pretrained " + Pick.one(r, "VGG-16", "ResNet-50", "AlexNet") + Pick.one(r, " (frozen)", ""), List.of(512, 7, 7));
        b.add("GlobalPooling2D", "gap", GraphBuilder.params());
        b.dense(Pick.oneInt(r, 256, 512, 1024), "relu");
        b.add("Dropout", "drop", GraphBuilder.params("rate", 0.5));
        b.dense(Pick.oneInt(r, 2, 10, 37, 102), "softmax");
        return b.build("transfer-pipeline");
    }

    static Graph siamese(Random r) {
        GraphBuilder b = new GraphBuilder();
        int size = Pick.oneInt(r, 105, 128, 224);
        String a = b.input(1, size, size);
        String c = b.input(1, size, size);
        int d = Pick.oneInt(r, 128, 256, 4096);
        String ea = stage(b, "embed", "Embedding network", List.of(d), a);
        String ec = stage(b, "embed", "Embedding network (shared)", List.of(d), c);
        b.add("Concat", "merge", GraphBuilder.params(), ea, ec);
        b.dense(1, "sigmoid");
        return b.build("siamese-pipeline");
    }
}
