package dev.mcppool.adapter;

import dev.mcppool.bootstrap.Redirected;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Exit advice shared by the adapters: when the enter advice answered with a {@link Redirected} outcome (and so skipped
 * the library's own method body), the caller gets that outcome's value or exception.
 */
public final class PooledOutcome {

    private PooledOutcome() {
    }

    /** For a method that returns something. */
    public static final class ReturnIt {
        private ReturnIt() {
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void onExit(@Advice.Enter Object redirected,
                                  @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
                                  @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (redirected != null) {
                Throwable failure = Redirected.failureOf(redirected);
                if (failure != null) {
                    thrown = failure;
                } else {
                    result = Redirected.valueOf(redirected);
                }
            }
        }
    }

    /** For a void method: only its exception, if any. */
    public static final class ThrowIt {
        private ThrowIt() {
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void onExit(@Advice.Enter Object redirected, @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (redirected != null && Redirected.failureOf(redirected) != null) {
                thrown = Redirected.failureOf(redirected);
            }
        }
    }
}
