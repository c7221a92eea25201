package dev.mcppool.sdk;

import dev.mcppool.bench.InMemorySession;
import dev.mcppool.config.PoolOptions;
import dev.mcppool.pool.Lease;
import dev.mcppool.pool.LeaseEnd;
import dev.mcppool.pool.PoolEvents;
import dev.mcppool.pool.PoolKey;
import dev.mcppool.pool.SessionPool;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The agent's own work for one client an application builds and closes: the pool key from the client's spec (as
 * {@link SdkClientPooling#clientBuilt} computes it), then a borrow and a clean return of an in-memory session.
 */
@State(Scope.Benchmark)
public class AgentPathBenchmark {

    /** More than the most threads (32), so that no borrow waits for a session: this measures the path, not waiting. */
    public static final String POOL_OPTIONS = "maxPerKey=64,maxTotal=64";

    @Param({ClientSpecs.STDIO, ClientSpecs.STREAMABLE_HTTP})
    public String transport;

    private Object spec;
    private SdkBinding sdk;
    private SessionPool pool;

    @Setup
    public void setUp() {
        spec = ClientSpecs.of(transport);
        sdk = SdkBinding.resolve(spec.getClass())
                .orElseThrow(() -> new IllegalStateException("the agent does not support this SDK version"));
        SpecKeys.Keying keying = SpecKeys.keyFor(sdk, spec, ClientCallbacks.of(sdk, spec));
        if (keying.key() == null) {
            throw new IllegalStateException("the agent would not pool this client: " + keying.unpooledReason());
        }
        // as AgentInstaller does, but blind to MCP_POOL_* variables and mcp.pool.* properties, so runs compare
        PoolOptions.Resolution options = PoolOptions.resolve(POOL_OPTIONS, Map.of(), Map.of());
        if (!options.problems().isEmpty()) {
            throw new IllegalStateException(String.join("; ", options.problems()));
        }
        pool = new SessionPool(options.settings(), options.serverRules(), PoolEvents.NONE);
    }

    @TearDown
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public void keyBorrowRelease() throws Exception {
        PoolKey key = SpecKeys.keyFor(sdk, spec, ClientCallbacks.of(sdk, spec)).key();
        Lease lease = pool.borrow(key, InMemorySession::new);
        lease.release(LeaseEnd.CLEAN);
    }
}
