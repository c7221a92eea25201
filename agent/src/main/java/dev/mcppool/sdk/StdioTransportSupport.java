package dev.mcppool.sdk;

import dev.mcppool.adapter.Members;
import dev.mcppool.adapter.Redaction;
import dev.mcppool.adapter.TransportIdentity;
import dev.mcppool.pool.Secrets;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** {@code StdioClientTransport}: the server is a child process identified by command, arguments and environment. */
final class StdioTransportSupport implements TransportSupport {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final String[] SCHEDULER_FIELDS = {"inboundScheduler", "outboundScheduler", "errorScheduler"};

    private final Class<?> transportClass;
    private final Field params;
    private final Method command;
    private final Method args;
    private final Method env;
    private final Field process;
    private final Field closing;
    private final Field stdErrorHandler;
    private final Field inputMaxSize;
    private final Field[] schedulers;
    private final Method schedulerFromExecutor;
    private final Method schedulerDispose;
    private final Field jsonMapper;
    private final Constructor<?> constructor;

    StdioTransportSupport(ClassLoader sdk) throws ReflectiveOperationException {
        transportClass = Class.forName("io.modelcontextprotocol.client.transport.StdioClientTransport", false, sdk);
        Class<?> parameters = Class.forName("io.modelcontextprotocol.client.transport.ServerParameters", false, sdk);
        params = Members.field(transportClass, "params");
        command = Members.method(parameters, "getCommand");
        args = Members.method(parameters, "getArgs");
        env = Members.method(parameters, "getEnv");
        process = Members.field(transportClass, "process");
        closing = Members.field(transportClass, "isClosing");
        stdErrorHandler = Members.field(transportClass, "stdErrorHandler");
        inputMaxSize = Members.optionalField(transportClass, "inputMaxSize");
        schedulers = new Field[SCHEDULER_FIELDS.length];
        for (int i = 0; i < SCHEDULER_FIELDS.length; i++) {
            schedulers[i] = Members.field(transportClass, SCHEDULER_FIELDS[i]);
        }
        Class<?> schedulersClass = Class.forName("reactor.core.scheduler.Schedulers", false, sdk);
        schedulerFromExecutor = Members.method(schedulersClass, "fromExecutorService", ExecutorService.class);
        schedulerDispose = Members.method(Class.forName("reactor.core.Disposable", false, sdk), "dispose");
        // SDK 0.13 replaced the Jackson ObjectMapper with its own McpJsonMapper
        Field mapper = Members.optionalField(transportClass, "jsonMapper");
        jsonMapper = mapper != null ? mapper : Members.optionalField(transportClass, "objectMapper");
        constructor = jsonMapper == null ? null : constructorFor(parameters, jsonMapper.getType());
    }

    private Constructor<?> constructorFor(Class<?> parameters, Class<?> mapper) {
        try {
            return inputMaxSize == null ? transportClass.getConstructor(parameters, mapper)
                    : transportClass.getConstructor(parameters, mapper, int.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public String kind() {
        return "stdio";
    }

    @Override
    public boolean handles(Object transport) {
        return transport.getClass() == transportClass;
    }

    @Override
    public TransportIdentity identify(Object transport) {
        Object handler = Members.read(stdErrorHandler, transport);
        if (handler != null && !Members.isLambdaOf(handler, transportClass)) {
            return TransportIdentity.unpooled("a custom stderr handler on StdioClientTransport");
        }
        Object serverParameters = Members.read(params, transport);
        String commandName = (String) Members.invokeUnchecked(command, serverParameters);
        @SuppressWarnings("unchecked")
        List<String> arguments = (List<String>) Members.invokeUnchecked(args, serverParameters);
        @SuppressWarnings("unchecked")
        Map<String, String> environment = new TreeMap<>((Map<String, String>) Members.invokeUnchecked(env, serverParameters));

        List<String> identity = new ArrayList<>();
        identity.add("command=" + commandName);
        // quoted one by one: joined as List.toString writes them, ["a, b"] and ["a", "b"] would read alike
        identity.add("args=" + KeyText.of(arguments));
        environment.forEach((name, value) -> identity.add("env." + name + "=" + Secrets.digest(value)));
        // it writes what the server reads, and a pooled session keeps the mapper of the transport that started it
        Object mapper = jsonMapper == null ? null : Members.read(jsonMapper, transport);
        identity.add("jsonMapper=" + JsonMappers.identify(mapper));
        if (inputMaxSize != null) {
            identity.add("inputMaxSize=" + Members.read(inputMaxSize, transport));
        }
        Supplier<String> label = () -> "stdio: " + Redaction.commandLine(commandName, arguments)
                + (environment.isEmpty() ? "" : " (env: " + String.join(", ", environment.keySet()) + ")");
        return TransportIdentity.of(commandName, label, identity);
    }

    @Override
    public Optional<Callable<Object>> recipe(Object transport) {
        if (constructor == null) {
            return Optional.empty();
        }
        Object[] arguments = inputMaxSize == null
                ? new Object[] {Members.read(params, transport), Members.read(jsonMapper, transport)}
                : new Object[] {Members.read(params, transport), Members.read(jsonMapper, transport),
                        Members.read(inputMaxSize, transport)};
        return Optional.of(() -> constructor.newInstance(arguments));
    }

    /**
     * The transport's three I/O threads come from {@code Executors.newSingleThreadExecutor()} and so are not daemon
     * threads: idle pooled sessions would keep the JVM alive after the application's main thread returned, which it
     * never did without the agent. Pooled sessions get daemon threads instead; the shutdown hook then closes them.
     */
    @Override
    public void prepareForPool(Object transport) {
        for (Field field : schedulers) {
            Object original = Members.read(field, transport);
            ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "mcp-pool-stdio-" + THREAD_NUMBER.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            Members.write(field, transport, Members.invokeUnchecked(schedulerFromExecutor, null, executor));
            Members.invokeUnchecked(schedulerDispose, original);
        }
    }

    @Override
    public boolean isOpen(Object transport) {
        Process serverProcess = (Process) Members.read(process, transport);
        return serverProcess == null || (serverProcess.isAlive() && !(Boolean) Members.read(closing, transport));
    }

    @Override
    public Optional<Process> process(Object transport) {
        return Optional.ofNullable((Process) Members.read(process, transport));
    }
}
