package dev.mcppool.bench.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/** What {@code java -version} of the demo JVMs says, on one line. */
final class ChildJvm {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ChildJvm() {
    }

    static String version(Artifacts artifacts, ProcessReaper reaper) throws IOException, InterruptedException {
        WatchedProcess process = reaper.start(new ProcessBuilder(artifacts.java().toString(), "-version")
                .redirectErrorStream(true));
        try {
            String output = new String(process.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT)) {
                throw new IOException("java -version did not end within " + TIMEOUT.toSeconds() + " s");
            }
            return output.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .collect(Collectors.joining("; "));
        } finally {
            reaper.release(process);
        }
    }
}
