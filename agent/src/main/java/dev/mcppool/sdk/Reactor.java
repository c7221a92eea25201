package dev.mcppool.sdk;

import dev.mcppool.adapter.Members;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The few Project Reactor operations the async client's facade needs, called reflectively on the copy of Reactor the
 * SDK was loaded with (the agent carries none). Monos are plain {@code Object}s here.
 */
final class Reactor {

    private final Method defer;
    private final Method error;
    private final Method just;
    private final Method fromFuture;
    private final Method block;
    private final Method from;
    private final Method blockWithin;
    private final Method contextWrite;
    private final Method contextPut;
    private final Method doOnSuccess;
    private final Method doOnError;
    private final Method doFinally;
    private final Method onErrorResume;
    private final Method subscribeOn;
    private final Method boundedElastic;
    private final Method schedule;
    private final Object cancel;

    Reactor(ClassLoader sdk) throws ReflectiveOperationException {
        Class<?> mono = Class.forName("reactor.core.publisher.Mono", false, sdk);
        Class<?> scheduler = Class.forName("reactor.core.scheduler.Scheduler", false, sdk);
        defer = Members.method(mono, "defer", Supplier.class);
        error = Members.method(mono, "error", Throwable.class);
        just = Members.method(mono, "just", Object.class);
        fromFuture = Members.method(mono, "fromFuture", CompletableFuture.class);
        block = Members.method(mono, "block");
        from = Members.method(mono, "from", Class.forName("org.reactivestreams.Publisher", false, sdk));
        blockWithin = Members.method(mono, "block", Duration.class);
        contextWrite = Members.method(mono, "contextWrite", Function.class);
        contextPut = Members.method(Class.forName("reactor.util.context.Context", false, sdk), "put", Object.class,
                Object.class);
        doOnSuccess = Members.method(mono, "doOnSuccess", Consumer.class);
        doOnError = Members.method(mono, "doOnError", Consumer.class);
        doFinally = Members.method(mono, "doFinally", Consumer.class);
        onErrorResume = Members.method(mono, "onErrorResume", Function.class);
        subscribeOn = Members.method(mono, "subscribeOn", scheduler);
        // looked up on each use: an application may reset Reactor's schedulers (tests, dev tools)
        boundedElastic = Members.method(Class.forName("reactor.core.scheduler.Schedulers", false, sdk),
                "boundedElastic");
        schedule = Members.method(scheduler, "schedule", Runnable.class);
        cancel = Class.forName("reactor.core.publisher.SignalType", false, sdk).getField("CANCEL").get(null);
    }

    /** {@code Mono.defer(monos)}, subscribed on the bounded elastic scheduler when the body may block. */
    Object defer(Supplier<Object> monos, boolean mayBlock) {
        Object deferred = Members.invokeUnchecked(defer, null, monos);
        return mayBlock ? Members.invokeUnchecked(subscribeOn, deferred, boundedElastic()) : deferred;
    }

    /** Runs {@code task} on the bounded elastic scheduler, where blocking is allowed. */
    void runBlocking(Runnable task) {
        Members.invokeUnchecked(schedule, boundedElastic(), task);
    }

    private Object boundedElastic() {
        return Members.invokeUnchecked(boundedElastic, null);
    }

    Object error(Throwable failure) {
        return Members.invokeUnchecked(error, null, failure);
    }

    Object just(Object value) {
        return Members.invokeUnchecked(just, null, value);
    }

    /** A Mono that completes with {@code future}; cancelling it leaves {@code future} alone. */
    Object completionOf(CompletableFuture<?> future) {
        return Members.invokeUnchecked(fromFuture, null, future.copy());
    }

    Object block(Object mono) {
        return Members.invokeUnchecked(block, mono);
    }

    /**
     * The first value {@code publisher} emits, waited for at most {@code timeout}, subscribed with {@code contextKey}
     * bound to {@code contextValue} in its Reactor context (as the sync client subscribes its requests); no binding
     * when the key is null.
     */
    Object awaitFirst(Object publisher, Duration timeout, Object contextKey, Object contextValue) {
        Object mono = Members.invokeUnchecked(from, null, publisher);
        if (contextKey != null) {
            Function<Object, Object> bind = context -> Members.invokeUnchecked(contextPut, context, contextKey,
                    contextValue);
            mono = Members.invokeUnchecked(contextWrite, mono, bind);
        }
        return Members.invokeUnchecked(blockWithin, mono, timeout);
    }

    /** {@code mono}, or if it fails, the Mono {@code fallback} makes of its failure. */
    Object onErrorResume(Object mono, Function<Throwable, Object> fallback) {
        return Members.invokeUnchecked(onErrorResume, mono, fallback);
    }

    /**
     * {@code mono} with callbacks: {@code onSuccess} with its value, {@code onError} with its failure, then
     * {@code onEnd} once it has ended in any way, told whether the subscriber cancelled it.
     */
    Object observe(Object mono, Consumer<Object> onSuccess, Consumer<Throwable> onError, Consumer<Boolean> onEnd) {
        Object observed = Members.invokeUnchecked(doOnSuccess, mono, onSuccess);
        observed = Members.invokeUnchecked(doOnError, observed, onError);
        Consumer<Object> finished = signal -> onEnd.accept(signal == cancel);
        return Members.invokeUnchecked(doFinally, observed, finished);
    }
}
