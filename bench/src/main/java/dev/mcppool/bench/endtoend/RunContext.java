package dev.mcppool.bench.endtoend;

import dev.mcppool.bench.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where and when the benchmark ran, and the command that reproduces it.
 *
 * @param loadAverage the machine's 1, 5 and 15 minute load averages when the run started: on a shared machine, a
 *     hint of how much else was running
 */
record RunContext(ZonedDateTime date, Machine machine, String command, String loadAverage) {

    /** The first three fields of {@code /proc/loadavg}, or "unknown" where it is missing. */
    static String currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    String dateText() {
        return date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    /** The report's header lines: date, machine, Java, how to reproduce. */
    String markdownHeader() {
        return "- Date: " + dateText() + "\n"
                + "- Machine: " + machine.hardware() + "\n"
                + "- Load average (1, 5, 15 min) when the run started: " + loadAverage + "\n"
                + "- Java of every demo JVM: " + machine.jvm() + "\n"
                + "- Reproduce: `" + command + "` (from the repository root; builds what it needs first)\n";
    }
}
