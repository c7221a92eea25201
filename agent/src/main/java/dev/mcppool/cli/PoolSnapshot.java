package dev.mcppool.cli;

import dev.mcppool.jmx.PoolMonitor;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The pool MBean of another JVM, read once: its attributes by name, its {@code Servers} rows and, from agents that
 * have the operation, its {@code listSessions()} rows. Whatever the agent's version offers is taken as it is.
 */
record PoolSnapshot(Map<String, Object> attributes, List<CompositeData> servers,
                    Optional<List<CompositeData>> sessions) {

    // A compile-time constant, inlined here: reading it does not load PoolMonitor.
    static final String OBJECT_NAME = PoolMonitor.OBJECT_NAME;
    static final String SERVERS = "Servers";
    static final String LIST_SESSIONS = "listSessions";

    /** The pool of the JVM behind {@code jmx}, or empty when that JVM has no mcp-pool MBean. */
    static Optional<PoolSnapshot> read(MBeanServerConnection jmx) throws IOException, JMException {
        ObjectName name = new ObjectName(OBJECT_NAME);
        if (!jmx.isRegistered(name)) {
            return Optional.empty();
        }
        MBeanInfo info = jmx.getMBeanInfo(name);
        String[] names = Arrays.stream(info.getAttributes()).map(MBeanAttributeInfo::getName).toArray(String[]::new);
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Attribute attribute : jmx.getAttributes(name, names).asList()) {
            attributes.put(attribute.getName(), attribute.getValue());
        }
        List<CompositeData> servers = attributes.remove(SERVERS) instanceof CompositeData[] rows
                ? Arrays.asList(rows) : List.of();
        Optional<List<CompositeData>> sessions = Optional.empty();
        if (hasListSessions(info)) {
            Object rows = jmx.invoke(name, LIST_SESSIONS, new Object[0], new String[0]);
            sessions = Optional.of(Arrays.asList((CompositeData[]) rows));
        }
        return Optional.of(new PoolSnapshot(attributes, servers, sessions));
    }

    /** Older agents have no {@code listSessions()}. */
    private static boolean hasListSessions(MBeanInfo info) {
        return Arrays.stream(info.getOperations())
                .anyMatch(operation -> operation.getName().equals(LIST_SESSIONS) && operation.getSignature().length == 0);
    }
}
