package dev.mcppool.bench.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The end-to-end part as Markdown: context, method, the latency table, the ratio table and the targets' outcome. */
final class EndToEndReport {

    private final RunContext context;
    private final EndToEndResults results;
    private final String chartFile;

    EndToEndReport(RunContext context, EndToEndResults results, String chartFile) {
        this.context = context;
        this.results = results;
        this.chartFile = chartFile;
    }

    String markdown() {
        StringBuilder markdown = new StringBuilder()
                .append("# End-to-end: a per-request MCP client app without and with mcp-pool\n\n")
                .append(context.markdownHeader())
                .append("- This part took ").append(Format.number("%.1f", results.took().toSeconds() / 60.0))
                .append(" min\n\n")
                .append("## Method\n\n").append(method()).append('\n')
                .append("## Latency and throughput\n\n").append(latencyTable()).append('\n')
                .append("![p50 latency per scenario and mode, log scale](").append(chartFile).append(")\n\n")
                .append("## Ratios and targets\n\n").append(ratioTable()).append('\n')
                .append(summary()).append('\n');
        String failures = failures();
        if (!failures.isEmpty()) {
            markdown.append("\n## Failed runs\n\n").append(failures);
        }
        return markdown.toString();
    }

    String latencyTable() {
        StringBuilder table = new StringBuilder(
                "| server | transport | threads | mode | requests | errors | p50 ms | p99 ms | calls/s |\n"
                        + "|---|---|--:|---|--:|--:|--:|--:|--:|\n");
        results.cells().forEach((scenario, byMode) -> byMode.forEach((mode, cell) -> table.append("| ")
                .append(scenario.server().label).append(" | ").append(scenario.transport().label).append(" | ")
                .append(scenario.threads()).append(" | ").append(mode.title())
                .append(cell.failed() ? " **FAILED**" : "").append(" | ")
                .append(Format.count(cell.requests())).append(" | ").append(errors(cell)).append(" | ")
                .append(Format.millis(cell.p50Millis())).append(" | ").append(Format.millis(cell.p99Millis()))
                .append(" | ").append(Format.rate(cell.callsPerSecond())).append(" |\n")));
        return table.toString();
    }

