package org.paper2code.emit.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paper2code.graph.Graph;
import org.paper2code.graph.Shape;
import org.paper2code.graph.ShapeInference;

/**
 * Output sizes Caffe is documented to produce for the reference models, from our shape
 * inference on the imported graphs. Graph layers carry the Caffe layer names; an in-place
 * ReLU/BatchNorm/Scale after a layer does not rename it (e.g. "conv1" is the convolution's own
 * output, "res2c" the Eltwise sum before "res2c_relu"). A Dense on feature maps reads an
 * inserted "&lt;layer&gt;_flatten".
 */
class CaffeShapesTest {

    private static Map<String, Shape> shapes(String file) throws Exception {
        Graph g = CaffeCorpus.read(CaffeCorpus.file(file));
        return new ShapeInference().infer(g);
    }

    private static void expect(Map<String, Shape> shapes, String layer, int... dims) {
        assertEquals(Shape.of(dims), shapes.get(layer), layer);
    }

    @Test
    void alexNet() throws Exception {
        Map<String, Shape> s = shapes("bvlc_alexnet_deploy.prototxt");
        expect(s, "data", 3, 227, 227);
        expect(s, "conv1", 96, 55, 55);
        expect(s, "pool1", 96, 27, 27);
        expect(s, "conv2", 256, 27, 27);
        expect(s, "pool2", 256, 13, 13);
        expect(s, "conv3", 384, 13, 13);
        expect(s, "conv5", 256, 13, 13);
        expect(s, "pool5", 256, 6, 6);
        expect(s, "fc6_flatten", 9216);
        expect(s, "fc6", 4096);
        expect(s, "fc8", 1000);
    }

    @Test
    void googLeNet() throws Exception {
        Map<String, Shape> s = shapes("bvlc_googlenet_deploy.prototxt");
        expect(s, "conv1/7x7_s2", 64, 112, 112);
        expect(s, "pool1/3x3_s2", 64, 56, 56);
        expect(s, "inception_3a/output", 256, 28, 28);
        expect(s, "inception_4a/output", 512, 14, 14);
        expect(s, "inception_5b/output", 1024, 7, 7);
        expect(s, "pool5/7x7_s1", 1024, 1, 1);
        expect(s, "loss3/classifier", 1000);
    }

    @Test
    void googLeNetTrainValHasTheAuxiliaryClassifiers() throws Exception {
        Map<String, Shape> s = shapes("bvlc_googlenet_train_val.prototxt");
        expect(s, "data", 3, 224, 224); // from transform_param.crop_size
        expect(s, "loss1/ave_pool", 512, 4, 4);
        expect(s, "loss1/classifier", 1000);
        expect(s, "loss3/classifier", 1000);
    }

    @Test
    void vgg16() throws Exception {
        Map<String, Shape> s = shapes("vgg16_deploy.prototxt");
        expect(s, "conv1_2", 64, 224, 224);
        expect(s, "pool5", 512, 7, 7);
        expect(s, "fc8", 1000);
    }

    @Test
    void resNet50() throws Exception {
        Map<String, Shape> s = shapes("resnet50_deploy.prototxt");
        expect(s, "conv1", 64, 112, 112);
        expect(s, "pool1", 64, 56, 56);
        expect(s, "res2c", 256, 56, 56);
        expect(s, "res3d", 512, 28, 28);
        expect(s, "res4f", 1024, 14, 14);
        expect(s, "res5c", 2048, 7, 7);
        expect(s, "pool5", 2048, 1, 1);
        expect(s, "fc1000", 1000);
    }

    @Test
    void leNetAndCifarDataLayersGetTheirDatasetShapes() throws Exception {
        expect(shapes("mnist_lenet_train_test.prototxt"), "data", 1, 28, 28);
        Map<String, Shape> cifar = shapes("cifar10_full_sigmoid_train_test_bn.prototxt");
        expect(cifar, "data", 3, 32, 32);
        expect(cifar, "label");
        expect(cifar, "pool3", 64, 4, 4);
        expect(cifar, "ip1", 10);
    }
}
