package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server redeployed on the same port with other capabilities (here: tools added) between two requests. With
 * {@code aliveBypassWindow=1h} no pooled session is pinged before it is lent.
 */
class RedeployedServerIT {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    /**
     * A server without an event stream gives a pooled session no sign of its going until a request is sent. The
     * client's {@code initialize()} still answers what the old instance announced (a known limit within
     * aliveBypassWindow), but a request the client refuses from those cached capabilities is checked again: the
     * session is pinged, found gone, and the request runs on a fresh session of the redeployed server.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sdk", "sdk-async"})
    void aRequestRefusedFromTheOldInstancesCapabilitiesIsCheckedAgainstTheRedeployedServer(String client,
                                                                                           @TempDir Path output)
            throws Exception {
        List<String> pooled = requestsAroundARedeploy(DemoRun.withAgent("aliveBypassWindow=1h"), client, output,
                "pooled", "--without-event-stream");

        assertThat(pooled).hasSize(4).element(2).asString().endsWith(" answer=echo:req-2");
        assertThat(pooled).contains("errors=0");
    }

    private static List<String> requestsAroundARedeploy(DemoRun.Builder run, String client, Path output,
                                                        String name, String... serverOptions) throws Exception {
        Path folder = output.resolve(name);
        Files.createDirectories(folder);
        List<String> before = new ArrayList<>(List.of(serverOptions));
        before.add("--without-tools");
        try (DemoHttpServerProcess server = DemoHttpServerProcess.start(folder, before.toArray(String[]::new));
             DemoRun probe = run.args("probe", "redeploy", "--url", server.url(), "--client", client)
                     .interactive().start(folder, "probe-" + client)) {
            probe.awaitReport(LIMIT, "waiting-for-redeploy");
            server.redeploy(serverOptions);
            probe.startNextBatch();
            probe.awaitExit(LIMIT);
            return probe.stdout().lines().filter(line -> !line.startsWith("SLF4J")).toList();
        }
    }
}
