package org.paper2code.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.paper2code.emit.caffe.CaffeImporter;
import org.paper2code.emit.onnx.OnnxExporter;
import org.paper2code.emit.onnx.ParameterCount;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.pdf.Paper;
import org.paper2code.pdf.PaperReader;
import org.paper2code.pdf.PdfOptions;

/**
 * The architecture tables of VGG, ResNet and GoogLeNet (../shared/corpus-real, skipped when absent)
 * read into graphs and checked against the networks' names and the reference Caffe prototxt.
 */
class RealTablesTest {
    static final Path SHARED = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus-real").normalize();
    static final PdfOptions FAST = PdfOptions.defaults().withCropDpi(20);

    static Path shared(String relative) {
        assumeTrue(Files.isDirectory(SHARED), "../shared/corpus-real is absent: real-table tests skipped");
        Path p = SHARED.resolve(relative);
        assumeTrue(Files.isRegularFile(p), p + " is absent");
        return p;
    }

    static TableResult.Architecture tableOne(String pdf) throws Exception {
        Paper p = new PaperReader().read(shared("pdfs/" + pdf), FAST);
        Paper.Table t = p.tables().stream().filter(x -> "Table 1".equals(x.label())).findFirst().orElseThrow();
        return assertInstanceOf(TableResult.Architecture.class, new ArchitectureTableParser().parse(t, pdf));
    }

    /** Convolutions and dense layers, without the 1x1 projection shortcuts (papers do not count those). */
    static long weightLayers(Graph g) {
        return g.layers().stream().filter(l -> l.type().equals("Dense") || l.type().equals("Conv2D") && !l.name().startsWith("proj")).count();
    }

    static long count(Graph g, String type) {
        return g.layers().stream().filter(l -> l.type().equals(type)).count();
    }

    @Test
    void vggTableOneGivesSixConfigurations() throws Exception {
        TableResult.Architecture a = tableOne("vgg_simonyan2014_arxiv1409.1556.pdf");
        assertEquals(List.of("A", "A-LRN", "B", "C", "D", "E"), a.configurations().stream().map(ConfigGraph::configuration).toList());
        assertEquals(List.of(11L, 11L, 13L, 16L, 16L, 19L), a.configurations().stream().map(c -> weightLayers(c.graph())).toList());
        Graph d = a.configurations().get(4).graph();
        assertEquals("Table 1", d.source().table());
        assertEquals("D", d.source().configuration());
        assertEquals(List.of(3, 224, 224), d.layers().get(0).param("output_shape"));
        assertEquals(1, count(a.configurations().get(1).graph(), "LRN"));
        assertEquals(List.of(1000), new GraphValidator().check(d).get(d.outputs().get(0).name()).dims());
        // C has the three 1x1 convolutions; D has 3x3 in their place
        Graph c = a.configurations().get(3).graph();
        assertEquals(3, c.layers().stream().filter(l -> l.type().equals("Conv2D") && Integer.valueOf(1).equals(l.param("kernel_row"))).count());
    }

    @Test
    void resnetTableOneGivesFiveDepthsWithTheReferenceParameterCounts() throws Exception {
        TableResult.Architecture a = tableOne("resnet_he2015_arxiv1512.03385.pdf");
        assertEquals(List.of("18-layer", "34-layer", "50-layer", "101-layer", "152-layer"),
                a.configurations().stream().map(ConfigGraph::configuration).toList());
        for (ConfigGraph c : a.configurations()) {
            long depth = Long.parseLong(c.configuration().replaceAll("\\D", ""));
            assertEquals(depth, weightLayers(c.graph()), c.configuration() + " counts its conv and fc layers");
        }
        Map<String, String> prototxt = Map.of("50-layer", "resnet50_deploy.prototxt", "101-layer", "resnet101_deploy.prototxt",
                "152-layer", "resnet152_deploy.prototxt");
        for (ConfigGraph c : a.configurations()) {
            String file = prototxt.get(c.configuration());
            if (file == null) {
                continue;
            }
            Graph reference = new CaffeImporter().read(Files.readString(shared("prototxt/" + file)), file);
            assertEquals(types(reference), types(c.graph()), c.configuration() + " has the reference's layers");
            ParameterCount ours = new OnnxExporter().export(c.graph()).parameters();
            ParameterCount theirs = new OnnxExporter().export(reference).parameters();
            // the reference's conv1 alone keeps a bias (64 values) although batch norm follows it
            assertEquals(theirs.learned(), ours.learned(), 64, c.configuration() + " learned parameters");
            assertEquals(theirs.statistics(), ours.statistics(), c.configuration() + " batch-norm statistics");
        }
    }

    /** Layer types and how often, without Flatten (the prototxt's InnerProduct flattens implicitly) and pooling kinds. */
    private static Map<String, Long> types(Graph g) {
        Map<String, Long> m = new TreeMap<>();
        for (Layer l : g.layers()) {
            String t = l.type().equals("GlobalPooling2D") ? "Pooling2D" : l.type();
            if (!t.equals("Flatten")) {
                m.merge(t, 1L, Long::sum);
            }
        }
        return m;
    }

    @Test
    void googlenetTableOneGivesTheInceptionModulesOfTheReference() throws Exception {
        TableResult.Architecture a = tableOne("googlenet_szegedy2014_going_deeper.pdf");
        assertEquals(1, a.configurations().size());
        Graph g = a.configurations().get(0).graph();
        assertEquals(9, count(g, "Concat"));
        Graph reference = new CaffeImporter().read(Files.readString(shared("prototxt/bvlc_googlenet_deploy.prototxt")), "googlenet");
        int compared = 0;
        for (Layer l : reference.layers()) {
            if (l.type().equals("Conv2D") && l.name().startsWith("inception_")) {
                String ours = l.name().replace('/', '_');
                Layer mine = g.layer(ours).orElseThrow(() -> new AssertionError("no " + ours + " in the table's graph"));
                assertEquals(l.param("filters"), mine.param("filters"), ours);
                assertEquals(l.param("kernel_row"), mine.param("kernel_row"), ours);
                compared++;
            }
        }
        assertEquals(54, compared);
        assertEquals(List.of(1000), new GraphValidator().check(g).get(g.outputs().get(0).name()).dims());
        assertEquals(List.of(3, 224, 224), g.layers().get(0).param("output_shape"));
    }

    @Test
    void resultsTablesAreNotArchitectures() throws Exception {
        Paper p = new PaperReader().read(shared("pdfs/vgg_simonyan2014_arxiv1409.1556.pdf"), FAST);
        for (Paper.Table t : p.tables()) {
            if (!"Table 1".equals(t.label())) {
                assertInstanceOf(TableResult.NotArchitecture.class, new ArchitectureTableParser().parse(t), t.label());
            }
        }
    }
}
