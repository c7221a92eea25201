package dev.mcppool.pool;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns secret values into fingerprints that are equal for equal values within this JVM and say nothing about the
 * value: an HMAC under a random per-JVM key, so not even a weak password can be recovered from a fingerprint.
 */
public final class Secrets {

    private static final byte[] JVM_KEY = new SecureRandom().generateSeed(32);
    /** {@code Mac.getInstance} and {@code init} cost more than hashing a header value; a Mac is not thread-safe. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(Secrets::newMac);
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(token|secret|passw|pwd|api[-_]?key|auth|credential|bearer|cookie|private[-_]?key|header).*");
    private static final Pattern BEARER = Pattern.compile("(?i).*\\bbearer\\s+\\S+.*");

    private Secrets() {
    }

    /**
     * Every client build fingerprints the same header and environment values again; a bounded memo spares the HMAC. It
     * holds values the application holds anyway, and forgets them all when full (rotating credentials).
     */
    private static final int REMEMBERED_FINGERPRINTS = 1024;
    private static final ConcurrentMap<String, String> FINGERPRINTS = new ConcurrentHashMap<>();

    /** 12 hex digits of HMAC-SHA256(per-JVM key, value). */
    public static String fingerprint(String value) {
        String known = FINGERPRINTS.get(value);
        if (known != null) {
            return known;
        }
        byte[] digest = MAC.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        String computed = HexFormat.of().formatHex(digest, 0, 6);
        if (FINGERPRINTS.size() >= REMEMBERED_FINGERPRINTS) {
            FINGERPRINTS.clear();
        }
        FINGERPRINTS.put(value, computed);
        return computed;
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

    /**
     * Command-line arguments as they may be shown: the value of anything that looks like a credential — after a
     * flag such as {@code --api-key} or {@code --header}, in {@code token=…} or {@code Authorization: …} — is {@code ***}.
     */
    public static List<String> redactArguments(List<String> arguments) {
        List<String> shown = new ArrayList<>(arguments.size());
        boolean previousNamesSecret = false;
        for (String argument : arguments) {
            shown.add(previousNamesSecret ? "***" : redactArgument(argument));
            previousNamesSecret = argument.startsWith("-") && argument.indexOf('=') < 0
                    && SECRET_NAME.matcher(argument).matches();
        }
        return shown;
    }

    private static String redactArgument(String argument) {
        for (char separator : new char[] {'=', ':'}) {
            int at = argument.indexOf(separator);
            if (at > 0 && SECRET_NAME.matcher(argument.substring(0, at)).matches()) {
                return argument.substring(0, at + 1) + "***";
            }
        }
        return BEARER.matcher(argument).matches() ? "***" : argument;
    }
}
