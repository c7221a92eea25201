package dev.mcppool.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads the agent's options from its sources and validates them in one place, at start and when JMX changes them.
 *
 * <p>Precedence, highest first: the agent option string ({@code -javaagent:mcp-pool.jar=maxPerKey=4,maxWait=3s}), then
 * system properties ({@code -Dmcp.pool.maxPerKey=4}), then environment variables ({@code MCP_POOL_MAX_PER_KEY=4}),
 * then the properties file that {@code config=<path>} names, then the defaults. Each source may also set options for
 * some servers only: {@code server.<pattern>.maxPerKey=2} ({@link ServerRule}). Any invalid value or unknown option
 * name turns pooling off (the application runs exactly as without the agent) and is reported as one line naming the
 * option, the value, where it came from and the accepted form.
 */
public final class PoolOptions {

    public static final String SYSTEM_PROPERTY_PREFIX = "mcp.pool.";
    public static final String ENVIRONMENT_PREFIX = "MCP_POOL_";
    private static final String SERVER_PREFIX = "server.";
    private static final String ENVIRONMENT_SERVER_PREFIX = "SERVER_";
    private static final String CONFIG = "config";

    private static final String POSITIVE_INTEGER = "a whole number of at least 1";
    private static final String BOOLEAN = "true or false";

    private record Option(String name, String defaultValue, String acceptedForm, Function<String, Object> parser,
                          boolean perServer) {
    }

    /** One name=value pair as a source gave it. */
    private record Entry(String name, String value, String source) {
    }

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    static {
        define("enabled", "true", BOOLEAN, PoolOptions::parseBoolean, true);
        define("maxPerKey", "8", POSITIVE_INTEGER, wholeNumberAtLeast(1), true);
        define("minIdle", "0", "a whole number from 0 to maxPerKey", wholeNumberAtLeast(0), true);
        define("prewarm", "false", BOOLEAN, PoolOptions::parseBoolean, true);
        define("maxTotal", "64", POSITIVE_INTEGER, wholeNumberAtLeast(1), false);
        define("maxWait", "5s", Durations.ACCEPTED_FORM + ", at least 1ms", PoolOptions::parsePositiveDuration, true);
        define("validationTimeout", "2s", Durations.ACCEPTED_FORM + ", at least 1ms",
                PoolOptions::parsePositiveDuration, true);
        define("aliveBypassWindow", "500ms", Durations.ACCEPTED_FORM, Durations::parse, true);
        define("idleTimeout", "10m", Durations.ACCEPTED_FORM + ", at least 1ms", PoolOptions::parsePositiveDuration,
                true);
        define("maxLifetime", "30m", Durations.ACCEPTED_FORM + "; 0 means unlimited", Durations::parse, true);
        define("keepaliveTime", "2m", Durations.ACCEPTED_FORM + "; 0 turns keepalive pings off", Durations::parse,
                true);
        define("leakDetectionThreshold", "0", Durations.ACCEPTED_FORM + "; 0 turns leak detection off",
                Durations::parse, true);
        define("breakerFailures", "5", POSITIVE_INTEGER, wholeNumberAtLeast(1), true);
        define("breakerCooldown", "30s", Durations.ACCEPTED_FORM + ", at least 1ms",
                PoolOptions::parsePositiveDuration, true);
        define("jmx", "true", BOOLEAN, PoolOptions::parseBoolean, false);
    }

    /**
     * The settings to run with, the per-server rules (in the order they were first named) and the problems found;
     * when there are problems, {@code settings.enabled()} is false.
     */
    public record Resolution(PoolSettings settings, List<ServerRule> serverRules, List<String> problems) {
    }

    private PoolOptions() {
    }

    public static Resolution resolve(String agentArguments, Map<String, String> systemProperties,
                                     Map<String, String> environment) {
        return resolve(agentArguments, systemProperties, environment, true);
    }

    /**
     * What is wrong with each of {@code agentArguments} on its own, for a tool that hands them to another JVM: that
     * JVM reads the config file they may name (a relative path is relative to its working directory) and may have
     * other settings in its system properties and environment, so how the options combine (minIdle against
     * maxPerKey) is left to it.
     */
    public static List<String> problemsIn(String agentArguments) {
        return resolve(agentArguments, Map.of(), Map.of(), false).problems();
    }

