package dev.mcppool.bench.endtoend;

/** How the demo application runs in a scenario. */
enum Mode {
    PER_REQUEST("a", "per-request app", false, false),
    POOLED("b", "per-request app + agent", true, false),
    PER_THREAD("c", "client per thread (rewritten app)", false, true);

    final String letter;
    final String label;
    final boolean agent;
    final boolean perThreadClients;

    Mode(String letter, String label, boolean agent, boolean perThreadClients) {
        this.letter = letter;
        this.label = label;
        this.agent = agent;
        this.perThreadClients = perThreadClients;
    }

    /** {@code a: per-request app}. */
    String title() {
        return letter + ": " + label;
    }
}
