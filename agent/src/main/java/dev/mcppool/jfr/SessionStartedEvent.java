package dev.mcppool.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("dev.mcppool.SessionStarted")
@Label("MCP Session Started")
@Category("MCP Pool")
@Description("A new pooled MCP session answered its first request")
@StackTrace(false)
final class SessionStartedEvent extends ServerEvent {

    @Label("Startup Time")
    @Description("From building the client to its first answer: process spawn or connect, and initialize")
    @Timespan(Timespan.NANOSECONDS)
    long startupTime;
}
