package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the demo app in its own JVM, with or without the agent; output goes to files in a test folder. */
final class DemoRun implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private DemoRun(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static Builder withoutAgent() {
        return new Builder(null);
    }

    /** {@code agentOptions} may be empty: {@code -javaagent:mcp-pool.jar} with no option string. */
    static Builder withAgent(String agentOptions) {
        return new Builder(agentOptions);
    }

    static final class Builder {
        private final String agentOptions;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new HashMap<>();
        private String java = Artifacts.java();
        private Path jar = Artifacts.demoJar();
        private String classPath;
        private String mainClass = "dev.mcppool.demo.DemoApp";
        private boolean hold;
        private boolean interactive;

        private Builder(String agentOptions) {
            this.agentOptions = agentOptions;
        }

        boolean hasAgent() {
            return agentOptions != null;
        }

        Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        Builder args(String... values) {
            arguments.addAll(List.of(values));
            return this;
        }

        Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        Builder java(String javaExecutable) {
            this.java = javaExecutable;
            return this;
        }

        /** Runs the demo from another jar (the Spring Boot packaging). */
        Builder jar(Path demoJar) {
            this.jar = demoJar;
            return this;
        }

        /** Runs the demo's classes from {@code classPath} (an SDK release of the matrix) instead of its own jar. */
        Builder classPath(String classPath) {
            this.classPath = classPath;
            return this;
        }

        /** With {@link #classPath}: runs another application's main class (a legacy client) instead of the demo. */
        Builder mainClass(String mainClass) {
            this.mainClass = mainClass;
            return this;
        }

        /** Keeps stdin open: for {@code --batches} runs (see {@link DemoRun#startNextBatch()}) and {@link #hold()}. */
        Builder interactive() {
            this.interactive = true;
            return this;
        }

        /** Keeps the app alive after its report until {@link DemoRun#closeStdin()}. */
        Builder hold() {
            this.hold = true;
            return this;
        }

        DemoRun start(Path outputFolder, String name) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(java);
            if (agentOptions != null) {
                command.add("-javaagent:" + Artifacts.agentJar() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
            }
            command.addAll(jvmOptions);
            if (classPath == null) {
                command.add("-jar");
                command.add(jar.toString());
            } else {
                command.add("-cp");
                command.add(classPath);
                command.add(mainClass);
            }
            command.addAll(arguments);
            if (hold) {
                command.add("--hold");
            }
            Path stdout = outputFolder.resolve(name + ".out");
            Path stderr = outputFolder.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!hold && !interactive) {
                process.getOutputStream().close();
            }
            return new DemoRun(process, stdout, stderr);
        }

        /** Starts, waits for a normal exit within {@code limit}, and returns the report. */
        DemoReport run(Path outputFolder, String name, Duration limit) throws Exception {
            try (DemoRun run = start(outputFolder, name)) {
                run.awaitExit(limit);
                return run.report();
            }
        }
    }

    /** The demo's own stdio server processes that this app has running now. */
    List<ProcessHandle> ownStdioServers() {
        return process.descendants()
                .filter(p -> p.isAlive() && p.info().commandLine().orElse("").contains("server stdio"))
                .toList();
    }

    /** Waits at most {@code limit} until none of {@link #ownStdioServers()} is left; {@code which} names them. */
    void awaitNoOwnStdioServers(Duration limit, String which) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ownStdioServers().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ownStdioServers()).as(which).isEmpty();
    }

    /** Waits at most {@code limit} until stderr holds {@code marker} (log lines the agent writes later, e.g. leaks). */
    void awaitStderr(Duration limit, String marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!stderr().contains(marker) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits for the app to exit with status 0; a timeout kills it and fails the test. */
    void awaitExit(Duration limit) throws Exception {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the demo did not finish within " + limit + "; stderr:\n" + stderr());
        }
        assertThat(process.exitValue()).as("exit status; stderr:\n%s", stderr()).isZero();
    }

    /** Waits until the report is printed (for runs that hold the JVM open afterwards). */
    DemoReport awaitReport(Duration limit) throws Exception {
        return awaitReport(limit, "results-digest=", "throughput=");
    }

    /** Waits until the output holds every one of {@code markers} (for runs that hold the JVM open afterwards). */
    DemoReport awaitReport(Duration limit, String... markers) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String out = stdout();
            if (Arrays.stream(markers).allMatch(out::contains)) {
                Thread.sleep(200);
                return report();
            }
            if (!process.isAlive()) {
                throw new AssertionError("the demo exited before reporting; stderr:\n" + stderr());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no report within " + limit + "; stderr:\n" + stderr());
    }

    /** Waits for the report of batch {@code batch} of a {@code --batches} run. */
    DemoReport awaitBatchReport(int batch, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String section = batchSection(batch);
            if (section != null && section.contains("results-digest=")) {
                Thread.sleep(300);
                return DemoReport.parse(batchSection(batch), stderr());
            }
            if (!process.isAlive()) {
                throw new AssertionError("the demo exited before batch " + batch + "; stderr:\n" + stderr());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no report of batch " + batch + " within " + limit + "; stderr:\n" + stderr());
    }

    /** Lets a {@code --batches} run go on with its next batch. */
    void startNextBatch() throws IOException {
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
    }

    private String batchSection(int batch) throws IOException {
        String out = stdout();
        int start = out.indexOf("batch=" + batch + System.lineSeparator());
        if (start < 0) {
            return null;
        }
        int end = out.indexOf("waiting-for-batch=", start);
        return end < 0 ? out.substring(start) : out.substring(start, end);
    }

    DemoReport report() throws IOException {
        return DemoReport.parse(stdout(), stderr());
    }

    String stdout() throws IOException {
        return Files.readString(stdout);
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
