import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import java.util.Arrays;
import java.util.List;

/**
 * A per-request LangChain4j MCP application, compiled by the it-tests against each langchain4j-mcp release of the
 * matrix: every request builds a transport and a DefaultMcpClient (which connects), calls server-everything's echo
 * tool once and closes the client. Prints {@code result <i> <text>} per request, then {@code tools <n>} from one more
 * client's listTools() and {@code closed-call <exception>} for a call after close().
 *
 * <p>Usage: {@code <requests> stdio <command...>} | {@code <requests> http <url>} | {@code <requests> sse <url>}.
 * Transports newer than the oldest release are built reflectively, so that this compiles against every release.
 */
public class Langchain4jProbe {

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        String kind = args[1];
        List<String> target = Arrays.asList(args).subList(2, args.length);
        for (int i = 0; i < requests; i++) {
            McpClient client = new DefaultMcpClient.Builder().transport(transport(kind, target)).build();
            try {
                Object result = client.executeTool(ToolExecutionRequest.builder().name("echo")
                        .arguments("{\"message\":\"req-" + i + "\"}").build());
                System.out.println("result " + i + " " + text(result));
            } finally {
                client.close();
            }
        }
        McpClient client = new DefaultMcpClient.Builder().transport(transport(kind, target)).build();
        System.out.println("tools " + client.listTools().size());
        client.close();
        try {
            client.listTools();
            System.out.println("closed-call none");
        } catch (RuntimeException e) {
            System.out.println("closed-call " + e.getClass().getName());
        }
    }

    private static McpTransport transport(String kind, List<String> target) throws Exception {
        if (kind.equals("stdio")) {
            return new StdioMcpTransport.Builder().command(target).logEvents(false).build();
        }
        String className = kind.equals("http") ? "dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport"
                : "dev.langchain4j.mcp.client.transport.http.HttpMcpTransport";
        Object builder = Class.forName(className + "$Builder").getConstructor().newInstance();
        builder.getClass().getMethod(kind.equals("http") ? "url" : "sseUrl", String.class).invoke(builder, target.get(0));
        return (McpTransport) builder.getClass().getMethod("build").invoke(builder);
    }

    /** executeTool returns a String up to 1.4 and a ToolExecutionResult from 1.10 on. */
    private static String text(Object result) throws Exception {
        return result instanceof String text ? text : (String) result.getClass().getMethod("resultText").invoke(result);
    }
}
