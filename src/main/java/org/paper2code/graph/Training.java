package org.paper2code.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Training hyperparameters under canonical keys ({@code optimizer}, {@code learning_rate},
 * {@code momentum}, {@code weight_decay}, {@code batch_size}, {@code epochs},
 * {@code iterations}, {@code lr_schedule}, ...). Values are numbers, strings, booleans or
 * nested maps (the schedule).
 */
public record Training(Map<String, Object> values) {

    public Training {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Optional<Double> number(String key) {
        Object v = values.get(key);
        return v instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    public Optional<String> text(String key) {
        Object v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
