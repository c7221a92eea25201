package dev.mcppool.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("dev.mcppool.Leak")
@Label("MCP Session Leak")
@Category("MCP Pool")
@Description("A lease was held longer than leakDetectionThreshold without close()")
@StackTrace(false)
final class LeakEvent extends ServerEvent {

    @Label("Held For")
    @Timespan(Timespan.NANOSECONDS)
    long heldFor;

    @Label("Borrower Thread")
    String borrowerThread;

    @Label("Borrow Site")
    @Description("The stack of the code that borrowed the session")
    String borrowSite;
}
