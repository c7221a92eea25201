package dev.mcppool.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Options for the servers whose name matches a glob pattern ({@code *} any characters, {@code ?} one), written
 * {@code server.<pattern>.<option>=<value>}. A server's name is its stdio command or its URL's host and port; the
 * pattern may also match the command's file name or the host alone. Matching ignores case.
 */
public final class ServerRule {

    private final String pattern;
    private final Pattern glob;
    private final Map<String, String> values;

    ServerRule(String pattern, Map<String, String> values) {
        this.pattern = pattern;
        this.glob = Pattern.compile(toRegex(pattern), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.values = Map.copyOf(values);
    }

    public String pattern() {
        return pattern;
    }

    /** The options this rule sets, as validated text (name → value). */
    public Map<String, String> values() {
        return values;
    }

    /** Whether this rule runs its servers unpooled ({@code enabled=false}), which no other rule undoes. */
    public boolean turnsPoolingOff() {
        String enabled = values.get("enabled");
        return enabled != null && enabled.trim().equalsIgnoreCase("false");
    }

    public boolean matches(String serverName) {
        if (glob.matcher(serverName).matches()) {
            return true;
        }
        String fileName = serverName.substring(serverName.lastIndexOf('/') + 1);
        int port = serverName.lastIndexOf(':');
        String host = port > 0 && serverName.substring(port + 1).chars().allMatch(Character::isDigit)
                ? serverName.substring(0, port) : serverName;
        return glob.matcher(fileName).matches() || glob.matcher(host).matches();
    }

    private static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.toLowerCase(Locale.ROOT).split("((?<=[*?])|(?=[*?]))")) {
            regex.append(switch (literal) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(literal);
            });
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return "server." + pattern + " " + values;
    }
}
