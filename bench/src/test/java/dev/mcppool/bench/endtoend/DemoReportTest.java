package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DemoReportTest {

    private static final String STDIO_REPORT_WITH_PROBES = """
            main-entered-at=1763726400123456
            footprint at=start heap-used-after-gc=4194304 threads=9 agent-threads=1
            warmup requests=32 errors=2
            batch=1
            mode=stdio target=node /x/server-everything/dist/index.js stdio requests=200 threads=16 errors=0
            latency p50=1.234ms p99=5.678ms mean=2.000ms max=9.100ms
            throughput=123.45/s
            results-digest=b0c2b9389154367d419b6759098bd5907e90bf24b04ccc8a824887d00f50a17b
            error-types=none
            server-processes=3 server-handshakes=5
            jvm-threads=25 health-check-threads=0 open-fds=40 child-processes=1
            batch-ended-at=1763726401123456
            footprint at=end heap-used-after-gc=8388608 threads=30 agent-threads=2
            """;

    @Test
    void readsEveryLineOfTheReport() {
        DemoReport report = DemoReport.parse(STDIO_REPORT_WITH_PROBES);

        assertThat(report.warmupRequests()).isEqualTo(32);
        assertThat(report.warmupErrors()).isEqualTo(2);
        assertThat(report.requests()).isEqualTo(200);
        assertThat(report.errors()).isZero();
        assertThat(report.p50Millis()).isEqualTo(1.234);
        assertThat(report.p99Millis()).isEqualTo(5.678);
        assertThat(report.throughputPerSecond()).isEqualTo(123.45);
        assertThat(report.errorTypes()).isEqualTo("none");
        assertThat(report.count("server-processes")).hasValue(3);
        assertThat(report.count("server-handshakes")).hasValue(5);
        assertThat(report.count("open-fds")).hasValue(40);
        assertThat(report.count("child-processes")).hasValue(1);
        assertThat(report.count("jvm-threads")).hasValue(25);
        assertThat(report.count("server-sessions")).isEmpty();
        assertThat(report.count("main-entered-at")).hasValue(1763726400123456L);
        assertThat(report.count("batch-ended-at")).hasValue(1763726401123456L);
        assertThat(report.footprintAtStart()).isEqualTo(new DemoReport.Footprint(4194304, 9, 1));
        assertThat(report.footprintAtEnd()).isEqualTo(new DemoReport.Footprint(8388608, 30, 2));
    }

    @Test
    void theBatchLastsItsRequestsOverItsThroughput() {
        DemoReport report = DemoReport.parse(Fixtures.report(500, 0, 2, 4, 250));

        assertThat(report.batchSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(DemoReport.parse(Fixtures.report(0, 0, 0, 0, 0)).batchSeconds()).isZero();
    }

    @Test
    void aReportWithoutWarmupOrProbesHasNone() {
        String withoutWarmup = Fixtures.report(10, 0, 1, 2, 5).lines().skip(1).reduce("", (a, b) -> a + b + "\n");

        DemoReport report = DemoReport.parse(withoutWarmup);

        assertThat(report.warmupRequests()).isZero();
        assertThat(report.warmupErrors()).isZero();
        assertThat(report.footprintAtStart()).isNull();
        assertThat(report.count("main-entered-at")).isEmpty();
    }

    @Test
    void rejectsIncompleteOrUnexpectedReports() {
        assertThatThrownBy(() -> DemoReport.parse("")).hasMessageContaining("one batch=1");
        assertThatThrownBy(() -> DemoReport.parse(STDIO_REPORT_WITH_PROBES.replace("throughput=123.45/s\n", "")))
                .hasMessageContaining("no throughput=");
        assertThatThrownBy(() -> DemoReport.parse(STDIO_REPORT_WITH_PROBES.replace("p99=5.678ms", "p99=5.678")))
                .hasMessageContaining("lacks its unit ms");
        assertThatThrownBy(() -> DemoReport.parse(STDIO_REPORT_WITH_PROBES + "batch=2\n"))
                .hasMessageContaining("found 2");
        assertThatThrownBy(() -> DemoReport.parse(STDIO_REPORT_WITH_PROBES.replace("errors=0\n", "errors=x\n")))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> DemoReport.parse(STDIO_REPORT_WITH_PROBES).count("results-digest"))
                .hasMessageContaining("not a whole number");
    }

    @Test
    void fieldsSkipTheWordsOfAStdioTarget() {
        assertThat(DemoReport.fields("mode=stdio target=node a b=c requests=3"))
                .containsEntry("mode", "stdio").containsEntry("target", "node").containsEntry("b", "c")
                .containsEntry("requests", "3").hasSize(4);
    }
}
