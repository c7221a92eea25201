import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * A per-request client written against the SDK API every release from 0.10 on understands; the it-tests compile it
 * against each old release. Usage: {@code LegacyClient <requests> <server command> [args...]} (stdio) or
 * {@code LegacyClient <requests> --url <base url> <endpoint>} (Streamable HTTP, SDK 0.11 and later). Prints one line
 * {@code result <i> <text>} per request, or {@code error <i> <exception>}.
 */
public final class LegacyClient {

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        boolean http = args[1].equals("--url");
        ServerParameters server = http ? null
                : ServerParameters.builder(args[1]).args(Arrays.copyOfRange(args, 2, args.length)).build();
        for (int i = 0; i < requests; i++) {
            McpClientTransport transport = http ? streamableHttp(args[2], args[3]) : stdio(server);
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build()) {
                client.initialize();
                McpSchema.CallToolResult result = client.callTool(
                        new McpSchema.CallToolRequest("echo", Map.of("text", "req-" + i)));
                System.out.println("result " + i + " " + ((McpSchema.TextContent) result.content().get(0)).text());
            } catch (RuntimeException e) {
                System.out.println("error " + i + " " + e);
            }
        }
    }

    /** The Streamable HTTP transport came with SDK 0.11: built reflectively, so this compiles against 0.10 too. */
    private static McpClientTransport streamableHttp(String baseUrl, String endpoint) throws Exception {
        Class<?> transport = Class.forName("io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport");
        Object builder = transport.getMethod("builder", String.class).invoke(null, baseUrl);
        builder = builder.getClass().getMethod("endpoint", String.class).invoke(builder, endpoint);
        return (McpClientTransport) builder.getClass().getMethod("build").invoke(builder);
    }

    /** Up to SDK 0.12 the transport made its own JSON mapper; later ones are given the SDK's default mapper. */
    private static StdioClientTransport stdio(ServerParameters server) throws Exception {
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
