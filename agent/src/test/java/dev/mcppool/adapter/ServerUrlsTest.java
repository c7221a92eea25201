package dev.mcppool.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerUrlsTest {

    @Test
    void labelKeepsHostAndPathButHidesUserInfoAndQueryValues() {
        assertThat(ServerUrls.redacted(URI.create("https://bob:hunter2@mcp.example.com:8443/v1/mcp?token=xyz")))
                .isEqualTo("https://***@mcp.example.com:8443/v1/mcp?***");
        assertThat(ServerUrls.redacted(URI.create("http://127.0.0.1:3001/mcp")))
                .isEqualTo("http://127.0.0.1:3001/mcp");
    }

    @Test
    void serverNameIsHostAndPortWhenGiven() {
        assertThat(ServerUrls.serverName(URI.create("https://bob:pw@mcp.example.com:8443/v1?key=abc")))
                .isEqualTo("mcp.example.com:8443");
        assertThat(ServerUrls.serverName(URI.create("https://mcp.example.com/v1"))).isEqualTo("mcp.example.com");
    }
}
