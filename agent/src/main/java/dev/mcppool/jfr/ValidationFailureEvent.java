package dev.mcppool.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("dev.mcppool.ValidationFailure")
@Label("MCP Session Validation Failure")
@Category("MCP Pool")
@Description("A pooled MCP session failed a health check and is replaced")
@StackTrace(false)
final class ValidationFailureEvent extends ServerEvent {

    @Label("Reason")
    String reason;
}
