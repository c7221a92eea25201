package dev.mcppool.pool;

/**
 * Creates a new session: for the borrower that found no idle one (supplied with each borrow; the session starts on
 * its first request), or from a key's template (to keep minIdle sessions warm; {@link #start} starts its server).
 */
@FunctionalInterface
public interface SessionCreator {

    /** Builds the session; a template's session is not started yet, so that the pool can register it first. */
    PooledSession create() throws Exception;

    /**
     * Starts the server of a session {@link #create()} just built, when it must be started before it is lent (a warm
     * session). The pool has registered the session for termination by then, so that a JVM exiting during the start
     * ends that server too. A borrower's session starts on its first request instead: by default nothing is done.
     */
    default void start(PooledSession session) throws Exception {
    }
}
