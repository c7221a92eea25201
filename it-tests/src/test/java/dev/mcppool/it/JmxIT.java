package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the pool's MXBean from another JVM over a real JMX connection and checks it against what the app did. */
class JmxIT {

    private static final String SECRET = "Bearer it-secret-7f3a9c";
    private static final ObjectName POOL = name(PoolMBean.OBJECT_NAME);

    @Test
    void attributesMatchWhatHappenedAndShowNoSecret(@TempDir Path output) throws Exception {
        try (DemoRun run = DemoRun.withAgent("maxPerKey=3")
                .args("--transport", "http", "--requests", "60", "--threads", "3", "--header", "Authorization=" + SECRET)
                .hold()
                .start(output, "jmx")) {
            DemoReport report = run.awaitReport(Duration.ofMinutes(2));
            assertThat(report.errors()).isZero();

            try (PoolMBean mbean = PoolMBean.of(run)) {
                MBeanServerConnection jmx = mbean.connection();

                long created = (Long) jmx.getAttribute(POOL, "CreatedSessions");
                assertThat(created).isEqualTo(report.integer("server-sessions")).isBetween(1L, 3L);
                assertThat(jmx.getAttribute(POOL, "BorrowedCount")).isEqualTo(60L);
                assertThat(jmx.getAttribute(POOL, "ReturnedCount")).isEqualTo(60L);
                assertThat(jmx.getAttribute(POOL, "ActiveSessions")).isEqualTo(0);
                assertThat(jmx.getAttribute(POOL, "WaitingThreads")).isEqualTo(0);
                assertThat(jmx.getAttribute(POOL, "DestroyedSessions")).isEqualTo(0L);
                assertThat(jmx.getAttribute(POOL, "LeakedLeases")).isEqualTo(0L);
                assertThat(jmx.getAttribute(POOL, "IdleSessions")).isEqualTo((int) created);
                assertThat((Double) jmx.getAttribute(POOL, "MaxBorrowWaitMillis"))
                        .isGreaterThanOrEqualTo((Double) jmx.getAttribute(POOL, "MeanBorrowWaitMillis"));
                assertThat((String) jmx.getAttribute(POOL, "Settings")).contains("maxPerKey=3");

                CompositeData[] servers = (CompositeData[]) jmx.getAttribute(POOL, "Servers");
                assertThat(servers).hasSize(1);
                CompositeData server = servers[0];
                assertThat((String) server.get("server")).startsWith("http: http://127.0.0.1:").contains("/mcp")
                        .contains("Authorization");
                assertThat(server.get("transport")).isEqualTo("streamable-http");
                assertThat(server.get("library")).isEqualTo("mcp-java-sdk");
                assertThat(server.get("borrowed")).isEqualTo(60L);
                assertThat(server.get("created")).isEqualTo(created);
                assertThat(server.get("idle")).isEqualTo((int) created);
                assertThat(server.get("leaks")).isEqualTo(0L);
                assertThat(server.get("retired")).isEqualTo(0L);
                assertThat(server.get("startFailures")).isEqualTo(0L);
                assertThat(server.get("breaker")).isEqualTo("closed");

                Set<ObjectName> perServer = jmx.queryNames(name("dev.mcppool:type=McpServerPool,*"), null);
                assertThat(perServer).as("one MBean per server key").hasSize(1);
                ObjectName serverName = perServer.iterator().next();
                assertThat(serverName.getKeyProperty("name")).contains("http: http://127.0.0.1:", "Authorization",
                        (String) server.get("fingerprint"));
                assertThat(((CompositeData) jmx.getAttribute(serverName, "Stats")).get("borrowed")).isEqualTo(60L);
                assertThat(jmx.getAttribute(serverName, "IdleSessions")).isEqualTo((int) created);

                CompositeData[] sessions = (CompositeData[]) jmx.invoke(POOL, "listSessions", null, null);
                assertThat(sessions).hasSize((int) created).allSatisfy(session -> {
                    assertThat(session.get("state")).isEqualTo("idle");
                    assertThat(session.get("processId")).as("HTTP sessions have no process").isNull();
                    assertThat((String) session.get("sessionId")).as("only the start of the server's session id")
                            .matches("[^…]{1,6}…");
                });
                assertThat(Arrays.stream(sessions).mapToLong(session -> (Long) session.get("timesLent")).sum())
                        .isEqualTo(60L);

                assertThat(everyAttributeAsText(jmx) + Arrays.deepToString(sessions))
                        .doesNotContain("it-secret", "7f3a9c");
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    /** The names and attribute values of every MBean of the agent. */
    private static String everyAttributeAsText(MBeanServerConnection jmx) throws Exception {
        List<String> values = new ArrayList<>();
        for (ObjectName mbean : jmx.queryNames(name("dev.mcppool:*"), null)) {
            values.add(mbean.toString());
            for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(mbean).getAttributes()) {
                Object value = jmx.getAttribute(mbean, attribute.getName());
                values.add(value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value));
            }
        }
        return String.join("\n", values);
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
