package dev.mcppool.langchain4j;

/**
 * What the library threw while a pooled session connected: the application gets it from {@code build()}, as it would
 * have without the agent. Anything else that fails is the agent's, and makes the client run unpooled.
 */
final class ConnectFailure extends Exception {

    ConnectFailure(Throwable libraryFailure) {
        super(libraryFailure);
    }

    /** The library's exception, if {@code failure} or one of its causes is a connect failure. */
    static Throwable libraryFailureIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectFailure connectFailure) {
                return connectFailure.getCause();
            }
        }
        return null;
    }
}
