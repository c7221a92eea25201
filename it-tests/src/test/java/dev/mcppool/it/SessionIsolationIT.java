package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pooled session must be indistinguishable from a private one: the demo's isolation probe ({@code probe <scenario>})
 * builds per-request clients that would notice another borrower's callbacks, server-side state or credentials.
 */
class SessionIsolationIT {

    private static final String SECRET_MARK = "probe-secret";

    @Test
    void samplingRequestsReachTheHandlerOfTheClientThatCausedThem(@TempDir Path output) throws Exception {
        Path spawns = output.resolve("spawns.log");
        DemoReport pooled = DemoRun.withAgent("maxPerKey=3")
                .args("probe", "sampling", "--stdio", EverythingServer.stdioCommandCountingSpawns(output, spawns),
                        "--tool", "trigger-sampling-request", "--tool-arg", "prompt=hello",
                        "--requests", "30", "--threads", "3")
                .run(output, "pooled", Duration.ofMinutes(2));

        assertThat(pooled.errors()).isZero();
        assertThat(pooled.integer("sampling-own")).isEqualTo(30);
        assertThat(pooled.integer("sampling-foreign")).isZero();
        assertThat(Files.readAllLines(spawns)).as("server-everything processes").hasSizeBetween(1, 3);
    }

    @Test
    void aLoggingLevelSetInOneLeaseIsNotInForceInTheNext(@TempDir Path output) throws Exception {
        List<String> pooled = probeLines(DemoRun.withAgent(""), output, "pooled", "logging");
        List<String> unpooled = probeLines(DemoRun.withoutAgent(), output, "unpooled", "logging");

        assertThat(pooled).contains("lease=1 levels=[DEBUG, INFO, WARNING, ERROR]",
                "lease=2 levels=[INFO, WARNING, ERROR]", "errors=0");
        assertThat(pooled).as("the session whose level changed was destroyed").contains("same-server=false");
        assertThat(pooled).isEqualTo(unpooled);
    }

    @Test
    void aSubscriptionMadeInOneLeaseDeliversNothingToTheNext(@TempDir Path output) throws Exception {
        List<String> pooled = probeLines(DemoRun.withAgent(""), output, "pooled", "subscriptions");
        List<String> unpooled = probeLines(DemoRun.withoutAgent(), output, "unpooled", "subscriptions");

        assertThat(pooled).contains("lease=1 updates=[demo://counter]", "lease=2 updates=[]", "errors=0");
        assertThat(pooled).as("the session was unsubscribed and lent again").contains("same-server=true");
        assertThat(unpooled).contains("lease=1 updates=[demo://counter]", "lease=2 updates=[]", "same-server=false");
    }

    @Test
    void callersWithDifferentCredentialsOnlyEverSeeTheirOwnAndNoSecretLeaks(@TempDir Path output) throws Exception {
        Path logging = debugLogging(output);
        try (DemoHttpServerProcess server = DemoHttpServerProcess.start(output);
             DemoRun run = DemoRun.withAgent("maxPerKey=2")
                     .jvmOption("-Djava.util.logging.config.file=" + logging)
                     .args("probe", "identity", "--url", server.url(), "--identities", "3", "--requests", "60",
                             "--threads", "4")
                     .hold()
                     .start(output, "http")) {
            DemoReport report = run.awaitReport(Duration.ofMinutes(2), "identity-calls=", "errors=");
            assertThat(report.errors()).isZero();
            assertThat(report.integer("identity-own")).isEqualTo(60);
            assertThat(report.integer("identity-foreign")).isZero();
            try (PoolMBean mbean = PoolMBean.of(run)) {
                String jmx = everyAttributeAsText(mbean.connection());
                assertThat(jmx).contains("Authorization").doesNotContain(SECRET_MARK);
                assertThat(mbean.attribute("CreatedSessions")).as("sessions for 3 identities, at most 2 each")
                        .satisfies(created -> assertThat((Long) created).isBetween(3L, 6L));
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
            assertThat(run.stdout() + run.stderr()).contains("dev.mcppool").doesNotContain(SECRET_MARK);
        }
    }

    @Test
    void stdioEnvironmentsAreIsolatedAndExhaustionErrorsShowNoSecret(@TempDir Path output) throws Exception {
        Path logging = debugLogging(output);
        try (DemoRun run = DemoRun.withAgent("maxPerKey=1,maxWait=50ms")
                .jvmOption("-Djava.util.logging.config.file=" + logging)
                .args("probe", "identity", "--identities", "2", "--requests", "12", "--threads", "4",
                        "--sleep-ms", "300")
                .start(output, "stdio")) {
            run.awaitExit(Duration.ofMinutes(2));
            DemoReport report = run.report();
            assertThat(report.integer("identity-foreign")).isZero();
            assertThat(report.integer("identity-own") + report.errors()).isEqualTo(12);
            assertThat(report.errors()).as("4 threads on 2 keys of maxPerKey=1 with a 50 ms wait").isPositive();
            assertThat(run.stdout()).contains("PoolExhaustedException", "stdio: ", "(env: DEMO_IDENTITY");
            assertThat(run.stdout() + run.stderr()).doesNotContain(SECRET_MARK);
        }
    }

    private static List<String> probeLines(DemoRun.Builder run, Path output, String name, String scenario)
            throws Exception {
        try (DemoRun finished = run.args("probe", scenario).start(output, name)) {
            finished.awaitExit(Duration.ofMinutes(2));
            return finished.stdout().lines().filter(line -> !line.startsWith("SLF4J")).toList();
        }
    }

    /** java.util.logging at its finest for the agent, so that its debug lines are searched for secrets too. */
    private static Path debugLogging(Path output) throws Exception {
        return Files.writeString(output.resolve("logging.properties"), String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=ALL",
                "dev.mcppool.level=ALL", ""));
    }

    /** The names and attribute values of every MBean of the agent (the pool's and each server's). */
    private static String everyAttributeAsText(MBeanServerConnection jmx) throws Exception {
        List<String> values = new ArrayList<>();
        for (ObjectName mbean : jmx.queryNames(new ObjectName("dev.mcppool:*"), null)) {
            values.add(mbean.toString());
            for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(mbean).getAttributes()) {
                Object value = jmx.getAttribute(mbean, attribute.getName());
                values.add(value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value));
            }
        }
        return String.join("\n", values);
    }
}
