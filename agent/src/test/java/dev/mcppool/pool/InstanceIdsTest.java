package dev.mcppool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InstanceIdsTest {

    @Test
    void theSameObjectKeepsItsNameAndEqualObjectsGetTheirOwn() {
        List<String> first = List.of("a");
        List<String> equalButOther = List.of("a");

        assertThat(InstanceIds.of(first)).isEqualTo(InstanceIds.of(first)).startsWith(first.getClass().getName() + "#");
        assertThat(InstanceIds.of(equalButOther)).isNotEqualTo(InstanceIds.of(first));
    }

    @Test
    void threadsNamingTheSameObjectsAgree() {
        List<Object> objects = IntStream.range(0, 200).mapToObj(i -> new Object()).toList();
        Set<String> names = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 8).parallel().forEach(round -> objects.forEach(o -> names.add(InstanceIds.of(o))));

        assertThat(names).hasSize(200);
    }
}