    /** @param allSources false when only the agent arguments are known: no config file, no checks across options */
    private static Resolution resolve(String agentArguments, Map<String, String> systemProperties,
                                      Map<String, String> environment, boolean allSources) {
        List<String> problems = new ArrayList<>();
        List<Entry> environmentEntries = new ArrayList<>();
        new TreeMap<>(environment).forEach((name, value) -> {
            if (name.startsWith(ENVIRONMENT_PREFIX)) {
                environmentEntries.add(new Entry(fromEnvironmentName(name.substring(ENVIRONMENT_PREFIX.length())),
                        value, "environment variable " + name));
            }
        });
        List<Entry> propertyEntries = new ArrayList<>();
        new TreeMap<>(systemProperties).forEach((name, value) -> {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                propertyEntries.add(new Entry(name.substring(SYSTEM_PROPERTY_PREFIX.length()), value,
                        "system property " + name));
            }
        });
        List<Entry> agentEntries = agentEntries(agentArguments, problems);

        List<Entry> byPrecedence = new ArrayList<>();
        if (allSources) {
            configFile(List.of(agentEntries, propertyEntries, environmentEntries), problems)
                    .ifPresent(byPrecedence::addAll);
        }
        byPrecedence.addAll(environmentEntries);
        byPrecedence.addAll(propertyEntries);
        byPrecedence.addAll(agentEntries);

        Map<String, Object> values = defaults();
        // patterns match regardless of case: NPX from the environment and npx elsewhere are one rule
        Map<String, Map<String, String>> ruleValues = new LinkedHashMap<>();
        Map<String, String> patternSpellings = new LinkedHashMap<>();
        for (Entry entry : byPrecedence) {
            if (entry.name().equals(CONFIG)) {
                continue;
            }
            if (entry.name().startsWith(SERVER_PREFIX)) {
                applyServerOption(entry, ruleValues, patternSpellings, problems);
            } else {
                apply(entry, values, problems);
            }
        }
        if (allSources) {
            checkMinIdle(values, "", problems);
        }

