package dev.mcppool.jmx;

import dev.mcppool.pool.SessionView;
import javax.management.ConstructorParameters;

/**
 * One pooled session, as the sessions view lists it (mapped by JMX to a CompositeData). {@code processId} is the
 * stdio server's pid (null for HTTP); {@code sessionId} the shortened id an HTTP server gave the session (else null).
 */
public final class SessionInfo {

    private final String server;
    private final String fingerprint;
    private final String state;
    private final long ageMillis;
    private final long idleMillis;
    private final long timesLent;
    private final Long processId;
    private final String sessionId;

    @ConstructorParameters({"server", "fingerprint", "state", "ageMillis", "idleMillis", "timesLent", "processId",
            "sessionId"})
    public SessionInfo(String server, String fingerprint, String state, long ageMillis, long idleMillis,
                       long timesLent, Long processId, String sessionId) {
        this.server = server;
        this.fingerprint = fingerprint;
        this.state = state;
        this.ageMillis = ageMillis;
        this.idleMillis = idleMillis;
        this.timesLent = timesLent;
        this.processId = processId;
        this.sessionId = sessionId;
    }

    static SessionInfo of(SessionView view) {
        return new SessionInfo(view.key().label(), view.key().fingerprint(), view.leased() ? "leased" : "idle",
                view.age().toMillis(), view.idle().toMillis(), view.timesLent(),
                view.processId().isPresent() ? view.processId().getAsLong() : null, view.sessionId().orElse(null));
    }

    public String getServer() {
        return server;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    /** {@code idle} or {@code leased}. */
    public String getState() {
        return state;
    }

    public long getAgeMillis() {
        return ageMillis;
    }

    /** How long an idle session has waited since it was last returned; 0 while leased. */
    public long getIdleMillis() {
        return idleMillis;
    }

    public long getTimesLent() {
        return timesLent;
    }

    public Long getProcessId() {
        return processId;
    }

    public String getSessionId() {
        return sessionId;
    }
}