    String ratioTable() {
        StringBuilder table = new StringBuilder(
                "| server | transport | threads | a/b p50 | a/b p99 | calls/s b/a | target a/b p50 | b/c p50 | b/c p99"
                        + " | target b/c p50 |\n|---|---|--:|--:|--:|--:|---|--:|--:|---|\n");
        for (ScenarioRatios ratios : results.ratios()) {
            Scenario scenario = ratios.scenario();
            table.append("| ").append(scenario.server().label).append(" | ").append(scenario.transport().label)
                    .append(" | ").append(scenario.threads()).append(" | ").append(Format.ratio(ratios.aOverBP50()))
                    .append(" | ").append(Format.ratio(ratios.aOverBP99())).append(" | ")
                    .append(Format.ratio(ratios.bOverACallsPerSecond())).append(" | ")
                    .append(poolingTarget(scenario.transport())).append(": ").append(verdict(ratios.pooling())).append(" | ")
                    .append(Format.ratio(ratios.bOverCP50())).append(" | ").append(Format.ratio(ratios.bOverCP99()))
                    .append(" | ").append(overheadTarget()).append(": ").append(verdict(ratios.overhead()))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** One line: how many targets passed, and which missed or could not be judged. */
    String summary() {
        List<String> misses = new ArrayList<>();
        int targets = 0;
        int passed = 0;
        for (ScenarioRatios ratios : results.ratios()) {
            targets += 2;
            String where = ratios.scenario().label();
            if (ratios.pooling() == Verdict.PASS) {
                passed++;
            } else {
                misses.add(where + ": a/b p50 " + Format.ratio(ratios.aOverBP50()) + " (target "
                        + poolingTarget(ratios.scenario().transport()) + ")" + failedSuffix(ratios.pooling()));
            }
            if (ratios.overhead() == Verdict.PASS) {
                passed++;
            } else {
                misses.add(where + ": b/c p50 " + Format.ratio(ratios.bOverCP50()) + " (target " + overheadTarget()
                        + ")" + failedSuffix(ratios.overhead()));
            }
        }
        String head = "**Targets: " + passed + " of " + targets + " PASS.**";
        return (misses.isEmpty() ? head : head + " Missed or failed: " + String.join("; ", misses) + ".")
                + warmupErrors() + "\n";
    }

    /** Warmup errors do not fail a cell, but are worth knowing: {@code  Warmup errors: <where> <n>; ...}. */
    private String warmupErrors() {
        List<String> erring = new ArrayList<>();
        results.cells().forEach((scenario, byMode) -> byMode.forEach((mode, cell) -> {
            if (cell.warmupErrors() > 0) {
                erring.add(scenario.label() + " " + mode.letter + ": " + cell.warmupErrors() + " of "
                        + cell.warmupRequests());
            }
        }));
        return erring.isEmpty() ? "" : " Warmup errors (not measured): " + String.join("; ", erring) + ".";
    }

    private String method() {
        Pace pace = results.pace();
        Workload stdioA1 = workload(Scenario.Transport.STDIO, 1, Mode.PER_REQUEST);
        Workload stdioA16 = workload(Scenario.Transport.STDIO, 16, Mode.PER_REQUEST);
        Workload httpA1 = workload(Scenario.Transport.HTTP, 1, Mode.PER_REQUEST);
        Workload httpA16 = workload(Scenario.Transport.HTTP, 16, Mode.PER_REQUEST);
        Workload reusing1 = workload(Scenario.Transport.HTTP, 1, Mode.POOLED);
        Workload reusing16 = workload(Scenario.Transport.HTTP, 16, Mode.POOLED);
        return "- Modes, each run in a JVM of its own (`java [-javaagent:agent/target/mcp-pool.jar] -jar"
                + " demo-app/target/demo-app.jar ... --request-timeout " + DemoArguments.REQUEST_TIMEOUT
                + "`, official MCP Java SDK, sync client; the timeout also bounds initialization):\n"
                + "  - **a**: the per-request app (`--clients per-request`: per call a new transport and client,"
                + " `initialize`, `callTool`, `close`), no agent\n"
                + "  - **b**: the same app with the agent (`-javaagent:agent/target/mcp-pool.jar="
                + DemoLauncher.AGENT_OPTIONS + "`: as many sessions as c has clients, and time for 16 server JVMs"
                + " starting at once)\n"
                + "  - **c**: the app rewritten by hand, one long-lived client per worker thread"
                + " (`--clients per-thread`), no agent: the limit pooling can approach\n"
                + "- Scenarios: transport {stdio, Streamable HTTP} × threads {1, 16} × server {the demo's own: over"
                + " stdio a server JVM per process, over HTTP Tomcat inside the demo JVM; server-everything (npm"
                + " `@modelcontextprotocol/server-everything`, tool `echo`): over stdio `node dist/index.js stdio` per"
                + " process, over HTTP one `streamableHttp` process on a free 127.0.0.1 port, started fresh for each"
                + " run}\n"
                + "- Interleaved: " + results.rounds() + " round(s); each round runs every scenario's a, b and c in"
                + " turn (pace " + pace.name().toLowerCase() + ")\n"
                + "- Per run, 1 / 16 threads: a over stdio: warmup " + stdioA1.warmup() + " / " + stdioA16.warmup()
                + " requests, then requests for " + seconds(stdioA1) + " (at most " + Format.count(stdioA1.requests())
                + " / " + Format.count(stdioA16.requests()) + "); a over HTTP: warmup " + httpA1.warmup() + " / "
                + httpA16.warmup() + ", then at most " + Format.count(httpA1.requests()) + " / "
                + Format.count(httpA16.requests()) + " requests within " + seconds(httpA1) + "; b and c: warmup "
                + reusing1.warmup() + " / " + reusing16.warmup() + ", then at most "
                + Format.count(reusing1.requests()) + " / " + Format.count(reusing16.requests()) + " within "
                + seconds(reusing1) + ". A request started before the time bound finishes and counts.\n"
                + "- Statistics: the latency of every measured request (`--latency-file`) of all rounds merged per"
                + " scenario and mode; p50 and p99 by nearest rank; calls/s = Σ requests ÷ Σ batch seconds (batch"
                + " seconds = requests ÷ the run's reported throughput)\n"
                + "- Each JVM is killed, with its descendants, after a hard timeout (its time bound + "
                + Workload.SPAWNING_TIMEOUT_MARGIN.toSeconds() + " s for a over stdio, + "
                + Workload.TIMEOUT_MARGIN.toSeconds() + " s otherwise); child processes still alive after their"
                + " JVM ended were killed as well: " + results.strayProcesses() + " in this run\n"
                + "- A cell is FAILED when one of its runs was killed, exited non-zero or reported errors; errors"
                + " shows measured errors and, in brackets, warmup errors. A ratio with a FAILED cell gets no PASS.\n"
                + "- Targets: a/b of p50 " + poolingTarget(Scenario.Transport.STDIO) + " over stdio and "
                + poolingTarget(Scenario.Transport.HTTP) + " over HTTP; b/c of p50 " + overheadTarget() + "\n";
    }

    private Workload workload(Scenario.Transport transport, int threads, Mode mode) {
        return Workload.of(new Scenario(Scenario.Server.OWN, transport, threads), mode, results.pace());
    }

    private String failures() {
        StringBuilder failures = new StringBuilder();
        results.cells().forEach((scenario, byMode) -> byMode.forEach((mode, cell) -> {
            if (!cell.failed()) {
                return;
            }
            failures.append("### ").append(scenario.label()).append(" · ").append(mode.title()).append("\n\n");
            for (RunFailure failure : cell.failures()) {
                failures.append("- `").append(failure.run()).append("`: ").append(failure.reason()).append('\n');
                if (!failure.errorLines().isEmpty()) {
                    failures.append("\n  ```\n").append(failure.errorLines().stream().map(line -> "  " + line)
                            .collect(Collectors.joining("\n"))).append("\n  ```\n\n");
                }
            }
            failures.append('\n');
        }));
        return failures.toString();
    }

    private static String errors(CellStats cell) {
        return cell.errors() + (cell.warmupErrors() > 0 ? " (" + cell.warmupErrors() + ")" : "");
    }

    private static String poolingTarget(Scenario.Transport transport) {
        return Format.number("≥ %.0f×", ScenarioRatios.poolingTarget(transport));
    }

    private static String overheadTarget() {
        return "≤ " + Format.number("%.2f", ScenarioRatios.OVERHEAD_TARGET);
    }

    private static String verdict(Verdict verdict) {
        return verdict == Verdict.PASS ? "PASS" : "**" + verdict + "**";
    }

    private static String failedSuffix(Verdict verdict) {
        return verdict == Verdict.FAILED ? ", FAILED runs" : "";
    }

    private static String seconds(Workload workload) {
        return Format.number("%d s", workload.duration().toSeconds());
    }
}
