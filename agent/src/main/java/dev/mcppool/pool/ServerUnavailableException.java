package dev.mcppool.pool;

/** New sessions for a server keep failing to start; creating more is refused for a cool-down (the breaker is open). */
public final class ServerUnavailableException extends RuntimeException {

    public ServerUnavailableException(String message) {
        super(message);
    }
}
