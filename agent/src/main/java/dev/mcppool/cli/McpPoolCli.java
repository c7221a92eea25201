package dev.mcppool.cli;

import dev.mcppool.config.PoolOptions;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar mcp-pool.jar attach|status|list}: loads the agent into a running JVM and shows its pool. Besides
 * the JDK (the attach API and JMX) it uses only the agent's option checks, so it starts nothing, here or in the target.
 */
public final class McpPoolCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int MISUSE = 2;

    static final String USAGE = """
            usage: java -jar mcp-pool.jar <command>

              attach <pid> [options]  load the agent into a running JVM, with the options that would follow
                                      -javaagent:mcp-pool.jar=, e.g. attach 4242 maxPerKey=4,maxWait=3s
              status <pid>            show the session pool of a JVM that runs the agent (read-only, over JMX)
              list                    list the JVMs on this machine that you can attach to
              help                    show this text

            To start an application with the agent instead: java -javaagent:mcp-pool.jar[=options] -jar app.jar
            """;

    private McpPoolCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and answers its exit code: 0 done, 1 failed, 2 the command line is wrong. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw CliFailure.misuse("no command given");
            }
            switch (args[0]) {
                case "attach" -> attach(args, out);
                case "status" -> status(args, out);
                case "list" -> list(args, out);
                case "help", "-h", "--help" -> out.print(USAGE);
                default -> throw CliFailure.misuse("unknown command '" + args[0] + "'");
            }
            return OK;
        } catch (CliFailure failure) {
            err.println("mcp-pool: " + failure.getMessage());
            if (failure.showUsage()) {
                err.println();
                err.print(USAGE);
            }
            return failure.exitCode();
        }
    }

    private static void attach(String[] args, PrintStream out) throws CliFailure {
        expectArguments(args, 1, 2);
        long pid = pid(args);
        String options = args.length == 3 ? args[2] : null;
        List<String> problems = PoolOptions.problemsIn(options);
        if (!problems.isEmpty()) {
            throw CliFailure.invalidOptions("not attached: with these options JVM " + pid + " would run unpooled"
                    + System.lineSeparator() + String.join(System.lineSeparator(), problems));
        }
        requireModule("jdk.attach");
        JvmAttach.loadAgent(pid, thisJar(), options);
        out.println("mcp-pool loaded into JVM " + pid + " (its log says whether pooling started); see the pool with:"
                + " java -jar mcp-pool.jar status " + pid);
    }

    private static void status(String[] args, PrintStream out) throws CliFailure {
        expectArguments(args, 1, 1);
        long pid = pid(args);
        requireModule("jdk.attach");
        requireModule("java.management.rmi");
        Optional<PoolSnapshot> pool = JvmAttach.readJmx(pid, PoolSnapshot::read);
        if (pool.isEmpty()) {
            throw CliFailure.failed("JVM " + pid + " has no mcp-pool agent (start it with -javaagent:mcp-pool.jar or"
                    + " run: java -jar mcp-pool.jar attach " + pid + ")");
        }
        StatusReport.lines(pid, pool.get()).forEach(out::println);
    }

    private static void list(String[] args, PrintStream out) throws CliFailure {
        expectArguments(args, 0, 0);
        requireModule("jdk.attach");
        List<JvmAttach.LocalJvm> jvms = JvmAttach.localJvms();
        if (jvms.isEmpty()) {
            out.println("no other JVM on this machine that you can attach to");
            return;
        }
        List<List<Object>> rows = jvms.stream()
                .map(jvm -> Arrays.<Object>asList(jvm.pid(), jvm.displayName()))
                .toList();
        TextTable.lines(List.of("pid", "command"), rows).forEach(out::println);
    }

    private static void expectArguments(String[] args, int least, int most) throws CliFailure {
        int given = args.length - 1;
        if (given > most) {
            throw CliFailure.misuse("too many arguments for " + args[0]);
        }
        if (given < least) {
            throw CliFailure.misuse(args[0] + " needs the pid of a JVM; " + JvmAttach.LIST_HINT);
        }
    }

    private static long pid(String[] args) throws CliFailure {
        try {
            long pid = Long.parseLong(args[1]);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like zero and negative numbers
        }
        throw CliFailure.misuse("'" + args[1] + "' is not a process id; " + JvmAttach.LIST_HINT);
    }

    /** The attach API and JMX's RMI connector are optional modules: a JRE or a jlink image may lack them. */
    private static void requireModule(String module) throws CliFailure {
        if (ModuleLayer.boot().findModule(module).isEmpty()) {
            throw CliFailure.failed("this Java runtime (" + System.getProperty("java.home") + ") has no " + module
                    + " module; run mcp-pool.jar with the java of a full JDK");
        }
    }

    /** The target JVM loads the agent from the jar this command runs from. */
    private static Path thisJar() throws CliFailure {
        Path location;
        try {
            location = Path.of(McpPoolCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw CliFailure.failed("cannot tell which jar this command runs from (" + e + ")");
        }
        if (!Files.isRegularFile(location)) {
            throw CliFailure.failed("attach loads the jar it runs from, but this runs from " + location
                    + "; run: java -jar mcp-pool.jar attach <pid>");
        }
        return location.toAbsolutePath();
    }
}
