package dev.mcppool.bench.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Startup, footprint and resource growth as Markdown; a part that did not run says so. */
final class StartupAndResourcesReport {

    private final RunContext context;
    private final Pace pace;
    private final StartupResults startup;
    private final List<ResourceResult> resources;
    private final Duration resourcesTook;

    /** {@code startup} or {@code resources} are null when that part did not run. */
    StartupAndResourcesReport(RunContext context, Pace pace, StartupResults startup, List<ResourceResult> resources,
            Duration resourcesTook) {
        this.context = context;
        this.pace = pace;
        this.startup = startup;
        this.resources = resources;
        this.resourcesTook = resourcesTook;
    }

    String markdown() {
        StringBuilder markdown = new StringBuilder()
                .append("# Startup, footprint and resource growth without and with mcp-pool\n\n")
                .append(context.markdownHeader()).append('\n')
                .append("## Startup\n\n").append(startup == null ? notRun() : startupSection()).append('\n')
                .append("## Footprint\n\n").append(resources == null ? notRun() : footprintSection()).append('\n')
                .append("## Resource growth\n\n").append(resources == null ? notRun() : resourceSection());
        List<RunFailure> failures = new ArrayList<>();
        if (startup != null) {
            failures.addAll(startup.failures());
        }
        if (resources != null) {
            resources.forEach(result -> result.run().failure().ifPresent(failures::add));
        }
        if (!failures.isEmpty()) {
            markdown.append("\n## Failed runs\n\n");
            for (RunFailure failure : failures) {
                markdown.append("- `").append(failure.run()).append("`: ").append(failure.reason()).append('\n');
                if (!failure.errorLines().isEmpty()) {
                    markdown.append("\n  ```\n").append(failure.errorLines().stream().map(line -> "  " + line)
                            .collect(Collectors.joining("\n"))).append("\n  ```\n\n");
                }
            }
        }
        return markdown.toString();
    }

    String startupSection() {
        ToDoubleFunction<StartupSample> toMain = StartupSample::toMainMillis;
        ToDoubleFunction<StartupSample> toFirstCall = StartupSample::toFirstCallMillis;
        return "Each run: `java [-javaagent:agent/target/mcp-pool.jar=" + DemoLauncher.AGENT_OPTIONS
                + "] -jar demo-app/target/demo-app.jar "
                + String.join(" ", StartupRun.DEMO_ARGUMENTS) + "` (the demo's own HTTP server, inside its JVM, so"
                + " no server process adds noise), " + pace.startupRunsPerSide() + " runs without and "
                + pace.startupRunsPerSide() + " with the agent, alternating. The runner reads the wall clock right"
                + " before `ProcessBuilder.start()`; the demo prints `main-entered-at` (taken by the first statement"
                + " of `main`) and `batch-ended-at` (after its one call, which with the agent is its first pooled"
                + " call), both in epoch microseconds. Medians; extra = median with − median without"
                + " (this part took " + minutes(startup.took()) + ").\n\n"
                + "| from the JVM's spawn to | without agent, median ms | with agent, median ms | extra ms | target |\n"
                + "|---|--:|--:|--:|---|\n"
                + startupRow("`main` entered", toMain)
                + startupRow("first call returned", toFirstCall)
                + "\nEvery run, ms to `main` / to the first call's end: without the agent "
                + samples(false) + "; with the agent " + samples(true) + ".\n";
    }

    String footprintSection() {
        StringBuilder section = new StringBuilder("With `--footprint` the demo prints, each time after 3 ×"
                + " `System.gc()`, the heap in use (`MemoryMXBean`), its live threads and those named `mcp-pool*`"
                + " (the agent's): first thing in client mode, before any client or server exists (idle), and"
                + " after the last call.\n\n"
                + "| case | calls | heap idle MiB | heap after MiB | threads idle | threads after | agent threads"
                + " idle | agent threads after |\n|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (ResourceResult result : resources) {
            DemoReport report = result.run().report();
            if (report == null || report.footprintAtStart() == null || report.footprintAtEnd() == null) {
                section.append("| ").append(result.resourceCase().label()).append(" | ")
                        .append("no footprint lines |  |  |  |  |  |  |\n");
                continue;
            }
            DemoReport.Footprint idle = report.footprintAtStart();
            DemoReport.Footprint after = report.footprintAtEnd();
            section.append("| ").append(result.resourceCase().label()).append(" | ")
                    .append(Format.count(report.requests())).append(" | ")
                    .append(Format.mebibytes(idle.heapUsedBytes())).append(" | ")
                    .append(Format.mebibytes(after.heapUsedBytes())).append(" | ").append(idle.threads()).append(" | ")
                    .append(after.threads()).append(" | ").append(idle.agentThreads()).append(" | ")
                    .append(after.agentThreads()).append(" |\n");
        }
        agentCost().ifPresent(cost -> section.append('\n').append(cost).append('\n'));
        return section.toString();
    }

