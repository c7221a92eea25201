package dev.mcppool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;

class StatusReportTest {

    private static final String STDIO_LABEL = "stdio: java -jar demo-app.jar server stdio (env: DEMO_TOKEN)";
    private static final String HTTP_LABEL = "http: http://127.0.0.1:8080/mcp (headers: Authorization)";

    @Test
    void headerShowsVersionStateSettingsAndTotalsByName() throws Exception {
        List<String> lines = StatusReport.lines(4242, pool(List.of(), Optional.of(List.of())));

        assertThat(lines.get(0)).isEqualTo("mcp-pool 0.1.0 in JVM 4242: Enabled=true, Suspended=false");
        assertThat(lines.get(1)).isEqualTo("Settings: maxPerKey=8, maxWait=5s");
        assertThat(lines.subList(2, 5)).as("known totals in their order, then attributes this version does not know")
                .containsExactly(
                        "Totals: ActiveSessions=1 IdleSessions=2 WaitingThreads=0 CreatedSessions=3 DestroyedSessions=0",
                        "        BorrowedCount=120 MeanBorrowWaitMillis=0.25",
                        "Other: FutureCounter=7 MaxPerKey=8");
        assertThat(lines).contains("Servers: none", "Sessions: none");
    }

    @Test
    void serversTableHasOneAlignedRowPerServerWithTheLabelLast() throws Exception {
        CompositeData stdio = server(STDIO_LABEL, "3f2a9c1b0d4e", "stdio", 0, 1, 10L, "closed", 0.004);
        CompositeData http = server(HTTP_LABEL, "77aa00bb11cc", "streamable-http", 2, 0, 1234L, "open (12 s left)",
                15.5);

        List<String> table = section(StatusReport.lines(4242, pool(List.of(stdio, http), Optional.empty())),
                "Servers (2):");

        assertThat(table).hasSize(3);
        assertThat(table.get(0)).isEqualTo(
                "fingerprint   library       transport        active  idle  borrowed  breaker           meanBorrowWaitMillis  server");
        assertThat(table.get(1)).isEqualTo(
                "3f2a9c1b0d4e  mcp-java-sdk  stdio                 0     1        10  closed                            0.00  " + STDIO_LABEL);
        assertThat(table.get(2)).isEqualTo(
                "77aa00bb11cc  mcp-java-sdk  streamable-http       2     0      1234  open (12 s left)                 15.50  " + HTTP_LABEL);
    }

    @Test
    void serverItemsThisVersionDoesNotKnowAreShownByNameAndMissingOnesLeftOut() throws Exception {
        CompositeData row = composite("ServerStats", Map.of("server", STDIO_LABEL, "idle", 1, "warmups", 3L));

        List<String> table = section(StatusReport.lines(1, pool(List.of(row), Optional.empty())), "Servers (1):");

        assertThat(table).containsExactly(
                "idle  warmups  server",
                "   1        3  " + STDIO_LABEL);
    }

    @Test
    void sessionsTableShowsEachSessionWithDashesForWhatItDoesNotHave() throws Exception {
        CompositeData idle = session("3f2a9c1b0d4e", "idle", 61_000, 2_500, 9, 51234L, "9c1b…0d4e", STDIO_LABEL);
        CompositeData leased = session("77aa00bb11cc", "leased", 1_200, 0, 1, null, null, HTTP_LABEL);

        List<String> table = section(StatusReport.lines(1, pool(List.of(), Optional.of(List.of(idle, leased)))),
                "Sessions (2):");

        assertThat(table).containsExactly(
                "fingerprint   state   ageMillis  idleMillis  timesLent  processId  sessionId  server",
                "3f2a9c1b0d4e  idle        61000        2500          9      51234  9c1b…0d4e  " + STDIO_LABEL,
                "77aa00bb11cc  leased       1200           0          1          -  -          " + HTTP_LABEL);
    }

