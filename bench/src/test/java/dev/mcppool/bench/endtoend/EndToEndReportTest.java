package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcppool.bench.Machine;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndToEndReportTest {

    static final RunContext CONTEXT = new RunContext(ZonedDateTime.of(2026, 11, 21, 13, 5, 0, 0, ZoneOffset.UTC),
            new Machine(2, "Test CPU @ 2.0GHz", "Linux 6.1 amd64", "openjdk version \"17.0.16\""),
            "bench/run-end-to-end.sh --rounds 2", "0.52 1.10 0.90");

    /** Every scenario; a fails in the first, b/c misses in the second, the rest pass. */
    static EndToEndResults results() {
        Map<Scenario, Map<Mode, CellStats>> cells = new LinkedHashMap<>();
        boolean first = true;
        for (Scenario scenario : Scenario.all()) {
            boolean stdio = scenario.transport() == Scenario.Transport.STDIO;
            Map<Mode, CellStats> byMode = new EnumMap<>(Mode.class);
            byMode.put(Mode.PER_REQUEST, Fixtures.cell(stdio ? 1500 : 40, stdio ? 2500 : 90, stdio ? 0.7 : 25, first));
            byMode.put(Mode.POOLED, Fixtures.cell(cells.size() == 1 ? 2.0 : 1.05, 3, 900, false));
            byMode.put(Mode.PER_THREAD, Fixtures.cell(1.0, 2.5, 950, false));
            cells.put(scenario, byMode);
            first = false;
        }
        return new EndToEndResults(cells, 2, Pace.FULL, 3, Duration.ofSeconds(654));
    }

    @Test
    void hasOneLatencyRowPerScenarioAndMode() {
        String table = new EndToEndReport(CONTEXT, results(), "end-to-end.svg").latencyTable();

        assertThat(table.lines()).hasSize(2 + 8 * 3);
        assertThat(table).startsWith("| server | transport | threads | mode | requests | errors | p50 ms | p99 ms"
                + " | calls/s |");
        assertThat(table).contains("| demo's own | stdio | 1 | a: per-request app **FAILED** | 100 | 1 | 1,500 |"
                + " 2,500 | 0.70 |");
        assertThat(table).contains("| server-everything | Streamable HTTP | 16 | c: client per thread (rewritten app)"
                + " | 100 | 0 | 1.00 | 2.50 | 950 |");
    }

    @Test
    void ratioRowsCarryTheVerdicts() {
        String table = new EndToEndReport(CONTEXT, results(), "end-to-end.svg").ratioTable();

        assertThat(table.lines()).hasSize(2 + 8);
        assertThat(table).contains("| demo's own | stdio | 1 | 1,429× | 833× | 1,286× | ≥ 300×: **FAILED** | 1.05×"
                + " | 1.20× | ≤ 1.10: PASS |");
        assertThat(table).contains("| demo's own | stdio | 16 | 750× | 833× | 1,286× | ≥ 300×: PASS | 2.00× | 1.20×"
                + " | ≤ 1.10: **MISS** |");
        assertThat(table).contains("| server-everything | Streamable HTTP | 1 | 38.1× | 30.0× | 36.0× | ≥ 6×: PASS |");
    }

    @Test
    void theSummaryNamesEveryTargetThatDidNotPass() {
        String summary = new EndToEndReport(CONTEXT, results(), "end-to-end.svg").summary();

        assertThat(summary).startsWith("**Targets: 14 of 16 PASS.** Missed or failed: ");
        assertThat(summary).contains("demo's own · stdio · 1 thread: a/b p50 1,429× (target ≥ 300×), FAILED runs");
        assertThat(summary).contains("demo's own · stdio · 16 threads: b/c p50 2.00× (target ≤ 1.10)");
        assertThat(summary).doesNotContain("Warmup errors");
    }

    @Test
    void theSummaryNamesWarmupErrors() {
        EndToEndResults results = results();
        results.cells().get(Scenario.all().get(2)).put(Mode.POOLED,
                new CellStats(2, 100, 0, 600, 7, 1.05, 3, 900, List.of()));

        String summary = new EndToEndReport(CONTEXT, results, "end-to-end.svg").summary();

        assertThat(summary).endsWith(" Warmup errors (not measured): demo's own · Streamable HTTP · 1 thread b: 7 of"
                + " 600.\n");
    }

    @Test
    void theWholeReportHasContextMethodChartAndFailures() {
        String markdown = new EndToEndReport(CONTEXT, results(), "end-to-end.svg").markdown();

        assertThat(markdown).startsWith("# End-to-end: a per-request MCP client app without and with mcp-pool\n");
        assertThat(markdown).contains("- Date: 2026-11-21 13:05 UTC\n");
        assertThat(markdown).contains("- Machine: 2 cores, Test CPU @ 2.0GHz, Linux 6.1 amd64\n");
        assertThat(markdown).contains("- Load average (1, 5, 15 min) when the run started: 0.52 1.10 0.90\n");
        assertThat(markdown).contains("- Java of every demo JVM: openjdk version \"17.0.16\"\n");
        assertThat(markdown).contains("- Reproduce: `bench/run-end-to-end.sh --rounds 2`");
        assertThat(markdown).contains("- This part took 10.9 min\n");
        assertThat(markdown).contains("- Interleaved: 2 round(s)");
        assertThat(markdown).contains("a over stdio: warmup 2 / 16 requests, then requests for 10 s (at most 100 /"
                + " 1,600)");
        assertThat(markdown).contains("killed as well: 3 in this run");
        assertThat(markdown).contains("![p50 latency per scenario and mode, log scale](end-to-end.svg)");
        assertThat(markdown).contains("## Failed runs\n\n### demo's own · stdio · 1 thread · a: per-request app\n\n"
                + "- `e2e-r1-x`: errors=1 of 100 requests\n\n  ```\n  error request=1\n  ```\n");
    }

    @Test
    void withoutFailuresThereIsNoFailureSection() {
        Map<Scenario, Map<Mode, CellStats>> cells = new LinkedHashMap<>();
        Map<Mode, CellStats> byMode = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            byMode.put(mode, Fixtures.cell(mode == Mode.PER_REQUEST ? 900 : 1, 2, 10, false));
        }
        cells.put(Scenario.all().get(0), byMode);
        EndToEndReport report = new EndToEndReport(CONTEXT,
                new EndToEndResults(cells, 1, Pace.QUICK, 0, Duration.ofSeconds(60)), "chart.svg");

        assertThat(report.markdown()).doesNotContain("## Failed runs");
        assertThat(report.summary()).isEqualTo("**Targets: 2 of 2 PASS.**\n");
    }
}
