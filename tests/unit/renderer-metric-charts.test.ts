/** The dashboard's words for values and changes, and the trend chart's interval band and axis. */
import { describe, expect, it } from 'vitest';
import type { Metric } from '../../core/contract/measures-types.js';
import {
  formatChange,
  formatValue,
  isBetter,
  segmentOption,
  trendOption,
} from '../../renderer/src/lib/metricCharts.js';

const metric = (patch: Partial<Metric>): Metric => ({
  id: 1 as Metric['id'],
  name: 'Task success',
  kind: 'proportion',
  unit: '',
  higherIsBetter: true,
  target: 0.8,
  rounds: [
    { round: 'R1', study: 'S', n: 20, value: 0.5, ci95: [0.3, 0.7], change: null },
    {
      round: 'R2',
      study: 'S',
      n: 20,
      value: 0.75,
      ci95: [0.53, 0.89],
      change: { from: 'R1', difference: 0.25, p: 0.0312 },
    },
    { round: 'X1', study: 'Other', n: 5, value: 0.2, ci95: null, change: null },
  ],
  segments: [
    { round: 'R1', study: 'S', segment: 'JP', n: 10, value: 0.4, ci95: null },
    { round: 'R2', study: 'S', segment: 'DE', n: 10, value: 0.9, ci95: null },
  ],
  tasks: [],
  links: [],
  ...patch,
});

describe('metric words', () => {
  it('says a change with its sign, unit and p-value', () => {
    const m = metric({});
    expect(formatChange('proportion', { from: 'R1', difference: 0.25, p: 0.0312 })).toBe('+25 pts vs R1, p = 0.03');
    expect(formatChange('nps', { from: 'R1', difference: -12.4, p: 0.0004 })).toBe('−12 vs R1, p < 0.001');
    expect(formatChange('sus', { from: 'R2', difference: 3.25, p: null })).toBe('+3.3 vs R2, too few values for p');
    expect(formatValue('proportion', 0.755)).toBe('75.5%');
    expect(formatValue('nps', 12)).toBe('+12');
    expect(formatValue('time', 61.26, 's')).toBe('61.3 s');
    expect(isBetter(m, 0.1)).toBe(true);
    expect(isBetter({ higherIsBetter: false }, 0.1)).toBe(false);
  });

  it("draws the study's rounds with the interval as a stacked band, in percent for proportions", () => {
    const option = trendOption(metric({}), 'S') as {
      xAxis: { data: string[] };
      series: { name: string; data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['R1', 'R2']);
    const [lower, width, value] = option.series;
    expect(lower?.data).toEqual([30, 53]);
    expect(width?.data).toEqual([40, 36]);
    expect(value?.data).toEqual([50, 75]);
    const bars = segmentOption(metric({}), 'S') as { series: { name: string; data: (number | null)[] }[] };
    expect(bars.series.map((s) => [s.name, s.data])).toEqual([
      ['DE', [null, 90]],
      ['JP', [40, null]],
    ]);
    expect(segmentOption(metric({ segments: [] }), 'S')).toBeNull();
  });
});
