package org.paper2code.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operation written between two decks read as the chain of layers it names, in the order written: "3x3 Conv /
 * pad 1" over the arrow and "BN + ReLU" under it are a convolution, a batch norm and a ReLU, each its own layer.
 * Steps are parts joined by '+' or lines that name another layer type; a part that names no type (a kernel size
 * or "pad 1" on the line below the word) belongs to the step before it. A part after a '+' that no lexicon word
 * names ("L2Norm") is still a step of its own, kept as a Lambda with its text as the note.
 */
final class OperationSteps {
    private final LabelGrammar grammar;

    OperationSteps(LabelGrammar grammar) {
        this.grammar = grammar;
    }

    /** The steps of the operation written on these lines (top to bottom); empty when none names a layer. */
    List<ParsedLabel> read(List<String> lines) {
        List<StringBuilder> steps = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<ParsedLabel> typedParts = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split("\\+");
            for (int k = 0; k < parts.length; k++) {
                String part = parts[k].strip();
                if (part.isEmpty()) {
                    continue;
                }
                Optional<ParsedLabel> p = grammar.read(part);
                boolean joined = k > 0;
                // a lone letter is OCR debris of the arrow ("c" is also the lexicon's concat symbol), not a step
                String type = letters(part) >= 2 ? p.map(ParsedLabel::type).orElse(null) : null;
                String current = types.isEmpty() ? null : types.get(types.size() - 1);
                boolean otherType = type != null && current != null && !type.equals(current);
                boolean newStep = steps.isEmpty() || otherType || (joined && (type != null || letters(part) >= 3));
                if (newStep) {
                    steps.add(new StringBuilder(part));
                    types.add(type);
                    typedParts.add(type == null ? null : p.get());
                } else {
                    steps.get(steps.size() - 1).append(' ').append(part);
                    if (current == null && type != null) {
                        types.set(types.size() - 1, type);
                        typedParts.set(typedParts.size() - 1, p.get());
                    }
                }
            }
        }
        List<ParsedLabel> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String text = steps.get(i).toString();
            // the whole step read as one label; when OCR debris around the word spoils that, the word's part alone
            ParsedLabel typedPart = typedParts.get(i);
            Optional<ParsedLabel> p = grammar.read(text).or(() -> Optional.ofNullable(typedPart));
            if (p.isPresent()) {
                out.add(p.get());
            } else if (i > 0 && letters(text) >= 3) {
                out.add(new ParsedLabel("Lambda", Map.of("note", text.strip()), List.of(), 0.4, List.of(), null));
            }
        }
        return out;
    }

    private static int letters(String s) {
        return s.replaceAll("[^A-Za-z]", "").length();
    }
}
