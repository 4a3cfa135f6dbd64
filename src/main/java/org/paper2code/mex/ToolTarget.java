package org.paper2code.mex;

import java.util.List;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * A framework paper2code writes code for, as a MEX tool (declared in paper2code-vocab.ttl)
 * with the {@code convert --to} target that produces it.
 */
public record ToolTarget(String key, String target, String language, String frameworkApi) {

    public static final List<ToolTarget> ALL = List.of(
            new ToolTarget("keras", "keras", "Python", "Keras functional API (keras.Input, keras.layers, keras.Model)"),
            new ToolTarget("caffe", "caffe", "Protocol Buffers text format (prototxt)", "caffe.NetParameter"),
            new ToolTarget("pytorch", "pytorch", "Python", "torch.nn.Module"));

    public Resource tool() {
        return ResourceFactory.createResource(Vocab.P2C + key);
    }
}