    @Test
    void anAgentWithoutTheSessionsOperationIsSaidToLackIt() throws Exception {
        List<String> lines = StatusReport.lines(1, pool(List.of(), Optional.empty()));

        assertThat(lines.get(lines.size() - 1)).isEqualTo("(sessions view not available in this agent version)");
        assertThat(lines).noneMatch(line -> line.startsWith("Sessions"));
    }

    @Test
    void controlCharactersInALabelCannotBreakTheTable() throws Exception {
        CompositeData row = composite("ServerStats", Map.of("server", "stdio: evil\u001b[2J\nserver", "idle", 1));

        List<String> table = section(StatusReport.lines(1, pool(List.of(row), Optional.empty())), "Servers (1):");

        assertThat(table).containsExactly("idle  server", "   1  stdio: evil?[2J?server");
    }

    /** The lines after {@code title} up to the next blank line. */
    private static List<String> section(List<String> lines, String title) {
        int start = lines.indexOf(title);
        assertThat(start).as("%s in %s", title, lines).isNotNegative();
        int end = lines.subList(start, lines.size()).indexOf("");
        return lines.subList(start + 1, end < 0 ? lines.size() : start + end);
    }

    private static PoolSnapshot pool(List<CompositeData> servers, Optional<List<CompositeData>> sessions) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("MaxPerKey", 8);
        attributes.put("FutureCounter", 7L);
        attributes.put("MeanBorrowWaitMillis", 0.25);
        attributes.put("Version", "0.1.0");
        attributes.put("Enabled", true);
        attributes.put("Settings", "maxPerKey=8, maxWait=5s");
        attributes.put("ActiveSessions", 1);
        attributes.put("IdleSessions", 2);
        attributes.put("WaitingThreads", 0);
        attributes.put("CreatedSessions", 3L);
        attributes.put("DestroyedSessions", 0L);
        attributes.put("BorrowedCount", 120L);
        attributes.put("Suspended", false);
        return new PoolSnapshot(attributes, servers, sessions);
    }

    private static CompositeData server(String label, String fingerprint, String transport, int active, int idle,
                                        long borrowed, String breaker, double meanWait) throws OpenDataException {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("server", label);
        items.put("fingerprint", fingerprint);
        items.put("library", "mcp-java-sdk");
        items.put("transport", transport);
        items.put("active", active);
        items.put("idle", idle);
        items.put("borrowed", borrowed);
        items.put("breaker", breaker);
        items.put("meanBorrowWaitMillis", meanWait);
        return composite("ServerStats", items);
    }

    private static CompositeData session(String fingerprint, String state, long age, long idle, long lent,
                                         Long processId, String sessionId, String label) throws OpenDataException {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("server", label);
        items.put("fingerprint", fingerprint);
        items.put("state", state);
        items.put("ageMillis", age);
        items.put("idleMillis", idle);
        items.put("timesLent", lent);
        items.put("processId", processId);
        items.put("sessionId", sessionId);
        return new CompositeDataSupport(new CompositeType("SessionInfo", "a pooled session",
                items.keySet().toArray(String[]::new), items.keySet().toArray(String[]::new),
                new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.LONG,
                        SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.STRING}),
                items);
    }

    /** A CompositeData as an MXBean maps it, each item's open type taken from its value. */
    private static CompositeData composite(String typeName, Map<String, Object> items) throws OpenDataException {
        String[] names = items.keySet().toArray(String[]::new);
        List<OpenType<?>> types = new ArrayList<>();
        for (String name : names) {
            Object value = items.get(name);
            types.add(value instanceof Integer ? SimpleType.INTEGER
                    : value instanceof Long ? SimpleType.LONG
                    : value instanceof Double ? SimpleType.DOUBLE
                    : SimpleType.STRING);
        }
        return new CompositeDataSupport(new CompositeType(typeName, typeName, names, names,
                types.toArray(OpenType<?>[]::new)), names, items.values().toArray());
    }
}
