package dev.mcppool.adapter;

/**
 * An application callback that puts something on the wire makes something else each time it runs on one thread:
 * what differs between its callers cannot be told from what differs between its calls, so its client runs unpooled.
 */
public final class UnkeyableCallbackException extends IllegalStateException {

    public UnkeyableCallbackException(String why) {
        super(why);
    }
}
