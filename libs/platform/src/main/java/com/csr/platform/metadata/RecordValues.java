package com.csr.platform.metadata;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules the values of every metadata record follow, applied when a record is made, so that every store gives
 * back exactly what was recorded: times to the microsecond (Firestore's precision), maps copied and unmodifiable,
 * reports as plain JSON values with whole numbers as {@code Long} and the others as {@code Double}.
 */
final class RecordValues {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private RecordValues() {
    }

    static String required(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    static String oneOf(String what, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("invalid " + what + " '" + value + "': use one of " + allowed);
        }
        return value;
    }

    /** A SHA-256 as lowercase hex, the form {@link java.util.HexFormat#of()} writes. */
    static String sha256Hex(String what, String hex) {
        if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + hex + "': use 64 lowercase hex digits");
        }
        return hex;
    }

    static Instant time(String what, Instant time) {
        if (time == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant optionalTime(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    /** A copy keeping the order; none for {@code null}. */
    static <V> Map<String, V> copy(String what, Map<String, V> values) {
        if (values == null) {
            return Map.of();
        }
        Map<String, V> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException(what + " cannot hold null: " + key + "=" + value);
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** A JSON object as plain Java values, or {@code null}. */
    static Map<String, Object> jsonObject(String what, Map<String, ?> object) {
        return object == null ? null : jsonMap(what, object);
    }

    private static Map<String, Object> jsonMap(String path, Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException(path + " has a key that is not a string: " + key);
            }
            copy.put(name, jsonValue(path + "." + name, value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object jsonValue(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            return jsonMap(path, map);
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                copy.add(jsonValue(path + "[" + i++ + "]", item));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " is a " + value.getClass().getSimpleName()
                + "; a report holds only strings, numbers, booleans, lists and maps");
    }
}
