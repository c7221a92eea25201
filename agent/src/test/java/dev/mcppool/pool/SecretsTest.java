package dev.mcppool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void digestsAreStableAndRevealNothing() {
        // the secret is not hexadecimal, so a random digest cannot contain it by chance
        assertThat(Secrets.digest("Bearer s3cret")).isEqualTo(Secrets.digest("Bearer s3cret"))
                .isNotEqualTo(Secrets.digest("Bearer s3cres"))
                .matches("[0-9a-f]{32}")
                .doesNotContain("s3cret");
    }

    @Test
    void aFingerprintIsTheShownStartOfTheDigest() {
        assertThat(Secrets.fingerprint("Bearer s3cret")).matches("[0-9a-f]{12}")
                .isEqualTo(Secrets.digest("Bearer s3cret").substring(0, 12));
    }
}
