package org.paper2code.emit.pytorch;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.paper2code.emit.PythonText;

/**
 * Python identifiers for layer names: {@link PythonText#identifier} plus names the generated
 * module already uses (nn.Module attributes, builtins, its own functions), so a layer named
 * {@code training} or {@code loss_fn} cannot shadow them. Unique among themselves.
 */
final class PyNames {
    /** nn.Module's public attributes (torch 1.13) and the names the generated file defines or calls. */
    private static final Set<String> RESERVED = Set.of(
            "add_module", "apply", "bfloat16", "buffers", "children", "cpu", "cuda", "double", "dump_patches",
            "eval", "extra_repr", "float", "forward", "get_buffer", "get_extra_state", "get_parameter",
            "get_submodule", "half", "ipu", "load_state_dict", "modules", "named_buffers", "named_children",
            "named_modules", "named_parameters", "parameters", "register_backward_hook", "register_buffer",
            "register_forward_hook", "register_forward_pre_hook", "register_full_backward_hook",
            "register_load_state_dict_post_hook", "register_module", "register_parameter", "requires_grad_",
            "set_extra_state", "share_memory", "state_dict", "to", "to_empty", "train", "training", "type", "xpu",
            "zero_grad", "t_destination", "call_super_init",
            "json", "argparse", "math", "sys", "int", "len", "list", "dict", "tuple", "round", "min", "max", "sum",
            "range", "zip", "isinstance", "print", "object", "str", "bool", "any", "all", "abs", "open",
            "loss_fn", "make_optimizer", "make_scheduler", "main", "example_inputs", "example_targets",
            "class_indices", "top_k_accuracy", "roi_max_pool", "local_response_norm_within");

    private PyNames() {
    }

    static Map<String, String> identifiers(Collection<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String n : names) {
            String base = PythonText.identifier(n);
            if (RESERVED.contains(base)) {
                base = base + "_";
            }
            String id = base;
            for (int i = 2; !used.add(id); i++) {
                id = base + "_" + i;
            }
            out.put(n, id);
        }
        return out;
    }

    /** A class name: letters and digits of the name, capitalised; null when nothing usable remains. */
    static String className(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (b.isEmpty()) {
            return null;
        }
        if (Character.isDigit(b.charAt(0))) {
            b.insert(0, "Net");
        }
        String s = b.toString();
        // the generated file defines these itself
        return Set.of("Scale", "None", "True", "False").contains(s) ? s + "Net" : s;
    }
}
