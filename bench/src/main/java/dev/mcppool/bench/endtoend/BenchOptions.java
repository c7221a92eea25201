package dev.mcppool.bench.endtoend;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The runner's command line. */
record BenchOptions(Set<Part> parts, Pace pace, int rounds, Path results, boolean help) {

    static final String USAGE = String.join("\n",
            "usage: bench/run-end-to-end.sh [--quick] [--rounds N] [--only e2e|startup|resources[,...]] [--results DIR]",
            "  --quick      one round and short runs: a smoke test, not a measurement",
            "  --rounds N   interleaved rounds of the end-to-end part (default 2, with --quick 1)",
            "  --only ...   run only these parts (default: all)",
            "  --results    where the Markdown and SVG files go (default bench/results)");

    static final Path DEFAULT_RESULTS = Path.of("bench", "results");

    /** @throws IllegalArgumentException on an unknown option or a bad value */
    static BenchOptions parse(String... args) {
        Set<Part> parts = EnumSet.allOf(Part.class);
        Pace pace = Pace.FULL;
        Integer rounds = null;
        Path results = DEFAULT_RESULTS;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--quick" -> pace = Pace.QUICK;
                case "--rounds" -> rounds = positive(value(args, ++i, option), option);
                case "--only" -> parts = parts(value(args, ++i, option));
                case "--results" -> results = Path.of(value(args, ++i, option));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BenchOptions(parts, pace, rounds != null ? rounds : pace.defaultRounds(), results, help);
    }

    private static Set<Part> parts(String value) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        Arrays.stream(value.split(",")).map(String::trim).map(Part::of).forEach(parts::add);
        return parts;
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive integer, got " + value);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
