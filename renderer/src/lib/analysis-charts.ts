/**
 * ECharts for the Analysis section: only the charts and components it draws are registered
 * (echarts/core keeps the bundle small), the options of each view's chart, and drawing an
 * option to a PNG data URL or an SVG string for saving. Exports are drawn off screen at a fixed
 * size on white, so a saved chart does not depend on the window's size or colour scheme.
 */
import { BarChart, GraphChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { CodeFrequency } from '../../../core/contract/analysis-types.js';
import type { Cooccurrence, WordCount } from '../../../core/contract/measures-types.js';

echarts.use([
  BarChart,
  GraphChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif';
const TEXT = '#1e2126';
const MUTED = '#676b72';
const ACCENT = '#3f51b5';
const FALLBACK = ['#3f51b5', '#b2452e', '#2f7d5b', '#8a4fb0', '#a86b00', '#1f7a99', '#b03a72', '#5b6b1f'];

export const colourOf = (colours: ReadonlyMap<string, string>, code: string, i: number) =>
  colours.get(code) ?? FALLBACK[i % FALLBACK.length] ?? ACCENT;

/** Co-occurrence as a network: a node per code (size by its excerpts in pairs), an edge per pair (width by count). */
export function networkOption(
  pairs: readonly Cooccurrence[],
  colours: ReadonlyMap<string, string>,
  layout: 'force' | 'circular' = 'force',
): ChartOption {
  const weight = new Map<string, number>();
  for (const p of pairs) {
    weight.set(p.a, (weight.get(p.a) ?? 0) + p.excerpts);
    weight.set(p.b, (weight.get(p.b) ?? 0) + p.excerpts);
  }
  const max = Math.max(1, ...pairs.map((p) => p.excerpts));
  const maxNode = Math.max(1, ...weight.values());
  const names = [...weight.keys()];
  return {
    textStyle: { fontFamily: FONT },
    tooltip: {
      formatter: (p: {
        dataType: string;
        data: { source?: string; target?: string; value?: number; name?: string };
      }) =>
        p.dataType === 'edge'
          ? `${p.data.source} + ${p.data.target}: ${p.data.value} excerpt${p.data.value === 1 ? '' : 's'}`
          : `${p.data.name}: ${p.data.value} in pairs`,
    },
    series: [
      {
        type: 'graph',
        layout,
        roam: true,
        draggable: true,
        animation: false,
        circular: { rotateLabel: true },
        // Laid out before drawing (no animation), so a saved chart and a screenshot show the settled graph.
        force: { repulsion: 900, edgeLength: [110, 230], gravity: 0.25, layoutAnimation: false },
        label: { show: true, position: 'right', color: TEXT, fontSize: 14, fontFamily: FONT },
        // Counts on the lines while they stay readable.
        edgeLabel: { show: pairs.length <= 40, formatter: '{c}', color: MUTED, fontSize: 12, fontFamily: FONT },
        emphasis: { focus: 'adjacency', lineStyle: { width: 6 } },
        data: names.map((name, i) => ({
          name,
          value: weight.get(name) ?? 0,
          symbolSize: 22 + 34 * Math.sqrt((weight.get(name) ?? 0) / maxNode),
          itemStyle: { color: colourOf(colours, name, i) },
        })),
        links: pairs.map((p) => ({
          source: p.a,
          target: p.b,
          value: p.excerpts,
          lineStyle: { width: 2 + 10 * (p.excerpts / max), opacity: 0.5, color: '#8a8f98', curveness: 0.08 },
        })),
      },
    ],
  };
}

/** A heat map of rows × columns (matrix and co-occurrence exports). */
export function heatmapOption(rows: readonly string[], columns: readonly string[], values: number[][]): ChartOption {
  const data: [number, number, number][] = [];
  for (const [y, row] of values.entries()) {
    for (const [x, v] of row.entries()) data.push([x, y, v]);
  }
  const max = Math.max(1, ...data.map((d) => d[2]));
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { position: 'top' },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: columns,
      splitArea: { show: true },
      axisLabel: { color: TEXT, interval: 0, rotate: columns.length > 6 ? 35 : 0 },
    },
    yAxis: { type: 'category', data: rows, inverse: true, splitArea: { show: true }, axisLabel: { color: TEXT } },
    visualMap: { min: 0, max, show: false, inRange: { color: ['#f4f5fb', '#9fa8da', ACCENT] } },
    series: [
      {
        type: 'heatmap',
        animation: false,
        data,
        label: {
          show: true,
          color: TEXT,
          formatter: (p: { value: number[] }) => (p.value[2] ? String(p.value[2]) : ''),
        },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

/** Code frequency across rounds: one line per code, as excerpts or as a share of the round's participants. */
export function frequencyOption(
  f: CodeFrequency,
  measure: 'excerpts' | 'share',
  colours: ReadonlyMap<string, string>,
): ChartOption {
  const rows = f.rows.filter((r) => r.excerpts.some((n) => n > 0));
  const value = (r: CodeFrequency['rows'][number], i: number) =>
    measure === 'share'
      ? f.totals[i]
        ? Math.round(((r.participants[i] ?? 0) / (f.totals[i] ?? 1)) * 1000) / 10
        : 0
      : (r.excerpts[i] ?? 0);
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0, textStyle: { color: TEXT } },
    grid: { left: 12, right: 24, top: 28, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: f.rounds, axisLabel: { color: TEXT }, boundaryGap: f.rounds.length < 2 },
    yAxis: {
      type: 'value',
      name: measure === 'share' ? '% of participants' : 'excerpts',
      nameTextStyle: { color: MUTED },
      axisLabel: { color: MUTED },
      max: measure === 'share' ? 100 : undefined,
      minInterval: 1,
    },
    series: rows.map((r, i) => ({
      type: f.rounds.length < 2 ? 'bar' : 'line',
      name: r.code,
      data: f.rounds.map((_, j) => value(r, j)),
      symbolSize: 8,
      lineStyle: { width: 2.5 },
      color: colourOf(colours, r.code, i),
      animation: false,
    })),
  };
}

/** The most frequent words as horizontal bars. */
export function wordsOption(words: readonly WordCount[], top = 30): ChartOption {
  const shown = words.slice(0, top);
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'item' },
    grid: { left: 12, right: 32, top: 12, bottom: 12, containLabel: true },
    xAxis: { type: 'value', axisLabel: { color: MUTED }, minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: shown.map((w) => w.word), axisLabel: { color: TEXT } },
    series: [
      {
        type: 'bar',
        data: shown.map((w) => w.count),
        color: ACCENT,
        label: { show: true, position: 'right', color: MUTED },
        animation: false,
      },
    ],
  };
}

/**
 * Draws an option off screen: an SVG string (the SVG renderer's server-side mode needs no
 * element), or a PNG data URL at twice the size (the canvas renderer needs an element in the page).
 */
export function drawChart(option: ChartOption, kind: 'svg' | 'png', width: number, height: number): string {
  const still = { ...option, animation: false, backgroundColor: '#ffffff' };
  if (kind === 'svg') {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    try {
      chart.setOption(still);
      return chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  }
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px;`;
  document.body.append(host);
  const chart = echarts.init(host, null, { renderer: 'canvas', width, height });
  try {
    chart.setOption(still);
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
    host.remove();
  }
}
