package dev.mcppool.bench.endtoend;

import java.util.Locale;

/** Numbers as the reports show them: more decimals for smaller values, a dash for a missing one. */
final class Format {

    static final String MISSING = "—";

    private Format() {
    }

    static String millis(double millis) {
        if (Double.isNaN(millis)) {
            return MISSING;
        }
        return millis >= 100 ? number("%,.0f", millis) : millis >= 10 ? number("%.1f", millis)
                : millis >= 1 ? number("%.2f", millis) : number("%.3f", millis);
    }

    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return MISSING;
        }
        return perSecond >= 100 ? number("%,.0f", perSecond) : number("%.2f", perSecond);
    }

    /** A ratio such as {@code 412×} or {@code 1.07}. */
    static String ratio(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return MISSING;
        }
        return ratio >= 100 ? number("%,.0f×", ratio) : ratio >= 10 ? number("%.1f×", ratio) : number("%.2f×", ratio);
    }

    static String count(long count) {
        return number("%,d", count);
    }

    static String mebibytes(long bytes) {
        return number("%.1f", bytes / (1024.0 * 1024.0));
    }

    static String number(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }
}
