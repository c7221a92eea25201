package dev.mcppool.pool;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns secret values into fingerprints that are equal for equal values within this JVM and say nothing about the
 * value: an HMAC under a random per-JVM key, so not even a weak password can be recovered from a fingerprint.
 */
public final class Secrets {

    private static final byte[] JVM_KEY = new SecureRandom().generateSeed(32);

    private Secrets() {
    }

    /** 12 hex digits of HMAC-SHA256(per-JVM key, value). */
    public static String fingerprint(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(JVM_KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
