/**
 * ECharts options for a measure's dashboard card, pure so they can be tested: the trend by
 * round (the value as a line, its 95% interval as a band, the target as a dashed line) and the
 * value by segment (one bar per segment in each round). Also the words a card uses for a
 * value and a change ("+12 vs R1, p = 0.03").
 */
import type { MeasureKind, Metric } from '../../../core/contract/measures-types.js';

const ACCENT = '#3f51b5';
const BAND = 'rgba(63, 81, 181, 0.16)';
const PALETTE = ['#3f51b5', '#b2452e', '#2f7d5b', '#8a4fb0', '#a86b00', '#1f7a99', '#b03a72', '#5b6b1f'];

/** Proportions are shown as percentages; everything else on its own scale. */
export const scaleOf = (kind: MeasureKind) => (kind === 'proportion' ? 100 : 1);

export function formatValue(kind: MeasureKind, value: number, unit = ''): string {
  if (!Number.isFinite(value)) return '–';
  if (kind === 'proportion') return `${Math.round(value * 1000) / 10}%`;
  if (kind === 'nps') return `${value > 0 ? '+' : ''}${Math.round(value * 10) / 10}`;
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return unit ? `${rounded} ${unit}` : String(rounded);
}

/** The change in words: "+12 vs R1, p = 0.03"; "p < 0.001" for tiny ones. */
export function formatChange(
  kind: MeasureKind,
  change: { from: string; difference: number; p: number | null },
): string {
  const d = change.difference * scaleOf(kind);
  const rounded = Math.abs(d) >= 10 ? Math.round(d) : Math.round(d * 10) / 10;
  const points = kind === 'proportion' ? ' pts' : '';
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  const p =
    change.p === null
      ? 'too few values for p'
      : change.p < 0.001
        ? 'p < 0.001'
        : `p = ${change.p.toFixed(change.p < 0.01 ? 3 : 2)}`;
  return `${sign}${Math.abs(rounded)}${points} vs ${change.from}, ${p}`;
}

/** Whether the change went the way the measure should go (null when it did not move). */
export function isBetter(metric: Pick<Metric, 'higherIsBetter'>, difference: number): boolean | null {
  if (difference === 0) return null;
  return metric.higherIsBetter ? difference > 0 : difference < 0;
}

const round1 = (v: number) => Math.round(v * 100) / 100;

/** The rounds of `study` in order. */
export function roundsOf(metric: Metric, study: string | null) {
  return metric.rounds.filter((r) => study === null || r.study === study);
}

/** The scale's ends, which an axis never passes. */
const BOUNDS: Partial<Record<MeasureKind, [number, number]>> = {
  nps: [-100, 100],
  sus: [0, 100],
  proportion: [0, 100],
};
/** Axis ends a little beyond the values, on a round step (tens on the 0–100 scales). */
const niceFloor = (v: number, limit: number, step: number) => Math.max(limit, Math.floor((v - step / 2) / step) * step);
const niceCeil = (v: number, limit: number, step: number) => Math.min(limit, Math.ceil((v + step / 2) / step) * step);

export function trendOption(metric: Metric, study: string | null): Record<string, unknown> {
  const bounds = BOUNDS[metric.kind];
  const rounds = roundsOf(metric, study);
  const k = scaleOf(metric.kind);
  const target = metric.target !== null ? metric.target * k : null;
  const step = bounds ? 10 : 1;
  const labels = rounds.map((r) => r.round);
  const lower = rounds.map((r) => (r.ci95 ? round1(r.ci95[0] * k) : null));
  const width = rounds.map((r) => (r.ci95 ? round1((r.ci95[1] - r.ci95[0]) * k) : null));
  const values = rounds.map((r) => (Number.isFinite(r.value) ? round1(r.value * k) : null));
  const series: Record<string, unknown>[] = [
    // The band is two stacked invisible lines: the lower bound, then the width filled above it.
    { name: 'lower', type: 'line', data: lower, stack: 'ci', lineStyle: { opacity: 0 }, symbol: 'none', silent: true },
    {
      name: '95% interval',
      type: 'line',
      data: width,
      stack: 'ci',
      lineStyle: { opacity: 0 },
      areaStyle: { color: BAND },
      symbol: 'none',
      silent: true,
    },
    {
      name: metric.name,
      type: 'line',
      data: values,
      color: ACCENT,
      symbolSize: 8,
      lineStyle: { width: 2.5 },
      label: {
        show: true,
        position: 'top',
        fontSize: 11,
        color: '#1e2126',
        formatter: (p: { value: number | null }) => (p.value === null ? '' : String(Math.round(p.value * 10) / 10)),
      },
      ...(metric.target !== null
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: '#2e7d4f' },
              label: { formatter: `target ${round1(metric.target * k)}`, position: 'insideStartTop', color: '#2e7d4f' },
              data: [{ yAxis: round1(metric.target * k) }],
            },
          }
        : {}),
    },
  ];
  return {
    animation: false,
    grid: { left: 44, right: 18, top: 26, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, boundaryGap: true, axisLabel: { color: '#676b72' } },
    yAxis: {
      type: 'value',
      // Zoomed to the values and their intervals (a trend drawn on −100…100 looks flat), never past the scale.
      scale: true,
      min: (v: { min: number }) =>
        niceFloor(Math.min(v.min, target ?? v.min), bounds?.[0] ?? Number.NEGATIVE_INFINITY, step),
      max: (v: { max: number }) =>
        niceCeil(Math.max(v.max, target ?? v.max), bounds?.[1] ?? Number.POSITIVE_INFINITY, step),
      splitLine: { lineStyle: { color: '#ece9e2' } },
      axisLabel: { color: '#676b72' },
    },
    series,
  };
}

export function segmentOption(metric: Metric, study: string | null): Record<string, unknown> | null {
  const segments = metric.segments.filter((s) => study === null || s.study === study);
  if (segments.length === 0) return null;
  const k = scaleOf(metric.kind);
  const rounds = [...new Set(segments.map((s) => s.round))];
  const names = [...new Set(segments.map((s) => s.segment))].sort((a, b) => a.localeCompare(b));
  return {
    animation: false,
    color: PALETTE,
    grid: { left: 44, right: 12, top: 30, bottom: 28 },
    legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rounds, axisLabel: { color: '#676b72' } },
    yAxis: {
      type: 'value',
      ...(metric.kind === 'nps' ? { min: -100, max: 100 } : {}),
      ...(metric.kind === 'proportion' || metric.kind === 'sus' ? { min: 0, max: 100 } : {}),
      splitLine: { lineStyle: { color: '#ece9e2' } },
      axisLabel: { color: '#676b72' },
    },
    series: names.map((segment) => ({
      name: segment,
      type: 'bar',
      barMaxWidth: 22,
      data: rounds.map((round) => {
        const s = segments.find((x) => x.round === round && x.segment === segment);
        return s && Number.isFinite(s.value) ? round1(s.value * k) : null;
      }),
    })),
  };
}
