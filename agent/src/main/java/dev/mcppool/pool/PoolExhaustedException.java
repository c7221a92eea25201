package dev.mcppool.pool;

/** No session for a server became free within the configured maximum wait. */
public final class PoolExhaustedException extends RuntimeException {

    public PoolExhaustedException(String message) {
        super(message);
    }
}
