package org.paper2code.emit.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paper2code.emit.EmitOptions;
import org.paper2code.graph.Graph;
import org.paper2code.graph.GraphJson;
import org.paper2code.graph.GraphSource;
import org.paper2code.graph.GraphValidator;
import org.paper2code.graph.Layer;
import org.paper2code.graph.Training;

/**
 * Hostile layer names (code in quotes, newlines, dunder calls, names of nn.Module attributes
 * and of the file's own functions) must come out as data: the file runs, the traced names
 * are exactly the graph's names, and Python's own parser finds no call or import the
 * emitter did not write.
 */
class PyTorchInjectionTest {
    static final String DATA = "x\"); import os; os.system(\"id";
    static final String CONV = "__import__('os')";
    static final String ACT = "a\nimport os\nos.system('id') \"\"\" ''' \\";
    static final String LAMBDA = "eval(\"1+1\")";
    static final String CONV2 = "training";
    static final String FLAT = "loss_fn";
    static final String DENSE = "self";
    static final String LABEL = "exec('import os')\r\n#";
    static final String LOSS = "}\u2028{\"\u00e9\ud83d\ude00";

    static Graph hostile() {
        List<Layer> layers = List.of(
                Layer.of("Input", DATA, Map.of("output_shape", List.of(3, 8, 8))),
                Layer.of("Conv2D", CONV, Map.of("filters", 4, "kernel_row", 3, "border_mode", "same"), DATA),
                Layer.of("Activation", ACT, Map.of("function", "relu"), CONV),
                Layer.of("Lambda", LAMBDA, Map.of("note", "lambda x: __import__('os').system('id')\n\"\"\""), ACT),
                Layer.of("Conv2D", CONV2, Map.of("filters", 2, "kernel_row", 1), LAMBDA),
                Layer.of("Flatten", FLAT, Map.of(), CONV2),
                Layer.of("Dense", DENSE, Map.of("units", 3), FLAT),
                Layer.of("Input", LABEL, Map.of("output_shape", List.of(1))),
                Layer.of("Loss", LOSS, Map.of("function", "softmax_cross_entropy"), DENSE, LABEL));
        return new Graph("Evil\"); os.system(\"id", new GraphSource("paper\nimport os", null, null, null, null, null, null), layers,
                new Training(Map.of("optimizer", "sgd\nimport os", "learning_rate", 0.1,
                        "lr_schedule", Map.of("policy", "x\")\nimport os\n#"))));
    }

    @BeforeAll
    static void torch() {
        TorchRunner.requireTorch();
    }

    @Test
    void hostileNamesStayData(@TempDir Path dir) throws IOException {
        Graph graph = hostile();
        new GraphValidator().check(graph);
        String code = new PyTorchEmitter(EmitOptions.defaults()).emit(graph).get(0).content();
        Files.writeString(dir.resolve("model.py"), code);

        TorchRunner.Result run = TorchRunner.run(dir, List.of("model.py", "--shapes-json"), 120);
        assertEquals(0, run.exitCode(), () -> "generated model failed:\n" + run.stderr() + "\n--- model.py ---\n" + code);
        JsonNode traced = GraphJson.MAPPER.readTree(run.stdout());
        Set<String> names = new HashSet<>();
        traced.fieldNames().forEachRemaining(names::add);
        Set<String> expected = new HashSet<>();
        graph.layers().forEach(l -> expected.add(l.name()));
        assertEquals(expected, names, "every layer traced under its exact original name");

        Files.writeString(dir.resolve("check_ast.py"), AST_CHECK);
        TorchRunner.Result ast = TorchRunner.run(dir, List.of("check_ast.py", "model.py"), 60);
        assertEquals(0, ast.exitCode(), () -> "AST check failed to run:\n" + ast.stderr());
        assertEquals("OK", ast.stdout().strip(), () -> "the generated code does things it should not:\n" + ast.stdout()
                + "\n--- model.py ---\n" + code);
        assertFalse(code.lines().anyMatch(l -> l.startsWith("import os")), "no line of the file starts with a name's code");
    }

    /** Lists every call of a dangerous builtin or module function, and every import not written by the emitter. */
    static final String AST_CHECK = """
            import ast
            import sys

            ALLOWED_IMPORTS = {"argparse", "json", "math", "sys", "torch", "torch.nn", "torch.nn.functional"}
            # plain calls of dangerous builtins, and methods that run things (model.eval() is fine)
            FORBIDDEN_CALLS = {"__import__", "eval", "exec", "compile", "getattr", "setattr", "open", "globals",
                               "locals", "vars", "breakpoint", "input"}
            FORBIDDEN_METHODS = {"system", "popen", "__import__", "exec", "spawn", "Popen", "check_output", "run_path"}
            tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
            problems = []
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    problems += [a.name for a in node.names if a.name not in ALLOWED_IMPORTS]
                elif isinstance(node, ast.ImportFrom):
                    problems.append("from " + str(node.module))
                elif isinstance(node, ast.Call):
                    f = node.func
                    if isinstance(f, ast.Name) and f.id in FORBIDDEN_CALLS or \\
                            isinstance(f, ast.Attribute) and f.attr in FORBIDDEN_METHODS:
                        problems.append("call " + ast.unparse(f) + " at line " + str(node.lineno))
                    elif not isinstance(f, (ast.Name, ast.Attribute, ast.Subscript)):
                        problems.append("unusual call " + ast.unparse(f) + " at line " + str(node.lineno))
                elif isinstance(node, ast.Name) and node.id in {"os", "subprocess", "builtins"}:
                    problems.append("name " + node.id + " at line " + str(node.lineno))
            print("\\n".join(problems) if problems else "OK")
            """;
}
