package dev.mcppool.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table: columns two spaces apart, numbers right-aligned, the last column unpadded. */
final class TextTable {

    private static final String GAP = "  ";

    private TextTable() {
    }

    static List<String> lines(List<String> headers, List<List<Object>> rows) {
        int columns = headers.size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int column = 0; column < columns; column++) {
            int index = column;
            List<Object> values = rows.stream().map(row -> row.get(index)).toList();
            widths[column] = values.stream().mapToInt(value -> text(value).length())
                    .reduce(headers.get(column).length(), Math::max);
            numeric[column] = values.stream().anyMatch(Number.class::isInstance)
                    && values.stream().allMatch(value -> value == null || value instanceof Number);
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(headers, widths, numeric));
        for (List<Object> row : rows) {
            lines.add(line(row.stream().map(TextTable::text).toList(), widths, numeric));
        }
        return lines;
    }

    /** A cell's text: numbers as they are, fractions to two decimals, nothing as {@code -}, no control characters. */
    static String text(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value instanceof Double || value instanceof Float
                ? String.format(Locale.ROOT, "%.2f", ((Number) value).doubleValue())
                : value.toString();
        return text.isEmpty() ? "-" : text.replaceAll("\\p{Cntrl}", "?");
    }

    private static String line(List<String> texts, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < texts.size(); column++) {
            String text = texts.get(column);
            boolean last = column == texts.size() - 1;
            String padding = last && !numeric[column] ? "" : " ".repeat(widths[column] - text.length());
            line.append(numeric[column] ? padding + text : text + padding).append(last ? "" : GAP);
        }
        return line.toString();
    }
}
