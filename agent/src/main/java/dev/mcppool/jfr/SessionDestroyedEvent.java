package dev.mcppool.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("dev.mcppool.SessionDestroyed")
@Label("MCP Session Destroyed")
@Category("MCP Pool")
@Description("The pool closed an MCP session")
@StackTrace(false)
final class SessionDestroyedEvent extends ServerEvent {

    @Label("Reason")
    String reason;

    @Label("Age")
    @Timespan(Timespan.NANOSECONDS)
    long age;

    @Label("Times Lent")
    long timesLent;
}
