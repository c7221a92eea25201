package dev.mcppool.bench.endtoend;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Footprint and resource growth: each {@link ResourceCase} once, the per-request app with {@code --footprint}, no
 * warmup, so that the counts cover every call.
 */
final class ResourceRun {

    private final Artifacts artifacts;
    private final DemoLauncher launcher;
    private final Pace pace;
    private final PrintStream progress;

    ResourceRun(Artifacts artifacts, DemoLauncher launcher, Pace pace, PrintStream progress) {
        this.artifacts = artifacts;
        this.launcher = launcher;
        this.pace = pace;
        this.progress = progress;
    }

    List<ResourceResult> run() throws IOException, InterruptedException {
        List<ResourceResult> results = new ArrayList<>();
        for (ResourceCase resourceCase : ResourceCase.values()) {
            ResourceResult result = runCase(resourceCase);
            results.add(result);
            DemoReport report = result.run().report();
            String counts = report == null ? "no report" : String.format(Locale.ROOT,
                    "calls=%d errors=%d jvm-threads=%s open-fds=%s child-processes=%s server: %s", report.requests(),
                    report.errors(), report.counts().get("jvm-threads"), report.counts().get("open-fds"),
                    report.counts().get("child-processes"), result.serverCount());
            progress.println("[resources] " + resourceCase.label() + ": " + counts
                    + result.run().failure().map(failure -> " FAILED: " + failure.reason()).orElse(""));
        }
        return results;
    }

    private ResourceResult runCase(ResourceCase resourceCase) throws IOException, InterruptedException {
        String name = "resources-" + resourceCase.name().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> load = DemoArguments.concat(DemoArguments.load(resourceCase.threads, resourceCase.calls(pace), 0,
                resourceCase.duration(pace)), List.of("--footprint"));
        if (resourceCase.server == Scenario.Server.OWN) {
            return new ResourceResult(resourceCase, launcher.run(name, resourceCase.agent,
                    DemoArguments.concat(DemoArguments.ownServer(resourceCase.transport), load),
                    resourceCase.duration(pace).plus(ResourceCase.TIMEOUT_MARGIN), Map.of()), OptionalLong.empty());
        }
        Path spawnLog = launcher.runFolder().resolve(name + "-spawns.log");
        Files.deleteIfExists(spawnLog);
        String command = spawnCountingCommand(name, spawnLog);
        DemoRun run = launcher.run(name, resourceCase.agent,
                DemoArguments.concat(DemoArguments.everythingStdio(command), load),
                resourceCase.duration(pace).plus(ResourceCase.TIMEOUT_MARGIN), Map.of());
        long spawned = Files.exists(spawnLog) ? Files.readAllLines(spawnLog).size() : 0;
        return new ResourceResult(resourceCase, run, OptionalLong.of(spawned));
    }

    /** A script that logs {@code start <pid>} to {@code spawnLog} and then becomes server-everything over stdio. */
    private String spawnCountingCommand(String name, Path spawnLog) throws IOException {
        Path script = launcher.runFolder().resolve(name + "-server.sh").toAbsolutePath();
        if (script.toString().matches(".*\\s.*")) {
            throw new IOException("the demo splits --stdio at blanks, so the run folder must have none: " + script);
        }
        Files.writeString(script, String.join("\n", "#!/bin/sh",
                "echo \"start $$\" >> '" + spawnLog.toAbsolutePath() + "'",
                "exec " + artifacts.everythingStdioCommand(), ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }
}
