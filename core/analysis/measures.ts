/**
 * Standard scoring of benchmark measures, with 95% intervals and the significance of a change
 * between two rounds. Pure functions over the values stored per respondent:
 *
 * - NPS: each answer 0–10 is a promoter (9–10, +100), passive (7–8, 0) or detractor (0–6,
 *   −100); the score is their mean, −100…100, and its interval is the t interval of that mean
 *   (the "t for NPS" approach: the trichotomised answers are an ordinary sample).
 * - SUS: one score 0–100 per respondent from the ten 1–5 items in questionnaire order (odd
 *   items score x−1, even items 5−x, the sum times 2.5); the study's value is their mean.
 * - mean: the mean of the values, t interval.
 * - proportion (task success and other 0/1 outcomes): successes / n, Wilson score interval.
 * - time (time on task): the geometric mean, with the t interval computed on log times and
 *   transformed back, as Sauro and Lewis recommend for skewed task times.
 *
 * Between rounds: Welch's t test for NPS, SUS, mean and time (on logs), and the two-proportion
 * z test (pooled) for proportions; two-sided p-values.
 */
import { normalCdf, normalQuantile, tCdf, tQuantile } from './stats.js';

export type MeasureKind = 'nps' | 'sus' | 'mean' | 'proportion' | 'time';
export const MEASURE_KINDS: readonly MeasureKind[] = ['nps', 'sus', 'mean', 'proportion', 'time'];
/** The names researchers use for the two usability kinds (the CLI and the app accept both). */
export const KIND_ALIASES = { 'task-success': 'proportion', 'time-on-task': 'time' } as const satisfies Record<
  string,
  MeasureKind
>;

export interface Estimate {
  n: number;
  value: number;
  /** The 95% interval; null when n is too small to have one (n < 2 for t intervals). */
  ci95: [number, number] | null;
}

export interface Change {
  /** Later round's value minus the earlier one's, on the measure's scale. */
  difference: number;
  /** Two-sided p-value of the difference; null when either round has too few values. */
  p: number | null;
}

/** What one stored value may be, per kind; `null` means valid. */
export function checkValue(kind: MeasureKind, value: number): string | null {
  if (!Number.isFinite(value)) return 'is not a number';
  switch (kind) {
    case 'nps':
      return Number.isInteger(value) && value >= 0 && value <= 10 ? null : 'must be a whole number from 0 to 10';
    case 'sus':
      return value >= 0 && value <= 100 ? null : 'must be a SUS score from 0 to 100';
    case 'proportion':
      return value === 0 || value === 1 ? null : 'must be 0 or 1';
    case 'time':
      return value > 0 ? null : 'must be a time above 0';
    case 'mean':
      return null;
  }
}

/** A SUS item answer must be a whole number 1–5. */
export function checkSusItem(value: number): string | null {
  return Number.isInteger(value) && value >= 1 && value <= 5 ? null : 'must be a whole number from 1 to 5';
}

/** The SUS score (0–100) of one questionnaire: ten item answers 1–5, in questionnaire order. */
export function susScore(items: readonly number[]): number {
  if (items.length !== 10) throw new RangeError('SUS has exactly ten items');
  let sum = 0;
  items.forEach((answer, index) => {
    sum += index % 2 === 0 ? answer - 1 : 5 - answer;
  });
  return sum * 2.5;
}

/** +100 for a promoter (9–10), 0 for a passive (7–8), −100 for a detractor (0–6). */
export function npsPoints(answer: number): number {
  return answer >= 9 ? 100 : answer >= 7 ? 0 : -100;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function variance(values: readonly number[], m = mean(values)): number {
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
}

/** The mean with its t interval. */
export function meanEstimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { n, value: Number.NaN, ci95: null };
  const m = mean(values);
  if (n < 2) return { n, value: m, ci95: null };
  const half = tQuantile(0.975, n - 1) * Math.sqrt(variance(values, m) / n);
  return { n, value: m, ci95: [m - half, m + half] };
}

/** Wilson score interval for `successes` out of `n`. */
export function wilson(successes: number, n: number, z = normalQuantile(0.975)): [number, number] {
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function clamp(interval: [number, number] | null, lo: number, hi: number): [number, number] | null {
  return interval ? [Math.max(lo, interval[0]), Math.min(hi, interval[1])] : null;
}

/** The round's value of a measure from its stored per-respondent values. */
export function estimate(kind: MeasureKind, values: readonly number[]): Estimate {
  switch (kind) {
    case 'nps': {
      const e = meanEstimate(values.map(npsPoints));
      return { ...e, ci95: clamp(e.ci95, -100, 100) };
    }
    case 'sus': {
      const e = meanEstimate(values);
      return { ...e, ci95: clamp(e.ci95, 0, 100) };
    }
    case 'mean':
      return meanEstimate(values);
    case 'proportion': {
      const n = values.length;
      if (n === 0) return { n, value: Number.NaN, ci95: null };
      const successes = values.filter((v) => v === 1).length;
      return { n, value: successes / n, ci95: wilson(successes, n) };
    }
    case 'time': {
      const e = meanEstimate(values.map(Math.log));
      return {
        n: e.n,
        value: Math.exp(e.value),
        ci95: e.ci95 ? [Math.exp(e.ci95[0]), Math.exp(e.ci95[1])] : null,
      };
    }
  }
}

/** Welch's two-sample t test, two-sided. */
export function welch(a: readonly number[], b: readonly number[]): number | null {
  if (a.length < 2 || b.length < 2) return null;
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const se = Math.sqrt(va + vb);
  const diff = mean(b) - mean(a);
  if (se === 0) return diff === 0 ? 1 : 0;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return 2 * (1 - tCdf(Math.abs(diff / se), df));
}

/** Pooled two-proportion z test, two-sided. */
export function twoProportion(successesA: number, nA: number, successesB: number, nB: number): number | null {
  if (nA === 0 || nB === 0) return null;
  const pooled = (successesA + successesB) / (nA + nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const diff = successesB / nB - successesA / nA;
  if (se === 0) return diff === 0 ? 1 : 0;
  return 2 * (1 - normalCdf(Math.abs(diff / se)));
}

/** How the value moved from round `before` to round `after`, and how surely. */
export function change(kind: MeasureKind, before: readonly number[], after: readonly number[]): Change {
  const difference = estimate(kind, after).value - estimate(kind, before).value;
  switch (kind) {
    case 'nps':
      return { difference, p: welch(before.map(npsPoints), after.map(npsPoints)) };
    case 'time':
      return { difference, p: welch(before.map(Math.log), after.map(Math.log)) };
    case 'proportion':
      return {
        difference,
        p: twoProportion(
          before.filter((v) => v === 1).length,
          before.length,
          after.filter((v) => v === 1).length,
          after.length,
        ),
      };
    default:
      return { difference, p: welch(before, after) };
  }
}
