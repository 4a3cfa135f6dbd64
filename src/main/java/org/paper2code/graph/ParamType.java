package org.paper2code.graph;

import java.util.List;

/** The value types a layer parameter may have. */
public enum ParamType {
    INT, FLOAT, BOOL, STRING, INT_LIST, STRING_LIST;

    public static ParamType parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether a JSON-decoded value fits this type. */
    public boolean accepts(Object v) {
        return switch (this) {
            case INT -> isIntegral(v);
            case FLOAT -> v instanceof Number;
            case BOOL -> v instanceof Boolean;
            case STRING -> v instanceof String;
            case INT_LIST -> v instanceof List<?> l && l.stream().allMatch(ParamType::isIntegral);
            case STRING_LIST -> v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String);
        };
    }

    static boolean isIntegral(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger) {
            return true;
        }
        return v instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