    String resourceSection() {
        StringBuilder section = new StringBuilder("The per-request app without warmup, so the counts cover every"
                + " call (this part, footprint included, took " + minutes(resourcesTook) + "). jvm-threads,"
                + " open-fds (of the demo JVM) and child-processes (alive) come from the demo's report right after"
                + " the calls, before the footprint line's garbage collection; the server column is what the demo's"
                + " own servers count (HTTP sessions created; stdio processes started and handshakes), or for"
                + " server-everything over stdio the processes a spawn-logging wrapper script counted. Each case"
                + " runs " + Format.count(pace.resourceCalls()) + " calls within at most "
                + pace.resourceDuration().toMinutes() + " min; server-everything over stdio without the agent spawns"
                + " a node process per call, so it runs at most " + Format.count(pace.spawningResourceCalls())
                + " calls within " + pace.spawningResourceDuration().toSeconds() + " s: the calls column says how"
                + " many ran.\n\n"
                + "| case | calls | errors | jvm-threads | open-fds | child-processes | server processes/sessions |\n"
                + "|---|--:|--:|--:|--:|--:|---|\n");
        for (ResourceResult result : resources) {
            DemoReport report = result.run().report();
            section.append("| ").append(result.resourceCase().label()).append(" | ");
            if (report == null) {
                section.append("— | — | — | — | — | — |\n");
                continue;
            }
            section.append(Format.count(report.requests())).append(" | ").append(report.errors()).append(" | ")
                    .append(count(report, "jvm-threads")).append(" | ").append(count(report, "open-fds"))
                    .append(" | ").append(count(report, "child-processes")).append(" | ")
                    .append(result.serverCount()).append(" |\n");
        }
        return section.toString();
    }

    /** The agent's extra heap and threads, idle and after the calls, from the two own-HTTP cases. */
    private Optional<String> agentCost() {
        Optional<DemoReport> without = report(ResourceCase.OWN_HTTP_WITHOUT_AGENT);
        Optional<DemoReport> with = report(ResourceCase.OWN_HTTP_WITH_AGENT);
        if (without.isEmpty() || with.isEmpty() || without.get().footprintAtEnd() == null
                || with.get().footprintAtEnd() == null || without.get().footprintAtStart() == null
                || with.get().footprintAtStart() == null) {
            return Optional.empty();
        }
        DemoReport plain = without.get();
        DemoReport agent = with.get();
        return Optional.of("The agent's cost (own HTTP server, 4 threads, per-request app; with − without): idle "
                + signedMebibytes(agent.footprintAtStart().heapUsedBytes() - plain.footprintAtStart().heapUsedBytes())
                + " MiB heap and " + signed(agent.footprintAtStart().threads() - plain.footprintAtStart().threads())
                + " threads; after " + Format.count(agent.requests()) + " / " + Format.count(plain.requests())
                + " calls " + signedMebibytes(agent.footprintAtEnd().heapUsedBytes()
                        - plain.footprintAtEnd().heapUsedBytes())
                + " MiB heap and " + signed(agent.footprintAtEnd().threads() - plain.footprintAtEnd().threads())
                + " threads.");
    }

    private Optional<DemoReport> report(ResourceCase resourceCase) {
        return resources.stream().filter(result -> result.resourceCase() == resourceCase)
                .map(result -> result.run().report()).filter(report -> report != null).findFirst();
    }

    private String startupRow(String label, ToDoubleFunction<StartupSample> measure) {
        Verdict verdict = startup.verdict(measure);
        return "| " + label + " | " + Format.millis(startup.median(false, measure)) + " | "
                + Format.millis(startup.median(true, measure)) + " | " + signedMillis(startup.extra(measure))
                + " | ≤ " + Format.number("%.0f", StartupResults.TARGET_EXTRA_MILLIS) + " ms: "
                + (verdict == Verdict.PASS ? "PASS" : "**" + verdict + "**") + " |\n";
    }

    private String samples(boolean agent) {
        double[] toMain = startup.values(agent, StartupSample::toMainMillis);
        double[] toFirstCall = startup.values(agent, StartupSample::toFirstCallMillis);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < toMain.length; i++) {
            pairs.add(Format.number("%.0f/%.0f", toMain[i], toFirstCall[i]));
        }
        return pairs.isEmpty() ? "none" : String.join(", ", pairs);
    }

    private static String count(DemoReport report, String key) {
        return report.count(key).isPresent() ? Format.count(report.count(key).getAsLong()) : Format.MISSING;
    }

    private static String signedMillis(double millis) {
        return Double.isNaN(millis) ? Format.MISSING : (millis >= 0 ? "+" : "−") + Format.millis(Math.abs(millis));
    }

    private static String signedMebibytes(long bytes) {
        return (bytes >= 0 ? "+" : "−") + Format.mebibytes(Math.abs(bytes));
    }

    private static String signed(long count) {
        return (count >= 0 ? "+" : "−") + Math.abs(count);
    }

    private static String minutes(Duration duration) {
        return Format.number("%.1f min", duration.toSeconds() / 60.0);
    }

    private static String notRun() {
        return "_Not run in this invocation (see `--only`)._\n";
    }
}
