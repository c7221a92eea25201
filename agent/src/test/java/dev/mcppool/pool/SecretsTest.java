package dev.mcppool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void fingerprintsAreStableAndRevealNothing() {
        // the secret is not hexadecimal, so a random fingerprint cannot contain it by chance
        assertThat(Secrets.fingerprint("Bearer s3cret")).isEqualTo(Secrets.fingerprint("Bearer s3cret"))
                .isNotEqualTo(Secrets.fingerprint("Bearer s3cres"))
                .matches("[0-9a-f]{12}")
                .doesNotContain("s3cret");
    }

    @Test
    void credentialsInArgumentsAreHiddenAndEverythingElseIsShown() {
        assertThat(Secrets.redactArguments(List.of("-y", "mcp-remote", "https://example.com/mcp",
                "--header", "Authorization: Bearer s3cret", "--api-key", "k1", "token=t1", "X-Api-Key:k2",
                "--verbose", "server.js", "Bearer s4")))
                .containsExactly("-y", "mcp-remote", "https://example.com/mcp",
                        "--header", "***", "--api-key", "***", "token=***", "X-Api-Key:***",
                        "--verbose", "server.js", "***");
    }
}
