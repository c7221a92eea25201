package dev.mcppool.it;

import com.sun.tools.attach.VirtualMachine;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** The agent's MXBean in another JVM, over a real JMX connection (the JVM's local management agent, via attach). */
final class PoolMBean implements AutoCloseable {

    static final String OBJECT_NAME = "dev.mcppool:type=McpSessionPool,name=default";

    private final VirtualMachine vm;
    private final JMXConnector connector;
    private final ObjectName name;

    private PoolMBean(VirtualMachine vm, JMXConnector connector) throws Exception {
        this.vm = vm;
        this.connector = connector;
        this.name = new ObjectName(OBJECT_NAME);
    }

    static PoolMBean of(DemoRun run) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(run.pid()));
        try {
            return new PoolMBean(vm, JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent())));
        } catch (Exception e) {
            vm.detach();
            throw e;
        }
    }

    Object attribute(String attribute) throws Exception {
        return connection().getAttribute(name, attribute);
    }

    /** Writes an attribute, as JConsole's Attributes tab does. */
    void setAttribute(String attribute, Object value) throws Exception {
        connection().setAttribute(name, new Attribute(attribute, value));
    }

    /** Invokes an operation of the MXBean, as JConsole's Operations tab does. */
    Object invoke(String operation, Object... arguments) throws Exception {
        String[] signature = new String[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            signature[i] = arguments[i].getClass().getName();
        }
        return connection().invoke(name, operation, arguments, signature);
    }

    MBeanServerConnection connection() throws Exception {
        return connector.getMBeanServerConnection();
    }

    ObjectName name() {
        return name;
    }

    @Override
    public void close() throws Exception {
        try {
            connector.close();
        } finally {
            vm.detach();
        }
    }
}
