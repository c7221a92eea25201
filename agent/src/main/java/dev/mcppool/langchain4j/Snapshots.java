package dev.mcppool.langchain4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builder settings as they were at {@code build()}: the application may change its builder afterwards. */
final class Snapshots {

    private Snapshots() {
    }

    /** Lists and maps copied (they may hold nulls), anything else as it is. */
    static Object copyOf(Object value) {
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        if (value instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
        return value;
    }
}
