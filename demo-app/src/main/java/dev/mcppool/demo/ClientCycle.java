package dev.mcppool.demo;

import java.util.Map;

/** One request's whole client cycle: build a client (which connects), call one tool, close the client. */
interface ClientCycle {

    /** Returns the tool's text result; throws if the tool reported an error or anything failed. */
    String call(String tool, Map<String, Object> arguments);
}
