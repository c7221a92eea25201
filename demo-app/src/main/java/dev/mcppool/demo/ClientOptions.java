package dev.mcppool.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Options of the client mode. {@code stdioCommand} and {@code url} are null when the demo targets its own
 * server.
 */
record ClientOptions(String transport, String stdioCommand, String url, int requests, int threads, String tool,
        String argName, String argValue, List<Map.Entry<String, String>> headers, Duration requestTimeout, int batches, List<Duration> durations, boolean leakOne, boolean hold,
        boolean async, boolean langchain4j, boolean perThreadClients, int warmup, Path latencyFile, boolean timestamps,
        boolean footprint) {

    static final String STDIO = "stdio";
    static final String HTTP = "http";
    static final String SSE = "sse";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** Base URI and endpoint path of a Streamable HTTP server URL. */
    record HttpTarget(String baseUri, String endpoint) {
    }

    /** @throws IllegalArgumentException on any unknown, missing or contradictory option */
    static ClientOptions parse(String... args) {
        String transportFlag = null;
        String stdioCommand = null;
        String url = null;
        int requests = 50;
        int threads = 1;
        String tool = "echo";
        String argName = "text";
        String argValue = null;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Duration requestTimeout = Duration.ofSeconds(20);
        int batches = 1;
        List<Duration> durations = List.of();
        boolean leakOne = false;
        boolean hold = false;
        boolean async = false;
        boolean langchain4j = false;
        boolean perThreadClients = false;
        int warmup = 0;
        Path latencyFile = null;
        boolean timestamps = false;
        boolean footprint = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--transport" -> transportFlag = transport(value(args, ++i, option));
                case "--stdio" -> stdioCommand = value(args, ++i, option);
                case "--url" -> url = value(args, ++i, option);
                case "--requests" -> requests = positive(value(args, ++i, option), option);
                case "--threads" -> threads = positive(value(args, ++i, option), option);
                case "--tool" -> tool = value(args, ++i, option);
                case "--arg-name" -> argName = value(args, ++i, option);
                case "--arg-value" -> argValue = value(args, ++i, option);
                case "--header" -> headers.add(header(value(args, ++i, option)));
                case "--request-timeout" -> requestTimeout = duration(value(args, ++i, option));
                case "--batches" -> batches = positive(value(args, ++i, option), option);
                case "--duration" -> durations = Arrays.stream(value(args, ++i, option).split(","))
                        .map(ClientOptions::duration).toList();
                case "--leak-one" -> leakOne = true;
                case "--hold" -> hold = true;
                case "--api" -> async = api(value(args, ++i, option));
                case "--client" -> langchain4j = client(value(args, ++i, option));
                case "--clients" -> perThreadClients = clients(value(args, ++i, option));
                case "--warmup" -> warmup = nonNegative(value(args, ++i, option), option);
                case "--latency-file" -> latencyFile = Path.of(value(args, ++i, option));
                case "--timestamps" -> timestamps = true;
                case "--footprint" -> footprint = true;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (langchain4j && async) {
            throw new IllegalArgumentException("--api async applies to the official SDK's client only");
        }
        if (perThreadClients && (langchain4j || async)) {
            throw new IllegalArgumentException("--clients per-thread is written for the official SDK's sync client only");
        }
        if (stdioCommand != null && url != null) {
            throw new IllegalArgumentException("--stdio and --url exclude each other");
        }
        String implied = stdioCommand != null ? STDIO : url != null && !SSE.equals(transportFlag) ? HTTP : null;
        if (implied != null && transportFlag != null && !implied.equals(transportFlag)) {
            throw new IllegalArgumentException("--transport " + transportFlag + " contradicts "
                    + (implied.equals(STDIO) ? "--stdio" : "--url"));
        }
        String transport = implied != null ? implied : transportFlag != null ? transportFlag : STDIO;
        if (stdioCommand != null && commandTokens(stdioCommand).isEmpty()) {
            throw new IllegalArgumentException("--stdio needs a command");
        }
        if (url != null) {
            httpTarget(url); // rejects a malformed URL before any request runs
        }
        if (!headers.isEmpty() && transport.equals(STDIO)) {
            throw new IllegalArgumentException("--header applies to the http and sse transports only");
        }
        return new ClientOptions(transport, stdioCommand, url, requests, threads, tool, argName, argValue,
                List.copyOf(headers),
                requestTimeout, batches, durations, leakOne, hold, async, langchain4j, perThreadClients, warmup,
                latencyFile, timestamps, footprint);
    }

    /** The tool argument of request i: {@code req-<i>}, or the fixed {@code --arg-value} (a number if it is all digits). */
    Object argument(int request) {
        if (argValue == null) {
            return "req-" + request;
        }
        return argValue.matches("\\d+") ? (Object) Long.valueOf(argValue) : argValue;
    }

    /** How long batch {@code batch} (from 1) may run: the batch's own {@code --duration} value, else the last one; null: no limit. */
    Duration duration(int batch) {
        return durations.isEmpty() ? null : durations.get(Math.min(batch, durations.size()) - 1);
    }

    boolean ownServer() {
        return stdioCommand == null && url == null;
    }

    /** The {@code target=} value of the report. */
    String targetLabel() {
        return ownServer() ? "own-server" : stdioCommand != null ? stdioCommand : url;
    }

    static List<String> commandTokens(String commandLine) {
        return Arrays.stream(commandLine.trim().split("\\s+")).filter(token -> !token.isEmpty()).toList();
    }

    /** {@code http://host:port/mcp} → base {@code http://host:port}, endpoint {@code /mcp} (the default when the URL has no path). */
    static HttpTarget httpTarget(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad --url " + url + ": " + e.getMessage());
        }
        if ((!HTTP.equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("--url must be an absolute http(s) URL: " + url);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/mcp" : uri.getRawPath();
        String endpoint = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new HttpTarget(uri.getScheme() + "://" + uri.getRawAuthority(), endpoint);
    }

    /** {@code 500ms}, {@code 20s}, {@code 2m} or {@code 1h}. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration " + text + " (expected e.g. 500ms, 20s, 2m)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** {@code --api sync|async}: which SDK client the per-request loop builds; true for async. */
    private static boolean api(String value) {
        if (!value.equals("sync") && !value.equals("async")) {
            throw new IllegalArgumentException("--api must be sync or async, not " + value);
        }
        return value.equals("async");
    }

    /** {@code --client sdk|langchain4j}: which client library the per-request loop uses; true for LangChain4j. */
    private static boolean client(String value) {
        if (!value.equals("sdk") && !value.equals("langchain4j")) {
            throw new IllegalArgumentException("--client must be sdk or langchain4j, not " + value);
        }
        return value.equals("langchain4j");
    }

    /**
     * {@code --clients per-request|per-thread}: whether every request builds its own client (the legacy application)
     * or each thread keeps one (the same application rewritten by hand); true for per-thread.
     */
    private static boolean clients(String value) {
        if (!value.equals("per-request") && !value.equals("per-thread")) {
            throw new IllegalArgumentException("--clients must be per-request or per-thread, not " + value);
        }
        return value.equals("per-thread");
    }

    private static String transport(String value) {
        if (!value.equals(STDIO) && !value.equals(HTTP) && !value.equals(SSE)) {
            throw new IllegalArgumentException("--transport must be stdio, http or sse, not " + value);
        }
        return value;
    }

    private static Map.Entry<String, String> header(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--header needs Name=Value, got " + value);
        }
        return Map.entry(value.substring(0, eq), value.substring(eq + 1));
    }

    private static int positive(String value, String option) {
        return atLeast(1, value, option);
    }

    private static int nonNegative(String value, String option) {
        return atLeast(0, value, option);
    }

    private static int atLeast(int minimum, String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n >= minimum) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a " + (minimum > 0 ? "positive" : "non-negative")
                + " integer, got " + value);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
