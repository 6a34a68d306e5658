package io.herald.endurance;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One PNG of endurance runs: delay percentiles (left axis) and heap after GC (right axis) over time, a line per run.
 *
 * <pre>{@code
 * EnduranceChart.draw(List.of(herald, plain), new File("target/endurance/run-1.png"));
 * }</pre>
 */
final class EnduranceChart {

    private EnduranceChart() {
    }

    static void draw(List<EnduranceRun.Outcome> outcomes, File png) throws IOException {
        XYSeriesCollection delays = new XYSeriesCollection();
        XYSeriesCollection heap = new XYSeriesCollection();
        for (EnduranceRun.Outcome outcome : outcomes) {
            String name = outcome.target().name().toLowerCase(java.util.Locale.ROOT);
            XYSeries p50 = new XYSeries(name + " p50 ms");
            XYSeries p95 = new XYSeries(name + " p95 ms");
            XYSeries p99 = new XYSeries(name + " p99 ms");
            XYSeries mb = new XYSeries(name + " heap MB");
            for (EnduranceRun.Sample sample : outcome.samples()) {
                p50.add(sample.seconds(), sample.p50());
                p95.add(sample.seconds(), sample.p95());
                p99.add(sample.seconds(), sample.p99());
                mb.add(sample.seconds(), sample.heapMb());
            }
            delays.addSeries(p50);
            delays.addSeries(p95);
            delays.addSeries(p99);
            heap.addSeries(mb);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Endurance: delay and heap", "seconds", "delay (ms)", delays);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(1, new NumberAxis("heap after GC (MB)"));
        plot.setDataset(1, heap);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, false));
        ChartUtils.saveChartAsPNG(png, chart, 1200, 600);
    }
}
