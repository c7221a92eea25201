package dev.mcppool.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerUrlsTest {

    @Test
    void serverNameIsHostAndPortWhenGiven() {
        assertThat(ServerUrls.serverName(URI.create("https://bob:pw@mcp.example.com:8443/v1?key=abc")))
                .isEqualTo("mcp.example.com:8443");
        assertThat(ServerUrls.serverName(URI.create("https://mcp.example.com/v1"))).isEqualTo("mcp.example.com");
    }
}
