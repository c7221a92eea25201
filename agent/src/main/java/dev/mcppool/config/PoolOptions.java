package dev.mcppool.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the agent's options from its three sources and validates them in one place.
 *
 * <p>Precedence, highest first: the agent option string ({@code -javaagent:mcp-pool.jar=maxPerKey=4,maxWait=3s}), then
 * system properties ({@code -Dmcp.pool.maxPerKey=4}), then environment variables ({@code MCP_POOL_MAX_PER_KEY=4}), then
 * the defaults. Any invalid value or unknown option name turns pooling off (the application runs exactly as without the
 * agent) and is reported as one line naming the option, the value, where it came from and the accepted form.
 */
public final class PoolOptions {

    public static final String SYSTEM_PROPERTY_PREFIX = "mcp.pool.";
    public static final String ENVIRONMENT_PREFIX = "MCP_POOL_";

    private static final String POSITIVE_INTEGER = "a whole number of at least 1";
    private static final String BOOLEAN = "true or false";

    private record Option(String name, String defaultValue, String acceptedForm, Function<String, Object> parser) {
    }

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    static {
        define("enabled", "true", BOOLEAN, PoolOptions::parseBoolean);
        define("maxPerKey", "8", POSITIVE_INTEGER, wholeNumberAtLeast(1));
        define("minIdle", "0", "a whole number from 0 to maxPerKey", wholeNumberAtLeast(0));
        define("prewarm", "false", BOOLEAN, PoolOptions::parseBoolean);
        define("maxTotal", "64", POSITIVE_INTEGER, wholeNumberAtLeast(1));
        define("maxWait", "5s", Durations.ACCEPTED_FORM + ", at least 1ms", PoolOptions::parsePositiveDuration);
        define("validationTimeout", "2s", Durations.ACCEPTED_FORM + ", at least 1ms", PoolOptions::parsePositiveDuration);
        define("aliveBypassWindow", "500ms", Durations.ACCEPTED_FORM, Durations::parse);
        define("idleTimeout", "10m", Durations.ACCEPTED_FORM + ", at least 1ms", PoolOptions::parsePositiveDuration);
        define("maxLifetime", "30m", Durations.ACCEPTED_FORM + "; 0 means unlimited", Durations::parse);
        define("keepaliveTime", "2m", Durations.ACCEPTED_FORM + "; 0 turns keepalive pings off", Durations::parse);
        define("leakDetectionThreshold", "0", Durations.ACCEPTED_FORM + "; 0 turns leak detection off",
                Durations::parse);
        define("breakerFailures", "5", POSITIVE_INTEGER, wholeNumberAtLeast(1));
        define("breakerCooldown", "30s", Durations.ACCEPTED_FORM + ", at least 1ms", PoolOptions::parsePositiveDuration);
        define("jmx", "true", BOOLEAN, PoolOptions::parseBoolean);
    }

    /** The settings to run with and the problems found; when there are problems, {@code settings.enabled()} is false. */
    public record Resolution(PoolSettings settings, List<String> problems) {
    }

    private PoolOptions() {
    }

    public static Resolution resolve(String agentArguments, Map<String, String> systemProperties,
                                     Map<String, String> environment) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        OPTIONS.values().forEach(option -> values.put(option.name(), option.parser().apply(option.defaultValue())));

        environment.forEach((name, value) -> {
            if (name.startsWith(ENVIRONMENT_PREFIX)) {
                String optionName = fromEnvironmentName(name.substring(ENVIRONMENT_PREFIX.length()));
                apply(optionName, value, "environment variable " + name, values, problems);
            }
        });
        systemProperties.forEach((name, value) -> {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                apply(name.substring(SYSTEM_PROPERTY_PREFIX.length()), value, "system property " + name, values, problems);
            }
        });
        if (agentArguments != null && !agentArguments.isBlank()) {
            for (String pair : agentArguments.split(",")) {
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    problems.add("mcp-pool: agent option '" + pair.trim() + "' has no value: expected name=value pairs"
                            + " separated by commas, e.g. maxPerKey=4,maxWait=3s");
                    continue;
                }
                apply(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim(), "agent options", values,
                        problems);
            }
        }

        if ((Integer) values.get("minIdle") > (Integer) values.get("maxPerKey")) {
            problems.add("mcp-pool: minIdle=" + values.get("minIdle") + " exceeds maxPerKey=" + values.get("maxPerKey")
                    + ": expected a whole number from 0 to maxPerKey; pooling is disabled");
        }
        PoolSettings settings = new PoolSettings(
                problems.isEmpty() && (Boolean) values.get("enabled"),
                (Integer) values.get("maxPerKey"),
                (Integer) values.get("minIdle"),
                (Boolean) values.get("prewarm"),
                (Integer) values.get("maxTotal"),
                (Duration) values.get("maxWait"),
                (Duration) values.get("validationTimeout"),
                (Duration) values.get("aliveBypassWindow"),
                (Duration) values.get("idleTimeout"),
                (Duration) values.get("maxLifetime"),
                (Duration) values.get("keepaliveTime"),
                (Duration) values.get("leakDetectionThreshold"),
                (Integer) values.get("breakerFailures"),
                (Duration) values.get("breakerCooldown"),
                (Boolean) values.get("jmx"));
        return new Resolution(settings, List.copyOf(problems));
    }

    private static void apply(String name, String value, String source, Map<String, Object> values,
                              List<String> problems) {
        Option option = OPTIONS.get(name);
        if (option == null) {
            problems.add("mcp-pool: unknown option '" + name + "' in " + source + "; known options: "
                    + String.join(", ", OPTIONS.keySet()) + "; pooling is disabled");
            return;
        }
        try {
            values.put(name, option.parser().apply(value));
        } catch (IllegalArgumentException e) {
            problems.add("mcp-pool: invalid value '" + value + "' for option " + name + " in " + source
                    + ": expected " + option.acceptedForm() + "; pooling is disabled");
        }
    }

    /** {@code MAX_PER_KEY} → {@code maxPerKey}. */
    static String fromEnvironmentName(String environmentName) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : environmentName.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static void define(String name, String defaultValue, String acceptedForm, Function<String, Object> parser) {
        OPTIONS.put(name, new Option(name, defaultValue, acceptedForm, parser));
    }

    private static Object parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(BOOLEAN);
        };
    }

    /** A parser of whole numbers of at least {@code minimum}; what it rejects is reported with the option's form. */
    private static Function<String, Object> wholeNumberAtLeast(int minimum) {
        return text -> {
            try {
                int value = Integer.parseInt(text.trim());
                if (value >= minimum) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("a whole number of at least " + minimum);
        };
    }

    private static Object parsePositiveDuration(String text) {
        Duration duration = Durations.parse(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("at least 1ms");
        }
        return duration;
    }
}
