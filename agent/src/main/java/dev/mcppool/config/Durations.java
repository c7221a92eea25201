package dev.mcppool.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the duration form options accept: {@code 250ms}, {@code 3s}, {@code 2m}, {@code 1h}, or plain milliseconds. */
final class Durations {

    static final String ACCEPTED_FORM = "a duration such as 500ms, 3s, 2m or 1h (a plain number means milliseconds),"
            + " at most 8760h (a year)";

    private static final Duration LONGEST = Duration.ofDays(365);

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    static Duration parse(String text) {
        Matcher matcher = FORM.matcher(text.trim().toLowerCase());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(ACCEPTED_FORM);
        }
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        Duration duration;
        try {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(ACCEPTED_FORM);
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(ACCEPTED_FORM);
        }
        return duration;
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis != 0 && millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
