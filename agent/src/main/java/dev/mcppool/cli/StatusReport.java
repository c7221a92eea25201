package dev.mcppool.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.openmbean.CompositeData;

/**
 * The {@code status} output: a header with the pool's version, state, settings and totals, then a table of its
 * servers and one of its sessions. Attributes and row items are shown by their JMX names; ones this version does not
 * know are shown too, after the known ones, so an older or newer agent's pool reads as well.
 */
final class StatusReport {

    static final String SESSIONS_NOT_AVAILABLE = "(sessions view not available in this agent version)";

    private static final List<String> TOTALS = List.of("ActiveSessions", "IdleSessions", "WaitingThreads",
            "CreatedSessions", "DestroyedSessions", "BorrowedCount", "ReturnedCount", "ValidationFailures",
            "RetiredSessions", "LeakedLeases", "LeaseResets", "TaintedSessions", "MeanBorrowWaitMillis",
            "MaxBorrowWaitMillis");
    private static final List<String> SERVER_COLUMNS = List.of("fingerprint", "library", "transport", "active", "idle",
            "waiting", "borrowed", "returned", "created", "destroyed", "breaker", "meanBorrowWaitMillis",
            "maxBorrowWaitMillis", "validationFailures", "startFailures", "retired", "leaks", "leaseResets",
            "taintedSessions");
    private static final List<String> SESSION_COLUMNS = List.of("fingerprint", "state", "ageMillis", "idleMillis",
            "timesLent", "processId", "sessionId");
    /** Long and of varying length: last, so that the columns before it stay aligned. */
    private static final String SERVER_LABEL = "server";
    private static final int LINE_WIDTH = 110;

    private StatusReport() {
    }

    static List<String> lines(long pid, PoolSnapshot pool) {
        Map<String, Object> attributes = new LinkedHashMap<>(pool.attributes());
        List<String> lines = new ArrayList<>();
        lines.add("mcp-pool " + TextTable.text(attributes.remove("Version")) + " in JVM " + pid
                + ": Enabled=" + TextTable.text(attributes.remove("Enabled"))
                + ", Suspended=" + TextTable.text(attributes.remove("Suspended")));
        lines.add("Settings: " + TextTable.text(attributes.remove("Settings")));
        lines.addAll(totals(attributes));

        lines.add("");
        lines.addAll(table("Servers", pool.servers(), SERVER_COLUMNS));
        lines.add("");
        pool.sessions().ifPresentOrElse(
                sessions -> lines.addAll(table("Sessions", sessions, SESSION_COLUMNS)),
                () -> lines.add(SESSIONS_NOT_AVAILABLE));
        return lines;
    }

    /** The known totals in their order, then any other plain attribute (a newer agent's), each {@code Name=value}. */
    private static List<String> totals(Map<String, Object> attributes) {
        List<String> known = new ArrayList<>(TOTALS);
        known.retainAll(attributes.keySet());
        List<String> others = attributes.keySet().stream()
                .filter(name -> !TOTALS.contains(name) && isPlain(attributes.get(name)))
                .sorted()
                .toList();
        List<String> lines = new ArrayList<>(wrapped("Totals:", known, attributes));
        if (!others.isEmpty()) {
            lines.addAll(wrapped("Other:", others, attributes));
        }
        return lines;
    }

    private static boolean isPlain(Object value) {
        return value == null || !(value.getClass().isArray() || value instanceof CompositeData);
    }

    private static List<String> wrapped(String title, List<String> names, Map<String, Object> attributes) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(title);
        for (String name : names) {
            String item = name + "=" + TextTable.text(attributes.get(name));
            if (line.length() + 1 + item.length() > LINE_WIDTH && line.length() > title.length()) {
                lines.add(line.toString());
                line = new StringBuilder(" ".repeat(title.length()));
            }
            line.append(' ').append(item);
        }
        lines.add(line.toString());
        return lines;
    }

    private static List<String> table(String title, List<CompositeData> rows, List<String> knownColumns) {
        if (rows.isEmpty()) {
            return List.of(title + ": none");
        }
        List<String> columns = columns(rows, knownColumns);
        List<List<Object>> values = rows.stream()
                .map(row -> columns.stream().map(column -> row.containsKey(column) ? row.get(column) : null).toList())
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add(title + " (" + rows.size() + "):");
        lines.addAll(TextTable.lines(columns, values));
        return lines;
    }

    /** The known columns the rows have, in their order, then unknown ones by name, then the server label. */
    private static List<String> columns(List<CompositeData> rows, List<String> knownColumns) {
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(row -> present.addAll(row.getCompositeType().keySet()));
        List<String> columns = new ArrayList<>(knownColumns);
        columns.retainAll(present);
        present.stream()
                .filter(name -> !knownColumns.contains(name) && !name.equals(SERVER_LABEL))
                .sorted()
                .forEach(columns::add);
        if (present.contains(SERVER_LABEL)) {
            columns.add(SERVER_LABEL);
        }
        return columns;
    }
}
