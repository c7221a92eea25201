package dev.mcppool.pool;

/**
 * Creates a new session: for the borrower that found no idle one (supplied with each borrow; the session starts on
 * its first request), or from a key's template (to keep minIdle sessions warm; the session is started already).
 */
@FunctionalInterface
public interface SessionCreator {

    PooledSession create() throws Exception;
}
