package dev.mcppool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javax.management.ConstructorParameters;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/** Reading pool MXBeans of an older and a newer shape from an MBean server, as {@code status} does over JMX. */
class PoolSnapshotTest {

    private final MBeanServer jmx = MBeanServerFactory.newMBeanServer();

    @Test
    void aServerWithoutThePoolMBeanHasNoSnapshot() throws Exception {
        assertThat(PoolSnapshot.read(jmx)).isEmpty();
    }

    @Test
    void anAgentWithoutListSessionsGivesAttributesAndServersButNoSessions() throws Exception {
        jmx.registerMBean(new OlderPool(), new ObjectName(PoolSnapshot.OBJECT_NAME));

        PoolSnapshot pool = PoolSnapshot.read(jmx).orElseThrow();

        assertThat(pool.attributes()).containsEntry("Version", "0.0.9").containsEntry("IdleSessions", 1)
                .doesNotContainKey("Servers");
        assertThat(pool.servers()).singleElement().satisfies(row -> {
            assertThat(row.get("server")).isEqualTo("stdio: node server.js");
            assertThat(row.get("idle")).isEqualTo(1);
        });
        assertThat(pool.sessions()).isEmpty();
    }

    @Test
    void anAgentWithListSessionsGivesItsRows() throws Exception {
        jmx.registerMBean(new NewerPool(), new ObjectName(PoolSnapshot.OBJECT_NAME));

        Optional<List<CompositeData>> sessions = PoolSnapshot.read(jmx).orElseThrow().sessions();

        assertThat(sessions).hasValueSatisfying(rows -> assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("state")).isEqualTo("idle");
            assertThat(row.get("processId")).isNull();
        }));
    }

    public interface OlderPoolMXBean {
        String getVersion();

        int getIdleSessions();

        Server[] getServers();
    }

    public interface NewerPoolMXBean extends OlderPoolMXBean {
        Session[] listSessions();
    }

    public static class OlderPool implements OlderPoolMXBean {
        @Override
        public String getVersion() {
            return "0.0.9";
        }

        @Override
        public int getIdleSessions() {
            return 1;
        }

        @Override
        public Server[] getServers() {
            return new Server[] {new Server("stdio: node server.js", 1)};
        }
    }

    public static class NewerPool extends OlderPool implements NewerPoolMXBean {
        @Override
        public Session[] listSessions() {
            return new Session[] {new Session("idle", null)};
        }
    }

    public static final class Server {
        private final String server;
        private final int idle;

        @ConstructorParameters({"server", "idle"})
        public Server(String server, int idle) {
            this.server = server;
            this.idle = idle;
        }

        public String getServer() {
            return server;
        }

        public int getIdle() {
            return idle;
        }
    }

    public static final class Session {
        private final String state;
        private final Long processId;

        @ConstructorParameters({"state", "processId"})
        public Session(String state, Long processId) {
            this.state = state;
            this.processId = processId;
        }

        public String getState() {
            return state;
        }

        public Long getProcessId() {
            return processId;
        }
    }
}
