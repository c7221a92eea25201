package dev.mcppool.pool;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** A live, library-specific MCP session the pool lends out. Implemented by each client library's adapter. */
public interface PooledSession {

    /** Cheap local check: the server process is alive / the HTTP session is not closed, and the client is initialized. */
    boolean isUsable();

    /** Sends an MCP {@code ping} and waits at most {@code timeout} for the answer. */
    boolean ping(Duration timeout);

    /** Starts a graceful close (SIGTERM for stdio, DELETE for HTTP) without waiting for it. */
    void close();

    /** Closes within {@code grace}, then kills the server process and its descendants if they are still alive. */
    void terminate(Duration grace);

    /** Whether nothing of the session is left (process exited, HTTP session closed). */
    boolean isTerminated();

    /** The id of the server process (stdio), for operators to find it with {@code ps}; empty without a process. */
    OptionalLong processId();

    /** The id the server gave the session (Streamable HTTP); empty when there is none. Shown only shortened. */
    Optional<String> sessionId();
}
