package dev.mcppool.pool;

/** Creates a new session for the borrower that found no idle one; supplied with each borrow. */
@FunctionalInterface
public interface SessionCreator {

    PooledSession create() throws Exception;
}
