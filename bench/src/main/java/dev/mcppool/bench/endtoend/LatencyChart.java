package dev.mcppool.bench.endtoend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A hand-written SVG of grouped horizontal bars: per scenario one bar of p50 latency for each mode, on a logarithmic
 * axis, with a legend and a title.
 */
final class LatencyChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    static final double PLOT_LEFT = 205;
    static final double PLOT_RIGHT = 760;
    private static final double PLOT_TOP = 92;
    private static final double PLOT_BOTTOM = HEIGHT - 48;
    private static final double GROUP_PADDING = 10;
    /** The axis spans at least these (0.1 to 1000 ms), more when a value lies outside. */
    private static final double AXIS_MINIMUM = 0.1;
    private static final double AXIS_MAXIMUM = 1000;
    private static final Map<Mode, String> COLORS = Map.of(Mode.PER_REQUEST, "#d95f02", Mode.POOLED, "#1b9e77",
            Mode.PER_THREAD, "#7570b3");

    /** One bar: a mode's p50 (NaN when there is none), and whether its cell failed. */
    record Bar(Mode mode, double p50Millis, boolean failed) {
    }

    /** One scenario's bars, labelled in two lines. */
    record Group(String firstLine, String secondLine, List<Bar> bars) {
    }

    private final String title;
    private final String subtitle;
    private final List<Group> groups;

    LatencyChart(String title, String subtitle, List<Group> groups) {
        this.title = title;
        this.subtitle = subtitle;
        this.groups = groups;
    }

    /** The chart of an end-to-end run: a group per scenario, a bar per mode. */
    static LatencyChart of(EndToEndResults results, RunContext context) {
        List<Group> groups = results.cells().entrySet().stream().map(entry -> {
            Scenario scenario = entry.getKey();
            List<Bar> bars = entry.getValue().entrySet().stream()
                    .map(cell -> new Bar(cell.getKey(), cell.getValue().p50Millis(), cell.getValue().failed()))
                    .toList();
            return new Group(scenario.server().label, scenario.transport().label + " · " + scenario.threads()
                    + (scenario.threads() == 1 ? " thread" : " threads"), bars);
        }).toList();
        return new LatencyChart("mcp-pool end-to-end: p50 latency per call (lower is better)",
                context.dateText() + " · " + context.machine().cores() + " cores, " + context.machine().cpu()
                        + " · " + results.rounds() + " round(s) merged", groups);
    }

    LogScale scale() {
        double[] values = groups.stream().flatMap(group -> group.bars().stream()).mapToDouble(Bar::p50Millis).toArray();
        return LogScale.covering(values, AXIS_MINIMUM, AXIS_MAXIMUM, PLOT_LEFT, PLOT_RIGHT);
    }

    String svg() {
        LogScale scale = scale();
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append(text(WIDTH / 2.0, 24, "middle", "16", "bold", title))
                .append(text(WIDTH / 2.0, 44, "middle", "12", "normal", subtitle));
        legend(svg);
        axis(svg, scale);
        double groupHeight = (PLOT_BOTTOM - PLOT_TOP) / Math.max(groups.size(), 1);
        for (int g = 0; g < groups.size(); g++) {
            group(svg, scale, groups.get(g), PLOT_TOP + g * groupHeight, groupHeight);
        }
        return svg.append("</svg>\n").toString();
    }

    private void legend(StringBuilder svg) {
        double x = PLOT_LEFT;
        for (Mode mode : Mode.values()) {
            svg.append("<rect x=\"").append(number(x)).append("\" y=\"58\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLORS.get(mode)).append("\"/>\n")
                    .append(text(x + 17, 68.5, "start", "12", "normal", mode.title()));
            x += 70 + 6.3 * mode.title().length();
        }
    }

    private void axis(StringBuilder svg, LogScale scale) {
        for (double decade : scale.decades()) {
            String x = number(scale.x(decade));
            svg.append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"").append(number(PLOT_TOP - 4))
                    .append("\" x2=\"").append(x).append("\" y2=\"").append(number(PLOT_BOTTOM))
                    .append("\" stroke=\"#cccccc\" stroke-width=\"1\"/>\n")
                    .append(text(scale.x(decade), PLOT_BOTTOM + 16, "middle", "12", "normal", tickLabel(decade)));
        }
        svg.append("<line x1=\"").append(number(PLOT_LEFT)).append("\" y1=\"").append(number(PLOT_BOTTOM))
                .append("\" x2=\"").append(number(PLOT_RIGHT)).append("\" y2=\"").append(number(PLOT_BOTTOM))
                .append("\" stroke=\"#333333\" stroke-width=\"1\"/>\n")
                .append(text((PLOT_LEFT + PLOT_RIGHT) / 2, PLOT_BOTTOM + 36, "middle", "12", "normal",
                        "p50 latency per call, ms (log scale)"));
    }

    private void group(StringBuilder svg, LogScale scale, Group group, double top, double height) {
        double barHeight = (height - GROUP_PADDING) / Math.max(group.bars().size(), 1);
        double middle = top + height / 2;
        svg.append(text(PLOT_LEFT - 10, middle - 2, "end", "12", "bold", group.firstLine()))
                .append(text(PLOT_LEFT - 10, middle + 12, "end", "12", "normal", group.secondLine()));
        for (int b = 0; b < group.bars().size(); b++) {
            Bar bar = group.bars().get(b);
            double y = top + GROUP_PADDING / 2 + b * barHeight;
            double textY = y + barHeight / 2 + 4;
            if (Double.isNaN(bar.p50Millis())) {
                svg.append(text(PLOT_LEFT + 4, textY, "start", "11", "normal",
                        bar.mode().letter + (bar.failed() ? ": FAILED, no data" : ": no data")));
                continue;
            }
            double end = scale.x(bar.p50Millis());
            svg.append("<rect class=\"bar\" data-mode=\"").append(bar.mode().letter).append("\" x=\"")
                    .append(number(PLOT_LEFT)).append("\" y=\"").append(number(y + 1)).append("\" width=\"")
                    .append(number(Math.max(end - PLOT_LEFT, 1))).append("\" height=\"")
                    .append(number(barHeight - 2)).append("\" fill=\"").append(COLORS.get(bar.mode())).append('"')
                    .append(bar.failed() ? " fill-opacity=\"0.35\" stroke=\"#b00020\" stroke-dasharray=\"3 2\"" : "")
                    .append("/>\n")
                    .append(text(end + 4, textY, "start", "11", "normal", bar.mode().letter + " "
                            + Format.millis(bar.p50Millis()) + " ms" + (bar.failed() ? " (FAILED)" : "")));
        }
    }

    /** {@code 0.1}, {@code 1}, {@code 10}, {@code 1000}: a decade without trailing zeros. */
    static String tickLabel(double decade) {
        return new BigDecimal(Double.toString(decade)).stripTrailingZeros().toPlainString();
    }

    private static String text(double x, double y, String anchor, String size, String weight, String content) {
        return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor + "\" font-size=\""
                + size + "\" font-weight=\"" + weight + "\" fill=\"#222222\">" + escape(content) + "</text>\n";
    }

    private static String number(double value) {
        return Format.number("%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
