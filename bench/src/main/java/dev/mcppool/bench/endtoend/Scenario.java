package dev.mcppool.bench.endtoend;

import java.util.ArrayList;
import java.util.List;

/** One comparison: which server the demo talks to, over which transport, on how many worker threads. */
record Scenario(Server server, Transport transport, int threads) {

    static final int[] THREADS = {1, 16};

    enum Server {
        OWN("demo's own"),
        EVERYTHING("server-everything");

        final String label;

        Server(String label) {
            this.label = label;
        }
    }

    enum Transport {
        STDIO("stdio"),
        HTTP("Streamable HTTP");

        final String label;

        Transport(String label) {
            this.label = label;
        }
    }

    /** Every scenario, in the order of the runs and of the tables: by server, then transport, then threads. */
    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        for (Server server : Server.values()) {
            for (Transport transport : Transport.values()) {
                for (int threads : THREADS) {
                    all.add(new Scenario(server, transport, threads));
                }
            }
        }
        return all;
    }

    String label() {
        return server.label + " · " + transport.label + " · " + threads + (threads == 1 ? " thread" : " threads");
    }
}
