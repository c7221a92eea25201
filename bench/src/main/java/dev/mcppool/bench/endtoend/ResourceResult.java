package dev.mcppool.bench.endtoend;

import java.util.OptionalLong;

/**
 * One resource case's run, and how many server processes it started when a spawn log counted them (server-everything
 * over stdio, which reports nothing itself).
 */
record ResourceResult(ResourceCase resourceCase, DemoRun run, OptionalLong spawnedServers) {

    /** The server side's count: own servers report theirs, server-everything's stdio spawns are logged. */
    String serverCount() {
        DemoReport report = run.report();
        if (report == null) {
            return Format.MISSING;
        }
        if (report.count("server-sessions").isPresent()) {
            return Format.count(report.count("server-sessions").getAsLong()) + " sessions";
        }
        if (report.count("server-processes").isPresent()) {
            return Format.count(report.count("server-processes").getAsLong()) + " processes, "
                    + Format.count(report.count("server-handshakes").orElse(0)) + " handshakes";
        }
        return spawnedServers.isPresent() ? Format.count(spawnedServers.getAsLong()) + " processes" : Format.MISSING;
    }
}
