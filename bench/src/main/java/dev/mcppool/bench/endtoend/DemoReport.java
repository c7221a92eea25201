package dev.mcppool.bench.endtoend;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo client's report (its stdout) for one batch: the warmup line, the batch's counts and latencies, the server
 * and resource counts, and the optional {@code --footprint} and {@code --timestamps} lines.
 *
 * @param counts every other {@code key=value} of the batch, such as {@code jvm-threads}, {@code server-sessions}
 */
record DemoReport(int warmupRequests, int warmupErrors, int requests, int errors, double p50Millis, double p99Millis,
        double throughputPerSecond, String errorTypes, Map<String, String> counts, Footprint footprintAtStart,
        Footprint footprintAtEnd) {

    /** A {@code footprint at=...} line; null in the report when the demo printed none. */
    record Footprint(long heapUsedBytes, int threads, int agentThreads) {
    }

    /** {@code key=value} with a value up to the next blank; words without {@code =} (a stdio target's arguments) are skipped. */
    private static final Pattern FIELD = Pattern.compile("(?:^|\\s)([A-Za-z0-9][\\w.-]*)=(\\S*)");

    /** @throws IllegalArgumentException when a batch line is missing or malformed, or there is more than one batch */
    static DemoReport parse(String stdout) {
        Map<String, String> warmup = Map.of();
        Map<String, String> batch = new HashMap<>();
        Map<String, Footprint> footprints = new HashMap<>();
        int batches = 0;
        for (String line : stdout.split("\\R")) {
            Map<String, String> fields = fields(line);
            if (line.startsWith("warmup ")) {
                warmup = fields;
            } else if (line.startsWith("footprint ")) {
                footprints.put(required(fields, "at", line), new Footprint(longValue(fields, "heap-used-after-gc", line),
                        (int) longValue(fields, "threads", line), (int) longValue(fields, "agent-threads", line)));
            } else if (line.startsWith("batch=")) {
                batches++;
            } else {
                batch.putAll(fields);
            }
        }
        if (batches != 1) {
            throw new IllegalArgumentException("expected one batch=1 line, found " + batches);
        }
        String where = "the batch report";
        return new DemoReport(
                warmup.isEmpty() ? 0 : (int) longValue(warmup, "requests", "the warmup line"),
                warmup.isEmpty() ? 0 : (int) longValue(warmup, "errors", "the warmup line"),
                (int) longValue(batch, "requests", where), (int) longValue(batch, "errors", where),
                number(batch, "p50", "ms"), number(batch, "p99", "ms"), number(batch, "throughput", "/s"),
                batch.getOrDefault("error-types", "none"), Map.copyOf(batch),
                footprints.get("start"), footprints.get("end"));
    }

    /** Seconds the measured batch took, from its request count and throughput; 0 when it ran no request. */
    double batchSeconds() {
        return throughputPerSecond > 0 ? requests / throughputPerSecond : 0;
    }

    /** A whole-number count of the batch, such as {@code open-fds}; empty when the report has none. */
    OptionalLong count(String key) {
        String value = counts.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number", e);
        }
    }

    static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(line);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String key, String where) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key + "= in " + where);
        }
        return value;
    }

    private static long longValue(Map<String, String> fields, String key, String where) {
        String value = required(fields, key, where);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " in " + where + " is not a whole number", e);
        }
    }

    private static double number(Map<String, String> fields, String key, String unit) {
        String value = required(fields, key, "the batch report");
        if (!value.endsWith(unit)) {
            throw new IllegalArgumentException(key + "=" + value + " lacks its unit " + unit);
        }
        try {
            return Double.parseDouble(value.substring(0, value.length() - unit.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a number", e);
        }
    }
}
