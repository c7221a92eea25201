package dev.mcppool.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("dev.mcppool.Borrow")
@Label("MCP Session Borrow")
@Category("MCP Pool")
@Description("An MCP client of the application got a pooled session")
@StackTrace(false)
final class BorrowEvent extends ServerEvent {

    @Label("Wait Time")
    @Description("From asking the pool to holding a session (includes building the client of a new session)")
    @Timespan(Timespan.NANOSECONDS)
    long waitTime;

    @Label("Reused")
    @Description("True for a session from the pool (hit), false for one created for this borrow (miss)")
    boolean reused;
}
