package dev.mcppool.bootstrap;

/** The outcome of a call that ran on a pooled session instead of the instrumented method: a value or a throwable. */
public final class Redirected {

    private final Object value;
    private final Throwable failure;

    private Redirected(Object value, Throwable failure) {
        this.value = value;
        this.failure = failure;
    }

    public static Redirected value(Object value) {
        return new Redirected(value, null);
    }

    public static Redirected failure(Throwable failure) {
        return new Redirected(null, failure);
    }

    public static Object valueOf(Object redirected) {
        return ((Redirected) redirected).value;
    }

    public static Throwable failureOf(Object redirected) {
        return ((Redirected) redirected).failure;
    }
}
