package dev.mcppool.bench.endtoend;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Demo-app client options for the benchmark's targets and workloads. */
final class DemoArguments {

    /** server-everything's echo tool takes its text as {@code message}. */
    private static final List<String> EVERYTHING_ECHO = List.of("--tool", "echo", "--arg-name", "message");

    private DemoArguments() {
    }

    static List<String> ownServer(Scenario.Transport transport) {
        return List.of("--transport", transport == Scenario.Transport.STDIO ? "stdio" : "http");
    }

    static List<String> everythingStdio(String commandLine) {
        return concat(List.of("--stdio", commandLine), EVERYTHING_ECHO);
    }

    static List<String> everythingHttp(String url) {
        return concat(List.of("--url", url), EVERYTHING_ECHO);
    }

    /**
     * A request (and a client's initialization) may take this long: 16 server JVMs starting at once on 2 cores need
     * more than the SDK's default 20 s.
     */
    static final String REQUEST_TIMEOUT = "120s";

    /**
     * {@code --threads T --requests N --warmup W --duration D --request-timeout 120s}; no warmup option when
     * {@code warmup} is 0.
     */
    static List<String> load(int threads, int requests, int warmup, Duration duration) {
        List<String> load = List.of("--threads", Integer.toString(threads), "--requests", Integer.toString(requests),
                "--duration", duration.toMillis() + "ms", "--request-timeout", REQUEST_TIMEOUT);
        return warmup > 0 ? concat(load, List.of("--warmup", Integer.toString(warmup))) : load;
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
