package dev.mcppool.bench.endtoend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the runs need from the build: the JVM, the agent and demo jars, and the npm server-everything. */
record Artifacts(Path java, Path agentJar, Path demoJar, Path everythingEntry, Path loopbackPreload, Path workFolder) {

    /**
     * The artifacts below the repository root {@code root}; runs keep their output in
     * {@code bench/target/end-to-end/}.
     *
     * @throws IllegalStateException naming what is missing (the script builds all of it)
     */
    static Artifacts locate(Path root) {
        Path npm = root.resolve("it-tests/npm");
        Artifacts artifacts = new Artifacts(Path.of(System.getProperty("java.home"), "bin", "java"),
                root.resolve("agent/target/mcp-pool.jar"), root.resolve("demo-app/target/demo-app.jar"),
                npm.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js"),
                npm.resolve("loopback-only.cjs"), root.resolve("bench/target/end-to-end"));
        List<String> missing = new ArrayList<>();
        for (Path path : List.of(artifacts.java, artifacts.agentJar, artifacts.demoJar, artifacts.everythingEntry,
                artifacts.loopbackPreload)) {
            if (!Files.isRegularFile(path)) {
                missing.add(path.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing " + String.join(", ", missing)
                    + " (bench/run-end-to-end.sh builds them; run it from the repository root)");
        }
        if (artifacts.everythingEntry.toAbsolutePath().toString().matches(".*\\s.*")) {
            // the demo splits its --stdio command line at blanks
            throw new IllegalStateException("the path of server-everything must not contain blanks: "
                    + artifacts.everythingEntry.toAbsolutePath());
        }
        return artifacts;
    }

    /** The {@code --stdio} command line that runs server-everything over stdio. */
    String everythingStdioCommand() {
        return "node " + everythingEntry.toAbsolutePath() + " stdio";
    }
}
