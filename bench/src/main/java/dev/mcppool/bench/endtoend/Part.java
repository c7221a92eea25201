package dev.mcppool.bench.endtoend;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The parts {@code --only} can choose. */
enum Part {
    E2E("e2e"),
    STARTUP("startup"),
    RESOURCES("resources");

    final String option;

    Part(String option) {
        this.option = option;
    }

    static Part of(String option) {
        return Arrays.stream(values()).filter(part -> part.option.equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--only takes " + Arrays.stream(values())
                        .map(part -> part.option).collect(Collectors.joining(", ")) + ", not " + option));
    }
}
