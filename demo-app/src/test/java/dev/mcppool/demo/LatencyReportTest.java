package dev.mcppool.demo;

import java.util.Map;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyReportTest {

    private static final long MS = 1_000_000L;

    @Test
    void percentilesUseNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (i + 1) * MS;
        }

        assertThat(LatencyReport.percentileMillis(sorted, 50)).isEqualTo(50.0);
        assertThat(LatencyReport.percentileMillis(sorted, 99)).isEqualTo(99.0);
        assertThat(LatencyReport.percentileMillis(sorted, 100)).isEqualTo(100.0);
        assertThat(LatencyReport.percentileMillis(new long[] {7 * MS}, 99)).isEqualTo(7.0);
        assertThat(LatencyReport.percentileMillis(new long[] {1 * MS, 2 * MS, 3 * MS}, 50)).isEqualTo(2.0);
        assertThat(LatencyReport.percentileMillis(new long[0], 50)).isZero();
    }

    @Test
    void digestCoversSortedLinesOfSuccessfulRequestsOnly() throws Exception {
        String[] texts = new String[12];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = i == 3 ? null : "echo:req-" + i;
        }
        StringBuilder expected = new StringBuilder();
        // string order, and ':' sorts after the digits: "10:" and "11:" come before "1:"
        for (int i : new int[] {0, 10, 11, 1, 2, 4, 5, 6, 7, 8, 9}) {
            expected.append(i).append(":echo:req-").append(i).append('\n');
        }

        assertThat(LatencyReport.resultsDigest(texts)).isEqualTo(sha256(expected.toString()));
    }

    @Test
    void digestOfNoResultsIsTheEmptyHash() throws Exception {
        assertThat(LatencyReport.resultsDigest(new String[] {null, null})).isEqualTo(sha256(""));
    }

    @Test
    void formatsTheReportLines() {
        long[] nanos = {4 * MS, 1 * MS, 3 * MS, 2 * MS};
        String[] texts = {"echo:req-0", null, "echo:req-2", "echo:req-3"};
        RequestLoop.Result result = new RequestLoop.Result(nanos, texts, 1, 2_000_000_000L,
                Map.of("java.lang.IllegalStateException", 1));

        List<String> lines = LatencyReport.lines("http", "own-server", 2, result, List.of("server-sessions=4"));

        assertThat(lines).containsExactly(
                "mode=http target=own-server requests=4 threads=2 errors=1",
                "latency p50=2.000ms p99=4.000ms mean=2.500ms max=4.000ms",
                "throughput=2.00/s",
                "results-digest=" + LatencyReport.resultsDigest(texts),
                "error-types=java.lang.IllegalStateException:1",
                "server-sessions=4");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
