package dev.mcppool.pool;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns secret values into digests that are equal for equal values within this JVM and say nothing about the value:
 * an HMAC under a random per-JVM key, so not even a weak password can be recovered from a digest.
 */
public final class Secrets {

    private static final byte[] JVM_KEY = new SecureRandom().generateSeed(32);
    /** {@code Mac.getInstance} and {@code init} cost more than hashing a header value; a Mac is not thread-safe. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(Secrets::newMac);

    private Secrets() {
    }

    /**
     * Every client build digests the same header and environment values again; a bounded memo spares the HMAC. It
     * holds values the application holds anyway, and forgets them all when full (rotating credentials).
     */
    private static final int REMEMBERED_DIGESTS = 1024;
    private static final ConcurrentMap<String, String> DIGESTS = new ConcurrentHashMap<>();
    private static final int DIGEST_BYTES = 16;
    private static final int FINGERPRINT_DIGITS = 12;

    /**
     * 32 hex digits (128 bits) of HMAC-SHA256(per-JVM key, value): the form of a secret in a pool key, long enough
     * that two different credentials never make equal keys (with 48 bits, a service seeing many tokens would).
     */
    public static String digest(String value) {
        String known = DIGESTS.get(value);
        if (known != null) {
            return known;
        }
        byte[] mac = MAC.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        String computed = HexFormat.of().formatHex(mac, 0, DIGEST_BYTES);
        if (DIGESTS.size() >= REMEMBERED_DIGESTS) {
            DIGESTS.clear();
        }
        DIGESTS.put(value, computed);
        return computed;
    }

    /** The first 12 hex digits of {@link #digest}: short enough to show and to type, only ever for people. */
    public static String fingerprint(String value) {
        return digest(value).substring(0, FINGERPRINT_DIGITS);
    }

    private static Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(JVM_KEY, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
