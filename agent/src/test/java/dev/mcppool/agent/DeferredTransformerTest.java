package dev.mcppool.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeferredTransformerTest {

    private static final byte[] CLASS_FILE = {1, 2, 3};
    private static final byte[] TRANSFORMED = {4, 5, 6};

    private static byte[] load(DeferredTransformer gate, String className) throws Exception {
        return gate.transform(null, null, className, null, null, CLASS_FILE);
    }

    private static ClassFileTransformer transformingEverything() {
        return new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classfileBuffer) {
                return TRANSFORMED;
            }
        };
    }

    private final ExecutorService loaders = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopLoaders() {
        loaders.shutdownNow();
    }

    private Future<byte[]> loadOnAnotherThread(DeferredTransformer gate, String className) {
        return loaders.submit(() -> load(gate, className));
    }

    @Test
    void mcpClassesTheAgentDoesNotInstrumentPassUntransformedWithoutWaiting() throws Exception {
        DeferredTransformer gate = new DeferredTransformer();

        // the gate holds a client class for up to 10 s
        assertThat(loadOnAnotherThread(gate, "io/modelcontextprotocol/server/McpServer").get(2, TimeUnit.SECONDS))
                .isNull();
        assertThat(loadOnAnotherThread(gate, "io/modelcontextprotocol/spec/McpSchema").get(2, TimeUnit.SECONDS))
                .isNull();
        assertThat(loadOnAnotherThread(gate, "org/example/App").get(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aClientClassWaitsForTheInstrumentationAndIsTransformedByIt() throws Exception {
        DeferredTransformer gate = new DeferredTransformer();
        Future<byte[]> sdkClient = loadOnAnotherThread(gate, "io/modelcontextprotocol/client/McpSyncClient");
        Future<byte[]> langchain4jClient = loadOnAnotherThread(gate, "dev/langchain4j/mcp/client/DefaultMcpClient");
        Thread.sleep(200);
        assertThat(sdkClient).isNotDone();
        assertThat(langchain4jClient).isNotDone();

        gate.ready(transformingEverything());

        assertThat(sdkClient.get(5, TimeUnit.SECONDS)).isEqualTo(TRANSFORMED);
        assertThat(langchain4jClient.get(5, TimeUnit.SECONDS)).isEqualTo(TRANSFORMED);
    }

    @Test
    void classesOutsideTheClientPackagesNeverReachTheInstrumentation() throws Exception {
        DeferredTransformer gate = new DeferredTransformer();
        gate.ready(transformingEverything());

        assertThat(load(gate, "io/modelcontextprotocol/client/transport/StdioClientTransport")).isEqualTo(TRANSFORMED);
        assertThat(load(gate, "io/modelcontextprotocol/spec/McpSchema")).isNull();
        assertThat(load(gate, "org/example/App")).isNull();
        assertThat(load(gate, null)).isNull();
    }

    @Test
    void theBuilderThreadNeverWaitsForItself() throws Exception {
        DeferredTransformer gate = new DeferredTransformer();
        Future<byte[]> loadedByTheBuilder = loaders.submit(() -> {
            gate.builtBy(Thread.currentThread());
            return load(gate, "io/modelcontextprotocol/client/McpSyncClient");
        });

        // any other thread would be held for 10 s, as the gate is never made ready
        assertThat(loadedByTheBuilder.get(2, TimeUnit.SECONDS)).isNull();
    }
}
