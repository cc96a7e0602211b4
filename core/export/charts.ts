/**
 * Report charts as standalone SVG, drawn by ECharts' server-side renderer (no DOM, no
 * canvas). Text uses a font stack with CJK glyphs so Chinese/Japanese code names render
 * wherever the SVG is shown; PNG for DOCX/PPTX comes from rasterise.ts.
 */
import * as echarts from 'echarts';

export const CHART_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Noto Sans', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans', 'Segoe UI', Arial, sans-serif";

export interface Chart {
  /** What the chart shows, for alt text and captions. */
  title: string;
  svg: string;
  width: number;
  height: number;
}

/** A bar label longer than this is cut with an ellipsis, so the plot keeps its width. */
const LABEL_MAX = 28;
const cut = (s: string) => ([...s].length > LABEL_MAX ? `${[...s].slice(0, LABEL_MAX - 1).join('')}…` : s);

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONTS },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    // Without dispose the renderer keeps timers alive and the process never exits.
    chart.dispose();
  }
}

/**
 * Horizontal bars, most-used code on top, at most `limit` codes: excerpts in the code's colour
 * and, when given, the participants who said it beside them in grey (breadth next to volume).
 */
export function codeFrequencyChart(
  codes: readonly { label: string; excerpts: number; participants?: number; color?: string }[],
  title: string,
  names: { excerpts: string; participants: string } = { excerpts: 'Excerpts', participants: 'Participants' },
  limit = 20,
): Chart {
  const top = [...codes].sort((a, b) => b.excerpts - a.excerpts).slice(0, limit);
  const both = top.some((c) => c.participants !== undefined);
  const width = 900;
  const height = Math.max(260, 110 + top.length * (both ? 40 : 28));
  const svg = render(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
      ...(both ? { legend: { top: 34, data: [names.excerpts, names.participants] } } : {}),
      grid: { left: 24, right: 48, top: both ? 80 : 48, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: top.map((c) => cut(c.label)) },
      series: [
        {
          name: names.excerpts,
          type: 'bar',
          data: top.map((c) => ({ value: c.excerpts, itemStyle: { color: c.color ?? '#4e79a7' } })),
          itemStyle: { color: '#4e79a7' },
          label: { show: true, position: 'right' },
        },
        ...(both
          ? [
              {
                name: names.participants,
                type: 'bar',
                data: top.map((c) => c.participants ?? 0),
                itemStyle: { color: '#9aa3ad' },
                label: { show: true, position: 'right' },
              },
            ]
          : []),
      ],
    },
    width,
    height,
  );
  return { title, svg, width, height };
}

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];

/** Grouped bars: for each code, one bar per segment (attribute value), most-used codes first. */
export function codesBySegmentChart(
  segments: readonly string[],
  rows: readonly { code: string; counts: readonly number[] }[],
  title: string,
  limit = 12,
): Chart {
  const top = [...rows]
    .map((r) => ({ ...r, total: r.counts.reduce((a, b) => a + b, 0) }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, limit);
  const width = 900;
  const height = Math.max(300, 110 + top.length * (14 + 10 * segments.length));
  const svg = render(
    {
      color: PALETTE,
      title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
      legend: { top: 34, data: segments.map(cut) },
      grid: { left: 24, right: 40, top: 80, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => cut(r.code)) },
      series: segments.map((name, i) => ({
        name: cut(name),
        type: 'bar',
        data: top.map((r) => r.counts[i] ?? 0),
      })),
    },
    width,
    height,
  );
  return { title, svg, width, height };
}

/**
 * A measure by round: the value as a line with its 95% interval as a band (two stacked lines,
 * the lower bound then the width, filled) and the target as a dashed line.
 */
export function measureChart(
  rounds: readonly { round: string; value: number; ci95: [number, number] | null }[],
  target: number | null,
  title: string,
): Chart {
  const width = 900;
  const height = 380;
  const svg = render(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
      grid: { left: 24, right: 40, top: 60, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: rounds.map((r) => cut(r.round)) },
      yAxis: { type: 'value', scale: true },
      series: [
        {
          type: 'line',
          stack: 'ci',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          data: rounds.map((r) => r.ci95?.[0] ?? null),
        },
        {
          type: 'line',
          stack: 'ci',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(78, 121, 167, 0.2)' },
          data: rounds.map((r) => (r.ci95 ? r.ci95[1] - r.ci95[0] : null)),
        },
        {
          type: 'line',
          color: PALETTE[0],
          symbolSize: 8,
          label: { show: true, position: 'top' },
          data: rounds.map((r) => r.value),
          ...(target !== null
            ? {
                markLine: {
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: '#59a14f' },
                  data: [{ yAxis: target }],
                },
              }
            : {}),
        },
      ],
    },
    width,
    height,
  );
  return { title, svg, width, height };
}
