package dev.mcppool.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void credentialsInArgumentsAreHiddenAndEverythingElseIsShown() {
        assertThat(Redaction.commandLine("npx", List.of("-y", "mcp-remote", "https://example.com/mcp",
                "--header", "Authorization: Bearer s3cret", "--api-key", "k1", "token=t1", "X-Api-Key:k2",
                "--token=https://example.com/t2", "--password=pw", "--token", "t3", "--verbose", "server.js",
                "Bearer s4")))
                .isEqualTo("npx -y mcp-remote https://example.com/mcp --header *** --api-key *** token=***"
                        + " X-Api-Key:*** --token=*** --password=*** --token *** --verbose server.js ***");
    }

    @Test
    void theUserInfoQueryAndFragmentOfAUriAnywhereInAnArgumentAreHiddenAndTheRestIsShown() {
        assertThat(Redaction.commandLine("uvx", List.of("postgresql://app:pw@db/prod", "redis://:pw@cache:6379/0",
                "--db=mongodb+srv://app:p@ss@cluster0.example.net/shop?retryWrites=true",
                "jdbc:postgresql://db:5432/prod?user=app&password=pw", "https://example.com/mcp#sig=pw",
                "connect to http://u:pw@h/x now", "file:///srv/data", "host:5432")))
                .isEqualTo("uvx postgresql://***@db/prod redis://***@cache:6379/0"
                        + " --db=mongodb+srv://***@cluster0.example.net/shop?***"
                        + " jdbc:postgresql://db:5432/prod?*** https://example.com/mcp#***"
                        + " connect to http://***@h/x now file:///srv/data host:5432");
    }

    @Test
    void aPasswordPairAnywhereInAConnectionStringIsHidden() {
        assertThat(Redaction.commandLine("uvx", List.of("--db=jdbc:sqlserver://db;user=app;password=pw",
                "host=db user=app password=pw2", "Server=db;User Id=app;Password=pw3;", "--timeout=30")))
                .isEqualTo("uvx --db=jdbc:sqlserver://db;user=app;password=***"
                        + " host=db user=app password=*** Server=db;User Id=app;Password=***; --timeout=30");
    }

    @Test
    void aUrlShowsSchemeHostPortAndPathButNeitherUserInfoNorQueryNorFragment() {
        assertThat(Redaction.url(URI.create("https://bob:hunter2@mcp.example.com:8443/v1?key=abc"), "/mcp?token=xyz"))
                .isEqualTo("https://***@mcp.example.com:8443/v1?***/mcp?***");
        assertThat(Redaction.url(URI.create("http://127.0.0.1:3001"), "/mcp")).isEqualTo("http://127.0.0.1:3001/mcp");
        assertThat(Redaction.url(URI.create("https://[::1]:8443/mcp#token=abc"), ""))
                .isEqualTo("https://[::1]:8443/mcp#***");
        assertThat(Redaction.url(URI.create("https://mcp.example.com"), "/mcp#sig=abc"))
                .isEqualTo("https://mcp.example.com/mcp#***");
    }
}
