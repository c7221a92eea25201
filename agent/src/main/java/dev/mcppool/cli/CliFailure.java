package dev.mcppool.cli;

/** An expected way for a command to fail, told to the user as one line and an exit code, never as a stack trace. */
final class CliFailure extends Exception {

    private final int exitCode;
    private final boolean showUsage;

    private CliFailure(String message, int exitCode, boolean showUsage) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.showUsage = showUsage;
    }

    /** The command line itself is wrong: exit code 2, followed by the usage text. */
    static CliFailure misuse(String message) {
        return new CliFailure(message, McpPoolCli.MISUSE, true);
    }

    /** The options given to pass on are wrong: exit code 2, the problems only (the usage would hide them). */
    static CliFailure invalidOptions(String message) {
        return new CliFailure(message, McpPoolCli.MISUSE, false);
    }

    /** The command was understood but could not be done: exit code 1. */
    static CliFailure failed(String message) {
        return new CliFailure(message, McpPoolCli.FAILED, false);
    }

    int exitCode() {
        return exitCode;
    }

    boolean showUsage() {
        return showUsage;
    }
}
