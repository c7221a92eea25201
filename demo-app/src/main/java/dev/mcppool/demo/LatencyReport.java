package dev.mcppool.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The client's report: {@code key=value} groups, one line each. Latencies cover every request, failed ones
 * included; throughput is requests per second of the whole loop.
 */
final class LatencyReport {

    private LatencyReport() {
    }

    static List<String> lines(String mode, String target, int threads, RequestLoop.Result result,
            List<String> serverLines) {
        long[] sorted = result.nanos().clone();
        Arrays.sort(sorted);
        int requests = sorted.length;
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        double max = requests == 0 ? 0 : sorted[requests - 1] / 1e6;
        double seconds = result.elapsedNanos() / 1e9;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "mode=%s target=%s requests=%d threads=%d errors=%d",
                mode, target, requests, threads, result.errors()));
        lines.add(String.format(Locale.ROOT, "latency p50=%.3fms p99=%.3fms mean=%.3fms max=%.3fms",
                percentileMillis(sorted, 50), percentileMillis(sorted, 99), mean, max));
        lines.add(String.format(Locale.ROOT, "throughput=%.2f/s", seconds > 0 ? requests / seconds : 0));
        lines.add("results-digest=" + resultsDigest(result.texts()));
        lines.add("error-types=" + (result.errorTypes().isEmpty() ? "none" : new TreeMap<>(result.errorTypes())
                .entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","))));
        lines.addAll(serverLines);
        return lines;
    }

    /** Nearest-rank percentile of ascending nanosecond values, in milliseconds; 0 when there are none. */
    static double percentileMillis(long[] sortedNanos, double percent) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    /**
     * SHA-256 (lowercase hex) of the lines {@code <i>:<text>} of the successful requests, sorted as strings,
     * each terminated by {@code \n}, in UTF-8.
     */
    static String resultsDigest(String[] texts) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                lines.add(i + ":" + texts[i]);
            }
        }
        lines.sort(null);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (String line : lines) {
            sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
