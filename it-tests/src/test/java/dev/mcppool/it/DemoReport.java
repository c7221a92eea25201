package dev.mcppool.it;

import java.util.HashMap;
import java.util.Map;

/** The {@code key=value} report the demo app prints at the end of its per-request loop. */
record DemoReport(Map<String, String> values) {

    static DemoReport parse(String stdout) {
        Map<String, String> values = new HashMap<>();
        for (String line : stdout.split("\\R")) {
            for (String token : line.trim().split("\\s+")) {
                int equals = token.indexOf('=');
                if (equals > 0) {
                    values.put(token.substring(0, equals), token.substring(equals + 1));
                }
            }
        }
        return new DemoReport(values);
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new AssertionError("the demo printed no '" + key + "' in its report: " + values);
        }
        return value;
    }

    int integer(String key) {
        return Integer.parseInt(get(key));
    }

    double millis(String key) {
        return Double.parseDouble(get(key).replace("ms", ""));
    }

    int errors() {
        return integer("errors");
    }

    String resultsDigest() {
        return get("results-digest");
    }
}
