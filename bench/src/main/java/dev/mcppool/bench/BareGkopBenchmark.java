package dev.mcppool.bench;

import dev.mcppool.pool.PoolKey;
import java.time.Duration;
import java.util.List;
import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The baseline: commons-pool2 alone, with the agent's limits and borrow-path settings (SessionPool's poolConfig; its
 * idle-session maintenance runs in the background and is left out), borrowing and returning under one prebuilt key.
 */
@State(Scope.Benchmark)
public class BareGkopBenchmark {

    private static final int MAX_SESSIONS = 64;

    private final PoolKey key = new PoolKey("bench", "stdio", "server", "bench server", List.of("command=server"));
    private GenericKeyedObjectPool<PoolKey, Object> pool;

    @Setup
    public void setUp() {
        GenericKeyedObjectPoolConfig<Object> config = new GenericKeyedObjectPoolConfig<>();
        config.setMaxTotalPerKey(MAX_SESSIONS);
        config.setMaxIdlePerKey(MAX_SESSIONS);
        config.setMaxTotal(MAX_SESSIONS);
        config.setMaxWait(Duration.ofSeconds(5));
        config.setBlockWhenExhausted(true);
        config.setLifo(true);
        config.setTestOnBorrow(true);
        config.setJmxEnabled(false);
        config.setReuseCapacityOnReturn(false);
        pool = new GenericKeyedObjectPool<>(new TrivialFactory(), config);
    }

    @TearDown
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public void borrowReturn() throws Exception {
        Object pooled = pool.borrowObject(key);
        pool.returnObject(key, pooled);
    }

    private static final class TrivialFactory extends BaseKeyedPooledObjectFactory<PoolKey, Object> {
        @Override
        public Object create(PoolKey key) {
            return new Object();
        }

        @Override
        public PooledObject<Object> wrap(Object value) {
            return new DefaultPooledObject<>(value);
        }
    }
}