        List<ServerRule> rules = new ArrayList<>();
        ruleValues.forEach((lowerCasePattern, ruleOptions) -> {
            String pattern = patternSpellings.get(lowerCasePattern);
            ServerRule rule = new ServerRule(pattern, ruleOptions);
            Map<String, Object> forServer = new LinkedHashMap<>(values);
            ruleOptions.forEach((name, value) -> forServer.put(name, OPTIONS.get(name).parser().apply(value)));
            if (allSources) {
                checkMinIdle(forServer, " for servers matching '" + pattern + "'", problems);
            }
            rules.add(rule);
        });
        values.put("enabled", problems.isEmpty() && (Boolean) values.get("enabled"));
        return new Resolution(settingsOf(values), List.copyOf(rules), List.copyOf(problems));
    }

    /** Options that can change while the application runs (over JMX), for the pool or for one server. */
    public static final Set<String> RUN_TIME_OPTIONS =
            Set.of("maxPerKey", "minIdle", "maxWait", "validationTimeout", "leakDetectionThreshold");

    /** {@link #retune} of one option that may change while the application runs; any other is refused. */
    public static PoolSettings retuneAtRunTime(PoolSettings base, String option, String value) {
        if (!RUN_TIME_OPTIONS.contains(option)) {
            throw new IllegalArgumentException("option '" + option + "' cannot change while the application runs;"
                    + " these can: " + String.join(", ", new TreeSet<>(RUN_TIME_OPTIONS)));
        }
        return retune(base, Map.of(option, value));
    }

    /**
     * {@code base} with {@code changes} (option name → value, as an option source would give it) applied, validated
     * as at start; an {@link IllegalArgumentException} names what is wrong and the accepted form.
     */
    public static PoolSettings retune(PoolSettings base, Map<String, String> changes) {
        Map<String, Object> values = valuesOf(base);
        changes.forEach((name, value) -> {
            Option option = OPTIONS.get(name);
            if (option == null) {
                throw new IllegalArgumentException("unknown option '" + name + "'; known options: "
                        + String.join(", ", OPTIONS.keySet()));
            }
            try {
                values.put(name, option.parser().apply(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid value '" + value + "' for " + name + ": expected "
                        + option.acceptedForm());
            }
        });
        List<String> problems = new ArrayList<>();
        checkMinIdle(values, "", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).replace("; pooling is disabled", ""));
        }
        return settingsOf(values);
    }

    /**
     * The settings of the server named {@code server}: {@code base} with each rule whose pattern matches it applied in
     * order, a later one winning. A rule that contradicts those applied before it (its minIdle above their maxPerKey)
     * is handed to {@code contradicting}, which may throw, and is otherwise skipped.
     *
     * <p>An {@code enabled=false} in any matching rule holds whatever the order of the rules, a later
     * {@code enabled=true} or a contradiction in its own rule: it is how a server whose state must not carry over
     * between requests is kept unpooled, and running unpooled is what the application does without the agent.
     */
    public static PoolSettings forServer(PoolSettings base, List<ServerRule> rules, String server,
                                         BiConsumer<ServerRule, IllegalArgumentException> contradicting) {
        PoolSettings settings = base;
        boolean turnedOff = false;
        for (ServerRule rule : rules) {
            if (rule.matches(server)) {
                turnedOff |= rule.turnsPoolingOff();
                try {
                    settings = retune(settings, rule.values());
                } catch (IllegalArgumentException contradiction) {
                    contradicting.accept(rule, contradiction);
                }
            }
        }
        return turnedOff ? retune(settings, Map.of("enabled", "false")) : settings;
    }

    /** The options whose values differ between {@code base} and {@code settings}, as {@code name=value} text. */
    public static Map<String, String> differences(PoolSettings base, PoolSettings settings) {
        Map<String, Object> baseValues = valuesOf(base);
        Map<String, String> differences = new LinkedHashMap<>();
        valuesOf(settings).forEach((name, value) -> {
            if (!value.equals(baseValues.get(name))) {
                differences.put(name, display(value));
            }
        });
        return differences;
    }

    private static List<Entry> agentEntries(String agentArguments, List<String> problems) {
        List<Entry> entries = new ArrayList<>();
        if (agentArguments == null || agentArguments.isBlank()) {
            return entries;
        }
        for (String pair : agentArguments.split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                problems.add("mcp-pool: agent option '" + pair.trim() + "' has no value: expected name=value pairs"
                        + " separated by commas, e.g. maxPerKey=4,maxWait=3s");
            } else {
                entries.add(new Entry(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim(),
                        "agent options"));
            }
        }
        return entries;
    }

    /** The entries of the file the highest-precedence {@code config} option names, if any. */
    private static Optional<List<Entry>> configFile(List<List<Entry>> sourcesByPrecedence, List<String> problems) {
        Optional<Entry> config = sourcesByPrecedence.stream()
                .flatMap(source -> source.stream().filter(entry -> entry.name().equals(CONFIG)).reduce((a, b) -> b)
                        .stream())
                .findFirst();
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(config.get().value());
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            problems.add("mcp-pool: cannot read the config file '" + path + "' named by " + config.get().source()
                    + " (" + e + "); pooling is disabled");
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        new TreeMap<>(properties).forEach((name, value) -> entries.add(
                new Entry(String.valueOf(name).trim(), String.valueOf(value).trim(), "config file " + path)));
        return Optional.of(entries);
    }

    private static void apply(Entry entry, Map<String, Object> values, List<String> problems) {
        Option option = OPTIONS.get(entry.name());
        if (option == null) {
            problems.add("mcp-pool: unknown option '" + entry.name() + "' in " + entry.source() + "; known options: "
                    + String.join(", ", OPTIONS.keySet()) + ", " + CONFIG + ", " + SERVER_PREFIX
                    + "<pattern>.<option>; pooling is disabled");
            return;
        }
        try {
            values.put(entry.name(), option.parser().apply(entry.value()));
        } catch (IllegalArgumentException e) {
            problems.add(invalidValue(entry, option));
        }
    }

    /** {@code server.<pattern>.<option>}: the pattern may itself contain dots; the option is the last part. */
    private static void applyServerOption(Entry entry, Map<String, Map<String, String>> ruleValues,
                                          Map<String, String> patternSpellings, List<String> problems) {
        String rest = entry.name().substring(SERVER_PREFIX.length());
        int lastDot = rest.lastIndexOf('.');
        String pattern = lastDot > 0 ? rest.substring(0, lastDot) : "";
        Option option = lastDot > 0 ? OPTIONS.get(rest.substring(lastDot + 1)) : null;
        if (option == null || pattern.isBlank()) {
            problems.add("mcp-pool: '" + entry.name() + "' in " + entry.source() + " is not server.<pattern>.<option>"
                    + " with a known option (" + String.join(", ", OPTIONS.keySet()) + "); pooling is disabled");
            return;
        }
        if (!option.perServer()) {
            problems.add("mcp-pool: " + option.name() + " applies to the whole pool and cannot be set per server ('"
                    + entry.name() + "' in " + entry.source() + "); pooling is disabled");
            return;
        }
        try {
            option.parser().apply(entry.value());
            String lowerCasePattern = pattern.toLowerCase(Locale.ROOT);
            patternSpellings.putIfAbsent(lowerCasePattern, pattern);
            ruleValues.computeIfAbsent(lowerCasePattern, p -> new LinkedHashMap<>()).put(option.name(), entry.value());
        } catch (IllegalArgumentException e) {
            problems.add(invalidValue(entry, option));
        }
    }

    private static String invalidValue(Entry entry, Option option) {
        return "mcp-pool: invalid value '" + entry.value() + "' for option " + entry.name() + " in " + entry.source()
                + ": expected " + option.acceptedForm() + "; pooling is disabled";
    }

    private static void checkMinIdle(Map<String, Object> values, String scope, List<String> problems) {
        if ((Integer) values.get("minIdle") > (Integer) values.get("maxPerKey")) {
            problems.add("mcp-pool: minIdle=" + values.get("minIdle") + " exceeds maxPerKey=" + values.get("maxPerKey")
                    + scope + ": expected a whole number from 0 to maxPerKey; pooling is disabled");
        }
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        OPTIONS.values().forEach(option -> values.put(option.name(), option.parser().apply(option.defaultValue())));
        return values;
    }

    private static PoolSettings settingsOf(Map<String, Object> values) {
        return new PoolSettings(
                (Boolean) values.get("enabled"),
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
    }

    private static Map<String, Object> valuesOf(PoolSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("enabled", settings.enabled());
        values.put("maxPerKey", settings.maxPerKey());
        values.put("minIdle", settings.minIdle());
        values.put("prewarm", settings.prewarm());
        values.put("maxTotal", settings.maxTotal());
        values.put("maxWait", settings.maxWait());
        values.put("validationTimeout", settings.validationTimeout());
        values.put("aliveBypassWindow", settings.aliveBypassWindow());
        values.put("idleTimeout", settings.idleTimeout());
        values.put("maxLifetime", settings.maxLifetime());
        values.put("keepaliveTime", settings.keepaliveTime());
        values.put("leakDetectionThreshold", settings.leakDetectionThreshold());
        values.put("breakerFailures", settings.breakerFailures());
        values.put("breakerCooldown", settings.breakerCooldown());
        values.put("jmx", settings.jmx());
        return values;
    }

    /** {@code name=value, ...} in the options' order, durations as the options accept them. */
    static String describe(PoolSettings settings) {
        StringBuilder text = new StringBuilder();
        valuesOf(settings).forEach((name, value) ->
                text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(display(value)));
        return text.toString();
    }

    private static String display(Object value) {
        return value instanceof Duration duration ? Durations.format(duration) : String.valueOf(value);
    }

    /**
     * {@code MAX_PER_KEY} → {@code maxPerKey}; {@code SERVER_NPX_MAX_PER_KEY} → {@code server.NPX.maxPerKey} (the
     * pattern is the part before a known option's name; patterns match regardless of case).
     */
    static String fromEnvironmentName(String environmentName) {
        if (environmentName.startsWith(ENVIRONMENT_SERVER_PREFIX)) {
            String rest = environmentName.substring(ENVIRONMENT_SERVER_PREFIX.length());
            for (String option : OPTIONS.keySet()) {
                String suffix = "_" + toEnvironmentName(option);
                if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                    return SERVER_PREFIX + rest.substring(0, rest.length() - suffix.length()) + "." + option;
                }
            }
        }
        return camelCase(environmentName);
    }

    private static String camelCase(String environmentName) {
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

    private static String toEnvironmentName(String option) {
        return option.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT);
    }

    private static void define(String name, String defaultValue, String acceptedForm, Function<String, Object> parser,
                               boolean perServer) {
        OPTIONS.put(name, new Option(name, defaultValue, acceptedForm, parser, perServer));
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
