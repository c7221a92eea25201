package dev.mcppool.sdk;

import dev.mcppool.pool.RecordComponents;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A client setting's value as pool-key text: equal for values the server cannot tell apart, different otherwise.
 *
 * <p>Records (the SDK's {@code Implementation}, {@code ClientCapabilities}, {@code Root}) are written out by their
 * components rather than by {@code toString()}: that is what their {@code equals} compares, a {@code toString} may be
 * overridden to leave parts out, and on JDK 17 a record's {@code toString} runs {@code String.format}, which cost more
 * than the rest of the key. Strings are quoted and other objects' text follows their class name, so that no two
 * different values read the same; a value it cannot write so (a map whose keys read alike) fails the key, and the
 * client runs unpooled.
 */
final class KeyText {

    private KeyText() {
    }

    /**
     * A setting's value. Only here, at the top, does an object without a value-based {@code toString} count by its
     * class (a schema validator: configuration, not per-request state); nested in a map or record, such an object
     * counts by instance, as its {@code toString} names it.
     */
    static void appendSetting(StringBuilder text, Object value) {
        append(text, value, true);
    }

    static String of(Object value) {
        StringBuilder text = new StringBuilder(64);
        append(text, value);
        return text.toString();
    }

    private static void append(StringBuilder text, Object value) {
        append(text, value, false);
    }

    private static void append(StringBuilder text, Object value, boolean setting) {
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof Duration
                || value instanceof Supplier<?>) {
            text.append(value);
        } else if (value instanceof CharSequence || value instanceof Character) {
            appendQuoted(text, value.toString());
        } else if (value instanceof Enum<?> constant) {
            text.append(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            appendMap(text, map);
        } else if (value instanceof List<?> list) {
            appendElements(text, list);
        } else if (value instanceof Set<?> set) {
            appendSorted(text, set);
        } else if (value instanceof Collection<?> collection) {
            appendElements(text, collection);
        } else if (value.getClass().isArray()) {
            appendArray(text, value);
        } else {
            appendObject(text, value, setting);
        }
    }

    private static void appendObject(StringBuilder text, Object value, boolean setting) {
        Method[] recordAccessors = RecordComponents.accessorsOf(value.getClass());
        if (recordAccessors != null) {
            appendRecord(text, value, recordAccessors);
            return;
        }
        String type = value.getClass().getName();
        String shown = value.toString();
        if (!shown.startsWith(type + "@")) {
            text.append(type).append(':').append(shown);
        } else {
            text.append(setting ? type : shown);
        }
    }

    private static void appendQuoted(StringBuilder text, String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            text.append(c);
        }
        text.append('"');
    }

    private static void appendMap(StringBuilder text, Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((key, entry) -> {
            if (sorted.put(of(key), entry) != null) {
                throw new IllegalArgumentException("two keys of one map read the same: " + key.getClass().getName());
            }
        });
        text.append('{');
        String separator = "";
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            text.append(separator).append(entry.getKey()).append('=');
            append(text, entry.getValue());
            separator = ", ";
        }
        text.append('}');
    }

    private static void appendElements(StringBuilder text, Iterable<?> elements) {
        text.append('[');
        String separator = "";
        for (Object element : elements) {
            text.append(separator);
            append(text, element);
            separator = ", ";
        }
        text.append(']');
    }

    private static void appendSorted(StringBuilder text, Set<?> set) {
        List<String> elements = new ArrayList<>(set.size());
        set.forEach(element -> elements.add(of(element)));
        elements.sort(null);
        text.append("#{").append(String.join(", ", elements)).append('}');
    }

    private static void appendArray(StringBuilder text, Object array) {
        List<Object> elements = new ArrayList<>(Array.getLength(array));
        for (int i = 0; i < Array.getLength(array); i++) {
            elements.add(Array.get(array, i));
        }
        appendElements(text, elements);
    }

    private static void appendRecord(StringBuilder text, Object record, Method[] accessors) {
        text.append(record.getClass().getName()).append('[');
        String separator = "";
        for (Method accessor : accessors) {
            text.append(separator).append(accessor.getName()).append('=');
            append(text, componentOf(record, accessor));
            separator = ", ";
        }
        text.append(']');
    }

    private static Object componentOf(Object record, Method accessor) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor + " for a pool key", e);
        }
    }
}
