package dev.mcppool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class McpPoolCliTest {

    /** A pid above Linux's largest (2^22), so no process has it. */
    private static final String NO_SUCH_PID = "4194305";

    @Test
    void noArgumentsPrintsTheUsageAndExitsWithTwo() {
        Result result = run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("mcp-pool: no command given").contains(McpPoolCli.USAGE);
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        Result result = run("help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(McpPoolCli.USAGE).contains("attach <pid> [options]", "status <pid>", "list");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void unknownCommandIsNamedBeforeTheUsage() {
        Result result = run("detach", "42");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("mcp-pool: unknown command 'detach'" + System.lineSeparator())
                .contains(McpPoolCli.USAGE);
    }

    @Test
    void attachAndStatusNeedAPid() {
        assertThat(run("attach").err()).startsWith("mcp-pool: attach needs the pid of a JVM; `java -jar mcp-pool.jar"
                + " list` shows the JVMs you can attach to");
        assertThat(run("status").exitCode()).isEqualTo(2);
    }

    @Test
    void aPidThatIsNotAPositiveNumberIsMisuse() {
        for (String notAPid : new String[] {"abc", "12x", "0", "-5"}) {
            Result result = run("status", notAPid);

            assertThat(result.exitCode()).as(notAPid).isEqualTo(2);
            assertThat(result.err()).as(notAPid).startsWith("mcp-pool: '" + notAPid + "' is not a process id;"
                    + " `java -jar mcp-pool.jar list` shows the JVMs you can attach to");
        }
    }

    @Test
    void extraArgumentsAreMisuse() {
        assertThat(run("status", "42", "maxPerKey=4").err()).startsWith("mcp-pool: too many arguments for status");
        assertThat(run("attach", "42", "maxPerKey=4", "more").exitCode()).isEqualTo(2);
        assertThat(run("list", "42").exitCode()).isEqualTo(2);
    }

    @Test
    void aPidWithoutAProcessFailsWithOneClearLine() {
        Result result = run("status", NO_SUCH_PID);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("mcp-pool: no Java process with pid " + NO_SUCH_PID
                + "; `java -jar mcp-pool.jar list` shows the JVMs you can attach to" + System.lineSeparator());
    }

    @Test
    void attachRunOutsideTheAgentJarSaysHowToRunIt() {
        Result result = run("attach", NO_SUCH_PID);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("mcp-pool: attach loads the jar it runs from, but this runs from ")
                .endsWith("; run: java -jar mcp-pool.jar attach <pid>" + System.lineSeparator());
    }

    @Test
    void attachWithOptionsThatWouldLeaveTheJvmUnpooledTellsWhyAndDoesNotAttach() {
        Result result = run("attach", NO_SUCH_PID, "maxPerKey=0,maxWiat=3s");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(
                "mcp-pool: not attached: with these options JVM " + NO_SUCH_PID + " would run unpooled",
                "mcp-pool: invalid value '0' for option maxPerKey in agent options: expected a whole number of at"
                        + " least 1; pooling is disabled",
                "mcp-pool: unknown option 'maxWiat' in agent options; known options: enabled, maxPerKey, minIdle,"
                        + " prewarm, maxTotal, maxWait, validationTimeout, aliveBypassWindow, idleTimeout,"
                        + " maxLifetime, keepaliveTime, leakDetectionThreshold, breakerFailures, breakerCooldown,"
                        + " jmx, config, server.<pattern>.<option>; pooling is disabled");
    }

    @Test
    void whatDependsOnTheTargetJvmIsLeftForItToCheck() {
        // its config file (read from its working directory), and its own settings that minIdle=10 may fit (maxPerKey=16)
        for (String options : new String[] {"config=relative/to/the/target.properties,maxPerKey=4", "minIdle=10",
                "server.npx.minIdle=10"}) {
            Result result = run("attach", NO_SUCH_PID, options);

            assertThat(result.err()).as(options).startsWith("mcp-pool: attach loads the jar it runs from");
        }
    }

    @Test
    void aProcessThatIsNotAJvmIsNeverAttachedTo() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Result result = run("status", Long.toString(sleeper.pid()));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("mcp-pool: process " + sleeper.pid() + " is not a JVM you can attach"
                    + " to (not Java, started with -XX:+DisableAttachMechanism");
            assertThat(sleeper.isAlive()).as("not sent the SIGQUIT that starts a JVM's attach listener").isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void listShowsAHeaderAndNotItself() {
        Result result = run("list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        String self = Long.toString(ProcessHandle.current().pid());
        assertThat(result.out().lines()).noneMatch(line -> line.startsWith(self + " "));
        assertThat(result.out().lines().findFirst().orElseThrow())
                .matches("pid +command|no other JVM on this machine that you can attach to");
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = McpPoolCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
