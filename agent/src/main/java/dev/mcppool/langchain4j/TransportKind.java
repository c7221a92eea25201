package dev.mcppool.langchain4j;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** LangChain4j's MCP transports that the pool knows, by their builder class, with every builder setting it knows. */
enum TransportKind {

    STDIO("stdio.StdioMcpTransport", "stdio", "stdio", "command",
            Set.of("command", "environment", "logEvents", "logger", "executorService")),
    SSE("http.HttpMcpTransport", "sse", "sse", "sseUrl",
            Set.of("sseUrl", "customHeaders", "customHeadersSupplier", "timeout", "logRequests", "logResponses",
                    "logger")),
    STREAMABLE_HTTP("http.StreamableHttpMcpTransport", "streamable-http", "http", "url",
            Set.of("url", "customHeaders", "customHeadersSupplier", "timeout", "logRequests", "logResponses", "logger",
                    "executor", "sslContext", "forceHttpVersion1_1", "subsidiaryChannelEnabled", "followRedirects"));

    private static final String TRANSPORT_PACKAGE = "dev.langchain4j.mcp.client.transport.";

    private final String transportClass;
    private final String kind;
    private final String labelPrefix;
    private final String serverSetting;
    private final Set<String> knownSettings;

    TransportKind(String transportClass, String kind, String labelPrefix, String serverSetting,
                  Set<String> knownSettings) {
        this.transportClass = TRANSPORT_PACKAGE + transportClass;
        this.kind = kind;
        this.labelPrefix = labelPrefix;
        this.serverSetting = serverSetting;
        this.knownSettings = knownSettings;
    }

    static String[] builderClassNames() {
        return Arrays.stream(values()).map(TransportKind::builderClass).toArray(String[]::new);
    }

    static Optional<TransportKind> ofBuilder(Class<?> builderClass) {
        return Arrays.stream(values()).filter(kind -> kind.builderClass().equals(builderClass.getName())).findFirst();
    }

    String transportClass() {
        return transportClass;
    }

    String builderClass() {
        return transportClass + "$Builder";
    }

    /** As shown in keys and JMX: {@code stdio}, {@code sse} or {@code streamable-http}. */
    String kind() {
        return kind;
    }

    String labelPrefix() {
        return labelPrefix;
    }

    /** The builder setting that names the server: the command, or the URL. */
    String serverSetting() {
        return serverSetting;
    }

    boolean knows(String setting) {
        return knownSettings.contains(setting);
    }
}
