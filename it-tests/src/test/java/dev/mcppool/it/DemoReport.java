package dev.mcppool.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.IntStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value} report the demo app prints at the end of its per-request loop, with the lines it wrote to
 * stderr about its first failed requests ({@code error request=<i> <type>: <message> (cause <type>: <message>)}).
 */
record DemoReport(Map<String, String> values, List<String> errorLines) {

    static DemoReport parse(String stdout, String stderr) {
        Map<String, String> values = new HashMap<>();
        for (String line : stdout.split("\\R")) {
            for (String token : line.trim().split("\\s+")) {
                int equals = token.indexOf('=');
                if (equals > 0) {
                    values.put(token.substring(0, equals), token.substring(equals + 1));
                }
            }
        }
        return new DemoReport(values, stderr.lines().filter(line -> line.startsWith("error request=")).toList());
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

    /** What the demo's {@code results-digest} is when requests 0..n-1 of {@code echo} all answered. */
    static String echoDigest(int requests) throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        IntStream.range(0, requests).mapToObj(i -> i + ":echo:req-" + i).sorted()
                .forEach(line -> sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha256.digest());
    }
}
