package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-request clients whose user's token comes from the calling thread (a thread-local read by the SDK's transport
 * context provider or by LangChain4j's headers supplier) or from the subscriber's Reactor context, with otherwise
 * equal settings. The demo's server refuses any request on a session that carries another credential than the one
 * that opened the session: with the agent, no request may be refused, and each user must be answered as itself.
 */
class CallerCredentialsIT {

    private static final int REQUESTS = 20;
    private static final int USERS = 2;
    private static final int MAX_PER_KEY = 2;

    @ParameterizedTest
    @ValueSource(strings = {"sdk", "sdk-async", "langchain4j"})
    void aSessionOpenedWithOneUsersTokenNeverCarriesAnotherUsersRequest(String client, @TempDir Path output)
            throws Exception {
        try (DemoHttpServerProcess server = DemoHttpServerProcess.start(output)) {
            List<String> unpooled = probe(DemoRun.withoutAgent(), server, client, output, "unpooled");
            long unpooledSessions = server.sessions();
            List<String> pooled = probe(DemoRun.withAgent("maxPerKey=" + MAX_PER_KEY), server, client, output,
                    "pooled");
            long pooledSessions = server.sessions() - unpooledSessions;

            assertThat(server.foreignCredentialRequests()).as("requests on a session another user's token opened")
                    .isZero();
            assertThat(pooled).isEqualTo(unpooled).contains("caller-credentials-calls=" + REQUESTS
                    + " caller-credentials-own=" + REQUESTS + " caller-credentials-foreign=0", "errors=0");
            if (client.equals("sdk-async")) {
                // its customizer reads the subscriber's Reactor context, which no key can see: it stays unpooled
                assertThat(pooledSessions).isGreaterThanOrEqualTo(REQUESTS);
            } else {
                assertThat(pooledSessions).as("each user's clients share at most maxPerKey sessions")
                        .isBetween((long) USERS, (long) USERS * MAX_PER_KEY);
            }
        }
    }

    private static List<String> probe(DemoRun.Builder run, DemoHttpServerProcess server, String client, Path output,
                                      String name) throws Exception {
        try (DemoRun finished = run.args("probe", "caller-credentials", "--url", server.url(), "--client", client,
                "--identities", Integer.toString(USERS), "--requests", Integer.toString(REQUESTS), "--threads", "2")
                .start(output, name + "-" + client)) {
            finished.awaitExit(Duration.ofMinutes(2));
            return finished.stdout().lines().filter(line -> !line.startsWith("SLF4J")).toList();
        }
    }
}
