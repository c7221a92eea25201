package dev.mcppool.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;

/** The machine a run measured on, and the JVM that ran the measured code. */
public record Machine(int cores, String cpu, String os, String jvm) {

    /** Cores, CPU and operating system, e.g. {@code 2 cores, AMD EPYC, Linux 6.1 amd64}. */
    public String hardware() {
        return cores + " cores, " + cpu + ", " + os;
    }

    /** This machine, and the JVM that {@code run} (any benchmark of it) forked. */
    static Machine of(BenchmarkParams run) {
        return withJvm(run.getVmName() + ", JDK " + run.getJdkVersion() + " (VM " + run.getVmVersion() + ")");
    }

    /** This machine, with {@code jvm} describing the JVM that ran the measured code. */
    public static Machine withJvm(String jvm) {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"), jvm);
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (no /proc/cpuinfo)";
        }
    }
}
