package dev.mcppool.bench.endtoend;

import dev.mcppool.bench.Machine;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Where and when the benchmark ran, and the command that reproduces it. */
record RunContext(ZonedDateTime date, Machine machine, String command) {

    String dateText() {
        return date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    String machineText() {
        return machine.cores() + " cores, " + machine.cpu() + ", " + machine.os();
    }

    /** The report's header lines: date, machine, Java, how to reproduce. */
    String markdownHeader() {
        return "- Date: " + dateText() + "\n"
                + "- Machine: " + machineText() + "\n"
                + "- Java of every demo JVM: " + machine.jvm() + "\n"
                + "- Reproduce: `" + command + "` (from the repository root; builds what it needs first)\n";
    }
}
