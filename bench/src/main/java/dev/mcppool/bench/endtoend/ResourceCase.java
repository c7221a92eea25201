package dev.mcppool.bench.endtoend;

import java.time.Duration;

/**
 * A resource-growth run of the per-request app: its server, transport and threads, with or without the agent. The
 * two own-HTTP cases double as the footprint comparison.
 */
enum ResourceCase {
    OWN_HTTP_WITHOUT_AGENT(Scenario.Server.OWN, Scenario.Transport.HTTP, 4, false),
    OWN_HTTP_WITH_AGENT(Scenario.Server.OWN, Scenario.Transport.HTTP, 4, true),
    OWN_STDIO_WITH_AGENT(Scenario.Server.OWN, Scenario.Transport.STDIO, 16, true),
    EVERYTHING_STDIO_WITH_AGENT(Scenario.Server.EVERYTHING, Scenario.Transport.STDIO, 16, true),
    /** Spawns a node process per call, so it runs fewer calls, bounded in time. */
    EVERYTHING_STDIO_WITHOUT_AGENT(Scenario.Server.EVERYTHING, Scenario.Transport.STDIO, 16, false);

    /** Beyond a case's time bound: JVM start, the requests still running at the bound, closing the pool. */
    static final Duration TIMEOUT_MARGIN = Duration.ofMinutes(3);

    final Scenario.Server server;
    final Scenario.Transport transport;
    final int threads;
    final boolean agent;

    ResourceCase(Scenario.Server server, Scenario.Transport transport, int threads, boolean agent) {
        this.server = server;
        this.transport = transport;
        this.threads = threads;
        this.agent = agent;
    }

    boolean spawnsPerCall() {
        return transport == Scenario.Transport.STDIO && !agent;
    }

    int calls(Pace pace) {
        return spawnsPerCall() ? pace.spawningResourceCalls() : pace.resourceCalls();
    }

    Duration duration(Pace pace) {
        return spawnsPerCall() ? pace.spawningResourceDuration() : pace.resourceDuration();
    }

    String label() {
        return server.label + " · " + transport.label + " · " + threads + " threads · " + (agent ? "with" : "without")
                + " agent";
    }
}
