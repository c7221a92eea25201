package dev.mcppool.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-request loop against the in-process HTTP server: one server session per request, results in order. */
class OwnHttpServerTest {

    @ParameterizedTest
    @CsvSource({"http,sync,sdk", "http,async,sdk", "sse,sync,sdk", "sse,async,sdk", "http,sync,langchain4j",
            "sse,sync,langchain4j"})
    void everyRequestIsOneSessionWithItsOwnEcho(String transport, String api, String client) throws Exception {
        ClientOptions options = ClientOptions.parse("--transport", transport, "--api", api, "--client", client,
                "--requests", "6", "--threads", "3");
        try (ClientTarget target = ClientTarget.of(options)) {
            RequestLoop.Result result = new RequestLoop(target.clientCycle(options), options.tool(),
                        options.argName(), options::argument)
                    .run(options.requests(), options.threads(), null);

            assertThat(result.errors()).isZero();
            assertThat(result.texts()).containsExactly(
                    IntStream.range(0, 6).mapToObj(i -> "echo:req-" + i).toArray(String[]::new));
            assertThat(Arrays.stream(result.nanos())).allMatch(nanos -> nanos > 0);
            assertThat(target.serverLines()).containsExactly("server-sessions=6");
        }
    }

    @Test
    void aDurationEndsTheLoopEarlyAndTheResultCoversWhatRan() throws Exception {
        ClientOptions options = ClientOptions.parse("--transport", "http", "--requests", "100000", "--threads", "2",
                "--duration", "1s");
        try (ClientTarget target = ClientTarget.of(options)) {
            RequestLoop.Result result = new RequestLoop(target.clientCycle(options), options.tool(),
                    options.argName(), options::argument)
                    .run(options.requests(), options.threads(), options.duration(1));

            assertThat(result.texts().length).isBetween(1, 99_999);
            assertThat(result.texts()).doesNotContainNull();
            assertThat(Duration.ofNanos(result.elapsedNanos())).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void perThreadClientsOpenOneSessionPerWorkerAndKeepIt() throws Exception {
        ClientOptions options = ClientOptions.parse("--transport", "http", "--clients", "per-thread",
                "--requests", "9", "--threads", "3");
        try (ClientTarget target = ClientTarget.of(options)) {
            RequestLoop.Result result;
            try (LongLivedSdkClients clients = new LongLivedSdkClients(target.transports(), options.requestTimeout())) {
                result = new RequestLoop(clients::forWorker, options.tool(), options.argName(), options::argument)
                        .run(options.requests(), options.threads(), null);
            }

            assertThat(result.errors()).isZero();
            assertThat(result.texts()).containsExactly(
                    IntStream.range(0, 9).mapToObj(i -> "echo:req-" + i).toArray(String[]::new));
            // one per worker that got a request: a worker may find all requests taken before it starts
            assertThat(target.serverLines()).containsAnyOf("server-sessions=1", "server-sessions=2", "server-sessions=3");
        }
    }

    @Test
    void serverListensOnLoopbackOnly() throws Exception {
        try (DemoHttpServer server = DemoHttpServer.start(0)) {
            assertThat(server.url()).matches("http://127\\.0\\.0\\.1:\\d+/mcp");
            int port = URI.create(server.url()).getPort();

            assertThat(connects(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port))).isTrue();
            // a socket bound to 127.0.0.1 refuses the machine's other addresses, 127.0.0.2 (on Linux also loopback)
            // and ::1 included; one bound to the wildcard address would accept them
            List<InetAddress> others = otherAddressesOfThisMachine();
            assertThat(others).isNotEmpty()
                    .allSatisfy(address -> assertThat(connects(new InetSocketAddress(address, port)))
                            .as("connects through " + address).isFalse());
            assertThat(server.sessionsCreated()).isZero();
        }
    }

    private static List<InetAddress> otherAddressesOfThisMachine() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        addresses.add(InetAddress.getByName("127.0.0.2"));
        for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (networkInterface.isUp()) {
                Collections.list(networkInterface.getInetAddresses()).stream()
                        .filter(address -> !address.getHostAddress().equals("127.0.0.1"))
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static boolean connects(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
