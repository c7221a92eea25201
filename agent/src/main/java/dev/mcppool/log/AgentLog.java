package dev.mcppool.log;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The agent's logging: {@link System.Logger} named {@code dev.mcppool}, so the application's own backend decides where it goes. */
public final class AgentLog {

    private static final System.Logger LOGGER = System.getLogger("dev.mcppool");
    private static final Set<String> ALREADY_LOGGED = ConcurrentHashMap.newKeySet();

    private AgentLog() {
    }

    public static void info(String message) {
        LOGGER.log(Level.INFO, message);
    }

    public static void warn(String message) {
        LOGGER.log(Level.WARNING, message);
    }

    public static void warn(String message, Throwable cause) {
        LOGGER.log(Level.WARNING, message, cause);
    }

    public static void debug(String message) {
        LOGGER.log(Level.DEBUG, message);
    }

    /** Logs {@code message} at WARNING the first time it is seen in this JVM, so a repeated cause is one line, not a flood. */
    public static void warnOnce(String message) {
        if (ALREADY_LOGGED.add(message)) {
            LOGGER.log(Level.WARNING, message);
        }
    }

    /** Like {@link #warnOnce(String)}, at INFO. */
    public static void infoOnce(String message) {
        if (ALREADY_LOGGED.add(message)) {
            LOGGER.log(Level.INFO, message);
        }
    }
}
