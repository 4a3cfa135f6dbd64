package org.paper2code.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates, from the layer catalogue, the JSON Schema of the graph document and the
 * layer reference page, so neither can drift from the catalogue (a test compares the
 * committed files with this output). Run: {@code CatalogueDocs SCHEMA_FILE MARKDOWN_FILE}.
 */
public final class CatalogueDocs {
    private final LayerCatalogue catalogue;

    public CatalogueDocs(LayerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public static void main(String[] args) throws IOException {
        CatalogueDocs docs = new CatalogueDocs(LayerCatalogue.standard());
        Files.writeString(Path.of(args[0]), docs.schema(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[1]), docs.markdown(), StandardCharsets.UTF_8);
    }

    public String schema() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://w3id.org/paper2code/schema/graph-1.json");
        root.put("title", "paper2code graph document (" + Graph.FORMAT + ")");
        root.put("description", "Generated from the layer catalogue by org.paper2code.graph.CatalogueDocs; do not edit.");
        root.put("type", "object");
        root.putArray("required").add("layers");
        root.put("additionalProperties", false);
        ObjectNode props = root.putObject("properties");
        props.putObject("format").put("const", Graph.FORMAT);
        props.putObject("name").put("type", "string");
        ObjectNode source = props.putObject("source");
        source.put("type", "object");
        source.put("additionalProperties", false);
        ObjectNode sp = source.putObject("properties");
        for (String k : new String[] {"paper", "figure", "table", "configuration"}) {
            sp.putObject(k).put("type", "string");
        }
        sp.putObject("page").put("type", "integer").put("minimum", 1);
        ArrayNode styles = sp.putObject("diagram_type").putArray("enum");
        for (String s : new String[] {"neurons", "2d-box", "stacked-2d-box", "3d-box", "pipeline", "other"}) {
            styles.add(s);
        }
        sp.putObject("confidence").put("type", "number").put("minimum", 0).put("maximum", 1);
        props.putObject("training").put("type", "object")
                .put("description", "training hyperparameters under canonical keys (learning_rate, batch_size, optimizer, ...)");
        ObjectNode layers = props.putObject("layers");
        layers.put("type", "array");
        layers.putObject("items").put("$ref", "#/$defs/layer");

        ObjectNode defs = root.putObject("$defs");
        ObjectNode layer = defs.putObject("layer");
        layer.put("type", "object");
        layer.putArray("required").add("layer_type").add("layer_name");
        layer.put("additionalProperties", false);
        ObjectNode lp = layer.putObject("properties");
        ArrayNode types = lp.putObject("layer_type").putArray("enum");
        catalogue.all().forEach(s -> types.add(s.type()));
        lp.putObject("layer_name").put("type", "string").put("minLength", 1);
        lp.putObject("layer_params").put("type", "object");
        lp.putObject("from_layers").put("type", "array").putObject("items").put("type", "string");
        ArrayNode allOf = layer.putArray("allOf");
        for (LayerSpec spec : catalogue.all()) {
            ObjectNode rule = allOf.addObject();
            rule.putObject("if").putObject("properties").putObject("layer_type").put("const", spec.type());
            ObjectNode then = rule.putObject("then");
            ObjectNode params = then.putObject("properties").putObject("layer_params");
            params.put("type", "object");
            params.put("additionalProperties", false);
            ArrayNode req = f.arrayNode();
            ObjectNode pprops = params.putObject("properties");
            catalogue.commonParams().values().forEach(ps -> pprops.set(ps.name(), paramSchema(ps)));
            for (ParamSpec ps : spec.params().values()) {
                pprops.set(ps.name(), paramSchema(ps));
                if (ps.required()) {
                    req.add(ps.name());
                }
            }
            if (!req.isEmpty()) {
                params.set("required", req);
                then.putArray("required").add("layer_params");
            }
            ObjectNode from = then.with("properties").putObject("from_layers");
            from.put("minItems", spec.minInputs());
            if (spec.maxInputs() >= 0) {
                from.put("maxItems", spec.maxInputs());
            }
        }
        return GraphJson.MAPPER.valueToTree(root).toPrettyString() + "\n";
    }

    private static ObjectNode paramSchema(ParamSpec ps) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        switch (ps.type()) {
            case INT -> n.put("type", "integer");
            case FLOAT -> n.put("type", "number");
            case BOOL -> n.put("type", "boolean");
            case STRING -> n.put("type", "string");
            case INT_LIST -> n.put("type", "array").putObject("items").put("type", "integer");
            case STRING_LIST -> n.put("type", "array").putObject("items").put("type", "string");
        }
        if (!ps.values().isEmpty()) {
            ArrayNode e = n.putArray("enum");
            ps.values().forEach(e::add);
        }
        if (ps.min() != null) {
            n.put("minimum", ps.min().doubleValue() == Math.rint(ps.min().doubleValue()) ? ps.min().longValue() : ps.min().doubleValue());
        }
        n.put("description", ps.description());
        return n;
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Layer reference\n\n")
                .append("Generated from `src/main/resources/org/paper2code/graph/layer-catalogue.json` by ")
                .append("`org.paper2code.graph.CatalogueDocs`; do not edit by hand (a test checks it is current).\n\n")
                .append("Shapes leave out the batch dimension and put channels first: images (C,H,W), 1D signals (C,L), ")
                .append("volumes (C,D,H,W), sequences (T,F), vectors (F); `?` (-1) is a free dimension. Axis parameters ")
                .append("count dimensions in that layout (0 = channels). A default written `=name` means \"the value of ")
                .append("parameter name\".\n\n")
                .append("Every type also accepts:\n\n");
        catalogue.commonParams().values().forEach(ps -> b.append("- `").append(ps.name()).append("` (")
                .append(ps.type().label()).append(defaultText(ps)).append("): ").append(ps.description()).append('\n'));
        b.append("\n| type | category | inputs | description |\n|---|---|---|---|\n");
        for (LayerSpec s : catalogue.all()) {
            b.append("| [").append(s.type()).append("](#").append(s.type().toLowerCase()).append(") | ").append(s.category())
                    .append(" | ").append(s.arityText()).append(" | ").append(s.description()).append(" |\n");
        }
        for (LayerSpec s : catalogue.all()) {
            b.append("\n## ").append(s.type()).append("\n\n").append(s.description()).append("\n\n")
                    .append("Inputs: ").append(s.arityText()).append(". Shape rule: ").append(s.shapeRuleText()).append(".\n\n");
            if (s.params().isEmpty()) {
                b.append("No parameters.\n");
                continue;
            }
            b.append("| parameter | type | default | description |\n|---|---|---|---|\n");
            for (ParamSpec ps : s.params().values()) {
                String def = ps.required() ? "required" : ps.defaultValue() == null ? "unset" : "`" + ps.defaultValue() + "`";
                String desc = ps.description() + (ps.values().isEmpty() ? "" : "; one of " + String.join(", ", ps.values().stream().map(v -> "`" + v + "`").toList()));
                b.append("| `").append(ps.name()).append("` | ").append(ps.type().label()).append(" | ").append(def)
                        .append(" | ").append(desc).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String defaultText(ParamSpec ps) {
        return ps.defaultValue() == null ? "" : ", default `" + ps.defaultValue() + "`";
    }
}
