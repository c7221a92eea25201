package dev.mcppool.bench.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/** What {@code java -version} of the demo JVMs says, on one line. */
final class ChildJvm {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ChildJvm() {
    }

    /** Runs {@code java -version} with its output in {@code outputFile}. */
    static String version(Artifacts artifacts, ProcessReaper reaper, Path outputFile)
            throws IOException, InterruptedException {
        WatchedProcess process = reaper.start(new ProcessBuilder(artifacts.java().toString(), "-version")
                .redirectErrorStream(true).redirectOutput(outputFile.toFile()));
        try {
            if (!process.waitFor(TIMEOUT)) {
                throw new IOException("java -version did not end within " + TIMEOUT.toSeconds() + " s");
            }
        } finally {
            reaper.release(process);
        }
        return new String(Files.readAllBytes(outputFile), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).collect(Collectors.joining("; "));
    }
}
