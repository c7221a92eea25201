import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * A per-request stdio client written against the SDK API every release from 0.10 on understands; the it-tests compile
 * it against each old release. Usage: {@code LegacyClient <requests> <server command> [args...]}. Prints one line
 * {@code result <i> <text>} per request, or {@code error <i> <exception>}.
 */
public final class LegacyClient {

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        ServerParameters server = ServerParameters.builder(args[1])
                .args(Arrays.copyOfRange(args, 2, args.length)).build();
        for (int i = 0; i < requests; i++) {
            try (McpSyncClient client = McpClient.sync(transport(server)).requestTimeout(Duration.ofSeconds(20))
                    .build()) {
                client.initialize();
                McpSchema.CallToolResult result = client.callTool(
                        new McpSchema.CallToolRequest("echo", Map.of("text", "req-" + i)));
                System.out.println("result " + i + " " + ((McpSchema.TextContent) result.content().get(0)).text());
            } catch (RuntimeException e) {
                System.out.println("error " + i + " " + e);
            }
        }
    }

    /** Up to SDK 0.12 the transport made its own JSON mapper; later ones are given the SDK's default mapper. */
    private static StdioClientTransport transport(ServerParameters server) throws Exception {
        for (Constructor<?> constructor : StdioClientTransport.class.getConstructors()) {
            if (constructor.getParameterCount() == 1) {
                return (StdioClientTransport) constructor.newInstance(server);
            }
        }
        Class<?> mapperType = Class.forName("io.modelcontextprotocol.json.McpJsonMapper");
        Object mapper = mapperType.getMethod("getDefault").invoke(null);
        return StdioClientTransport.class.getConstructor(ServerParameters.class, mapperType).newInstance(server, mapper);
    }
}
