package dev.mcppool.langchain4j;

import dev.mcppool.adapter.Members;
import java.lang.reflect.Field;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The threads of pooled LangChain4j sessions are daemon threads. The library starts its stdio reader threads with
 * {@code new Thread} (which inherits the caller's daemon flag), runs them on a shared non-daemon pool (1.13+ on JDK
 * 17), or runs the SSE stream on OkHttp's non-daemon dispatcher; that never kept an application from exiting while
 * each client lived for one request, but idle pooled sessions would. The shutdown hook closes them at exit.
 */
final class PoolThreads {

    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final ExecutorService stdioExecutor = daemonPool("mcp-pool-langchain4j-io-");
    private final ExecutorService healthChecks = daemonPool("mcp-pool-langchain4j-health-");

    /** The executor for stdio transports that would otherwise use the library's default one. */
    ExecutorService stdioExecutor() {
        return stdioExecutor;
    }

    /** Where the pool's health checks run, so that one that hangs can be given up after the validation timeout. */
    ExecutorService healthChecks() {
        return healthChecks;
    }

    /**
     * Gives an SSE transport's OkHttp client a dispatcher of daemon threads of its own (the transport shuts its
     * dispatcher down when it closes).
     */
    void useDaemonDispatcher(Object sseTransport) throws Exception {
        Field clientField = Members.field(sseTransport.getClass(), "client");
        Object client = Members.read(clientField, sseTransport);
        ClassLoader okHttp = client.getClass().getClassLoader();
        Class<?> dispatcherClass = Class.forName("okhttp3.Dispatcher", false, okHttp);
        Object dispatcher = dispatcherClass.getConstructor(ExecutorService.class)
                .newInstance(daemonPool("mcp-pool-langchain4j-sse-"));
        Object builder = Members.invoke(Members.method(client.getClass(), "newBuilder"), client);
        Members.invoke(Members.method(builder.getClass(), "dispatcher", dispatcherClass), builder, dispatcher);
        Members.write(clientField, sseTransport, Members.invoke(Members.method(builder.getClass(), "build"), builder));
    }

    /**
     * Runs {@code connect} (which starts the library's transport threads) on a new daemon thread and waits for it;
     * its threads inherit the daemon flag. Its exception, if any, is thrown here as it was thrown there. If the
     * caller is interrupted meanwhile, what {@code connect} still makes is handed to {@code discard}.
     */
    <T> T onDaemonThread(Callable<T> connect, Consumer<T> discard) throws Exception {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(connect.call());
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        }, "mcp-pool-langchain4j-connect-" + NUMBER.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            thread.interrupt();
            outcome.thenAccept(discard);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            throw (Error) e.getCause();
        }
    }

    private static ExecutorService daemonPool(String namePrefix) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            // created on some borrower's thread: it must not inherit that user's inheritable thread-locals
            Thread thread = new Thread(null, task, namePrefix + NUMBER.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            return thread;
        });
    }
}
