package org.paper2code.emit.caffe;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.TextFormatParseInfoTree;
import com.google.protobuf.TextFormatParseLocation;
import org.paper2code.emit.ImportException;
import org.paper2code.emit.caffe.proto.CaffeProto.NetParameter;
import org.paper2code.emit.caffe.proto.CaffeProto.SolverParameter;

/**
 * Caffe's text format through protobuf's own {@link TextFormat} parser and printer, with the
 * parse locations kept so later errors can point at the layer that caused them.
 */
public final class CaffeText {
    private CaffeText() {
    }

    /** A parsed net and where each of its fields sat in the text. */
    public record ParsedNet(NetParameter net, TextFormatParseInfoTree locations) {
        /** "line L, column C" of the i-th element of a repeated field of the net (1-based), or "" if unknown. */
        String where(int fieldNumber, int index) {
            try {
                var field = NetParameter.getDescriptor().findFieldByNumber(fieldNumber);
                TextFormatParseInfoTree nested = locations.getNestedTree(field, index);
                var nameField = field.getMessageType().findFieldByName("name");
                TextFormatParseLocation loc = nested.getLocations(nameField).isEmpty()
                        ? locations.getLocation(field, index) : nested.getLocation(nameField, 0);
                return "line " + (loc.getLine() + 1) + ", column " + (loc.getColumn() + 1);
            } catch (RuntimeException e) {
                return "";
            }
        }
    }

    /** @throws ImportException "FILE: line L, column C: reason" on a syntax or schema error */
    public static ParsedNet parseNet(String text, String sourceName) {
        NetParameter.Builder b = NetParameter.newBuilder();
        TextFormatParseInfoTree.Builder tree = TextFormatParseInfoTree.builder();
        merge(text, sourceName, b, tree);
        return new ParsedNet(b.build(), tree.build());
    }

    public static SolverParameter parseSolver(String text, String sourceName) {
        SolverParameter.Builder b = SolverParameter.newBuilder();
        merge(text, sourceName, b, TextFormatParseInfoTree.builder());
        return b.build();
    }

    private static void merge(String text, String sourceName, Message.Builder b, TextFormatParseInfoTree.Builder tree) {
        try {
            TextFormat.Parser.newBuilder().setParseInfoTreeBuilder(tree).build().merge(text, b);
        } catch (TextFormat.ParseException e) {
            // the library prefixes "line:column: "; restate it in words
            String reason = e.getMessage().replaceFirst("^-?\\d+:-?\\d+: ", "")
                    .replaceAll("\\s*\\n\\s*(-?\\d+:-?\\d+:)?\\s*", " ").strip();
            throw new ImportException(sourceName + ": line " + e.getLine() + ", column " + e.getColumn() + ": " + reason, e);
        }
    }

    /** The message in Caffe's text format (protobuf escapes every string). */
    public static String print(Message m) {
        return TextFormat.printer().printToString(m);
    }
}
