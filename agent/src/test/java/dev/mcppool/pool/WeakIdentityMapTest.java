package dev.mcppool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

    @Test
    void keysCountByIdentity() {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        List<String> key = new ArrayList<>(List.of("a"));
        List<String> equalButOther = new ArrayList<>(List.of("a"));

        map.put(key, "first");

        assertThat(map.get(key)).isEqualTo("first");
        assertThat(map.get(equalButOther)).isNull();
        assertThat(map.putIfAbsent(key, "second")).isEqualTo("first");
        assertThat(map.putIfAbsent(equalButOther, "other")).isNull();
        assertThat(map.get(equalButOther)).isEqualTo("other");
    }

    @Test
    void anEntryWhoseKeyWasCollectedLeavesAtExpungeWithItsValue() throws InterruptedException {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        map.put(new Object(), "dropped");
        List<String> removed = new ArrayList<>();

        for (int attempt = 0; attempt < 50 && removed.isEmpty(); attempt++) {
            System.gc();
            Thread.sleep(20);
            map.expunge(removed::add);
        }

        assertThat(removed).containsExactly("dropped");
    }
}
