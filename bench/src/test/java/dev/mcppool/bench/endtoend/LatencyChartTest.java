package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LatencyChartTest {

    @Test
    void isWellFormedSvgWithOneBarPerScenarioAndMode() throws Exception {
        String svg = LatencyChart.of(EndToEndReportTest.results(), EndToEndReportTest.CONTEXT).svg();

        Document document = parse(svg);

        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo("900");
        assertThat(bars(document)).hasSize(8 * 3);
        assertThat(texts(document)).contains("mcp-pool end-to-end: p50 latency per call (lower is better)",
                "2026-11-21 13:05 UTC · 2 cores, Test CPU @ 2.0GHz · 2 round(s) merged", "demo's own",
                "Streamable HTTP · 16 threads", "a: per-request app", "b: per-request app + agent",
                "c: client per thread (rewritten app)", "a 1,500 ms (FAILED)", "b 1.05 ms");
    }

    @Test
    void barsEndWhereTheLogScalePutsTheirValue() throws Exception {
        LatencyChart chart = chart(List.of(new LatencyChart.Bar(Mode.PER_REQUEST, 100, false),
                new LatencyChart.Bar(Mode.POOLED, 1, false), new LatencyChart.Bar(Mode.PER_THREAD, 0.1, false)));
        double decade = (LatencyChart.PLOT_RIGHT - LatencyChart.PLOT_LEFT) / 4;

        List<Element> bars = bars(parse(chart.svg()));

        assertThat(bars).hasSize(3);
        assertThat(Double.parseDouble(bars.get(0).getAttribute("width"))).isCloseTo(3 * decade, within(0.1));
        assertThat(Double.parseDouble(bars.get(1).getAttribute("width"))).isCloseTo(decade, within(0.1));
        assertThat(Double.parseDouble(bars.get(2).getAttribute("width"))).isEqualTo(1.0);
        assertThat(bars).allSatisfy(bar -> assertThat(Double.parseDouble(bar.getAttribute("x")))
                .isEqualTo(LatencyChart.PLOT_LEFT));
        assertThat(bars.get(0).getAttribute("data-mode")).isEqualTo("a");
    }

    @Test
    void labelsEveryDecadeOfTheAxis() throws Exception {
        List<String> small = texts(parse(chart(List.of(new LatencyChart.Bar(Mode.POOLED, 2, false))).svg()));
        List<String> wide = texts(parse(chart(List.of(new LatencyChart.Bar(Mode.PER_REQUEST, 2500, false),
                new LatencyChart.Bar(Mode.POOLED, 0.05, false))).svg()));

        assertThat(small).contains("0.1", "1", "10", "100", "1000").doesNotContain("10000", "0.01");
        assertThat(wide).contains("0.01", "0.1", "1", "10", "100", "1000", "10000");
        assertThat(LatencyChart.tickLabel(0.1)).isEqualTo("0.1");
        assertThat(LatencyChart.tickLabel(1000)).isEqualTo("1000");
    }

    @Test
    void aMissingValueHasNoBarButSaysSo() throws Exception {
        Document document = parse(chart(List.of(new LatencyChart.Bar(Mode.PER_REQUEST, Double.NaN, true),
                new LatencyChart.Bar(Mode.POOLED, 3, false))).svg());

        assertThat(bars(document)).hasSize(1);
        assertThat(texts(document)).contains("a: FAILED, no data");
    }

    @Test
    void escapesMarkupInLabels() throws Exception {
        LatencyChart chart = new LatencyChart("a < b & \"c\"", "sub", List.of());

        assertThat(texts(parse(chart.svg()))).contains("a < b & \"c\"");
    }

    private static LatencyChart chart(List<LatencyChart.Bar> bars) {
        return new LatencyChart("title", "subtitle", List.of(new LatencyChart.Group("server", "stdio · 1 thread",
                bars)));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> bars(Document document) {
        List<Element> bars = new ArrayList<>();
        NodeList rects = document.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").equals("bar")) {
                bars.add(rect);
            }
        }
        return bars;
    }

    private static List<String> texts(Document document) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
