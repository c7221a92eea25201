package dev.mcppool.springai;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring AI application as its users write it: the MCP client starter builds the clients from
 * {@code spring.ai.mcp.client.*} properties; this app lists each server's tools and calls {@code echo} a few times,
 * printing what it got, then exits.
 */
@SpringBootApplication
public class SpringAiMcpApp {

    public static void main(String[] args) {
        SpringApplication.run(SpringAiMcpApp.class, args).close();
    }

    @Bean
    CommandLineRunner useTheMcpServers(List<McpSyncClient> clients) {
        return args -> {
            for (McpSyncClient client : clients) {
                List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
                System.out.println("app: server " + client.getServerInfo().name() + " tools " + tools);
                for (int i = 0; i < 3; i++) {
                    McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("echo")
                            .arguments(Map.of("text", "spring-ai-" + i)).build());
                    System.out.println("app: echo " + ((McpSchema.TextContent) result.content().get(0)).text());
                }
            }
        };
    }
}
