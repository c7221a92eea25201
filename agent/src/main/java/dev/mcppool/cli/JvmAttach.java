package dev.mcppool.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** The JDK's attach API: local JVMs, loading the agent into one, reading its MBeans; expected failures as one line. */
final class JvmAttach {

    static final String LIST_HINT = "`java -jar mcp-pool.jar list` shows the JVMs you can attach to";

    private JvmAttach() {
    }

    record LocalJvm(String pid, String displayName) {
    }

    /** Reads something over JMX. */
    interface JmxRead<T> {
        T read(MBeanServerConnection jmx) throws IOException, JMException;
    }

    /** The JVMs of this machine that this user can attach to, except this one. */
    static List<LocalJvm> localJvms() {
        String self = Long.toString(ProcessHandle.current().pid());
        return VirtualMachine.list().stream()
                .filter(jvm -> !jvm.id().equals(self))
                .map(jvm -> new LocalJvm(jvm.id(), jvm.displayName()))
                .toList();
    }

    static void loadAgent(long pid, Path agentJar, String options) throws CliFailure {
        VirtualMachine vm = attach(pid);
        try {
            vm.loadAgent(agentJar.toString(), options);
        } catch (AgentLoadException e) {
            throw CliFailure.failed("JVM " + pid + " could not load " + agentJar + ": " + reason(e));
        } catch (AgentInitializationException e) {
            throw CliFailure.failed("the agent failed to start in JVM " + pid + ": " + reason(e));
        } catch (IOException e) {
            throw CliFailure.failed("lost the connection to JVM " + pid + " while loading the agent: " + reason(e));
        } finally {
            detach(vm);
        }
    }

    /**
     * Connects to the JMX of JVM {@code pid} through its local management agent (started if need be, as jcmd and
     * JConsole do) and reads from it.
     */
    static <T> T readJmx(long pid, JmxRead<T> read) throws CliFailure {
        VirtualMachine vm = attach(pid);
        try {
            JMXServiceURL address = new JMXServiceURL(vm.startLocalManagementAgent());
            try (JMXConnector connector = JMXConnectorFactory.connect(address)) {
                return read.read(connector.getMBeanServerConnection());
            }
        } catch (IOException | JMException e) {
            throw CliFailure.failed("could not read the JMX of JVM " + pid + ": " + reason(e));
        } finally {
            detach(vm);
        }
    }

    /**
     * Attaches only to JVMs that {@link #localJvms()} lists: on JDK 17 attaching sends the target a SIGQUIT, which ends
     * a process that is not a JVM.
     */
    private static VirtualMachine attach(long pid) throws CliFailure {
        String id = Long.toString(pid);
        if (localJvms().stream().noneMatch(jvm -> jvm.pid().equals(id))) {
            throw ProcessHandle.of(pid).isEmpty()
                    ? CliFailure.failed("no Java process with pid " + pid + "; " + LIST_HINT)
                    : CliFailure.failed("process " + pid + " is not a JVM you can attach to (not Java, started with"
                            + " -XX:+DisableAttachMechanism or -XX:-UsePerfData, or run by another user); "
                            + LIST_HINT);
        }
        try {
            return VirtualMachine.attach(id);
        } catch (AttachNotSupportedException e) {
            throw CliFailure.failed("cannot attach to JVM " + pid + ": " + reason(e));
        } catch (IOException e) {
            throw CliFailure.failed("cannot attach to JVM " + pid + " (" + reason(e) + "); is it run by another user?");
        }
    }

    private static void detach(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException alreadyGone) {
            // the command's outcome is decided; a JVM that went away meanwhile needs no detaching
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
