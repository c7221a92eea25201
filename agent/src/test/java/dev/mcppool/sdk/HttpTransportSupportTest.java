package dev.mcppool.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpTransportSupportTest {

    @Test
    void labelKeepsHostAndPathButHidesUserInfoAndQueryValues() {
        assertThat(HttpTransportSupport.redacted(URI.create("https://bob:hunter2@mcp.example.com:8443/v1?key=abc"),
                "/mcp?token=xyz"))
                .isEqualTo("https://***@mcp.example.com:8443/v1?***/mcp?***");
        assertThat(HttpTransportSupport.redacted(URI.create("http://127.0.0.1:3001"), "/mcp"))
                .isEqualTo("http://127.0.0.1:3001/mcp");
    }
}
