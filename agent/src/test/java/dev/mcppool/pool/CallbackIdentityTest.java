package dev.mcppool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CallbackIdentityTest {

    private record Credentials(String user, String token) {
    }

    private static Supplier<String> bearer(String token) {
        return () -> "Bearer " + token;
    }

    private static Supplier<String> basic(String token) {
        return () -> "Basic " + token;
    }

    private static Supplier<String> fromRecord(Credentials credentials) {
        return () -> credentials.user() + ":" + credentials.token();
    }

    private static Supplier<String> fromMap(Map<String, String> headers) {
        return () -> headers.get("Authorization");
    }

    @Test
    void lambdasFromOneCallSiteHoldingEqualValuesAreTheSameCallback() {
        assertThat(CallbackIdentity.of(bearer("s3cr3t-token"))).isEqualTo(CallbackIdentity.of(bearer(new String("s3cr3t-token"))));
        assertThat(CallbackIdentity.of(fromRecord(new Credentials("ann", "t1"))))
                .isEqualTo(CallbackIdentity.of(fromRecord(new Credentials("ann", "t1"))));
    }

    @Test
    void differentValuesOrDifferentCallSitesAreDifferentCallbacks() {
        assertThat(CallbackIdentity.of(bearer("token-a"))).isNotEqualTo(CallbackIdentity.of(bearer("token-b")));
        assertThat(CallbackIdentity.of(bearer("token-a"))).isNotEqualTo(CallbackIdentity.of(basic("token-a")));
        assertThat(CallbackIdentity.of(fromRecord(new Credentials("ann", "t1"))))
                .isNotEqualTo(CallbackIdentity.of(fromRecord(new Credentials("ann", "t2"))));
    }

    @Test
    void heldValuesAppearOnlyAsFingerprints() {
        assertThat(CallbackIdentity.of(bearer("s3cr3t-token"))).doesNotContain("s3cr3t");
        assertThat(CallbackIdentity.of(fromRecord(new Credentials("ann", "s3cr3t-token")))).doesNotContain("s3cr3t");
    }

    private static Supplier<String> fromChars(char[] token) {
        return () -> "Bearer " + new String(token);
    }

    @Test
    void arraysCountByTheirElements() {
        assertThat(CallbackIdentity.of(fromChars("alice".toCharArray())))
                .isEqualTo(CallbackIdentity.of(fromChars("alice".toCharArray())))
                .isNotEqualTo(CallbackIdentity.of(fromChars("bob".toCharArray())));
    }

    @Test
    void otherObjectsCountByInstance() {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "x"));
        assertThat(CallbackIdentity.of(fromMap(headers))).isEqualTo(CallbackIdentity.of(fromMap(headers)));
        assertThat(CallbackIdentity.of(fromMap(headers)))
                .isNotEqualTo(CallbackIdentity.of(fromMap(new HashMap<>(headers))));

        AtomicInteger counter = new AtomicInteger();
        Supplier<Object> holdsCounter = () -> counter;
        assertThat(CallbackIdentity.of(holdsCounter)).isEqualTo(CallbackIdentity.of(holdsCounter));
        assertThat(CallbackIdentity.of(new AtomicInteger())).isNotEqualTo(CallbackIdentity.of(new AtomicInteger()));
    }

    @Test
    void instancesOfAClassWithoutStateAreTheSameCallback() {
        assertThat(CallbackIdentity.of(new Object())).isEqualTo(CallbackIdentity.of(new Object()));
    }
}
