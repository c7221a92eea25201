package dev.mcppool.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StdinPumpTest {

    @Test
    void passesNonBlankLinesOnAndReportsEveryLineAndTheEnd() throws Exception {
        String input = "{\"id\":1}\n\n  \r\n{\"id\":\"é\"}\r\nlast-without-newline";
        List<String> reported = new CopyOnWriteArrayList<>();
        AtomicInteger ends = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);

        InputStream out = StdinPump.start(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                reported::add, () -> {
                    ends.incrementAndGet();
                    ended.countDown();
                });

        assertThat(new String(out.readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1}\n{\"id\":\"é\"}\nlast-without-newline\n");
        assertThat(out.read()).isEqualTo(-1);
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ends).hasValue(1);
        assertThat(reported).containsExactly("{\"id\":1}", "", "  ", "{\"id\":\"é\"}", "last-without-newline");
    }

    @Test
    void singleByteReadsSeeTheSameBytes() throws Exception {
        InputStream out = StdinPump.start(new ByteArrayInputStream("ab\nc\n".getBytes(StandardCharsets.UTF_8)),
                line -> { }, () -> { });

        StringBuilder read = new StringBuilder();
        for (int b = out.read(); b >= 0; b = out.read()) {
            read.append((char) b);
        }
        assertThat(read).hasToString("ab\nc\n");
    }
}
