/**
 * Intercoder agreement at character level (the CLI's `quarry agreement` defines it): for each
 * code, every character of the documents all chosen coders coded is coded or not by each coder.
 * Two coders give a 2×2 table, from which percent agreement and Cohen's kappa follow; any
 * number of coders gives Krippendorff's alpha (nominal, binary values, no missing data).
 * A character is a Unicode code point, so an emoji or a CJK character weighs one, as a reader
 * counts it, whatever its UTF-16 length.
 *
 * Written by hand: the statistics are a few lines each, and the libraries that have them work
 * on unit-by-coder matrices that would be one row per character (millions of rows).
 */

/** A half-open range of UTF-16 offsets, as Quarry stores excerpts. */
export interface Span {
  start: number;
  end: number;
}

/** How many characters a given number of coders coded: `histogram[k]` = characters coded by exactly k coders. */
export type CoverageHistogram = number[];

/** The 2×2 table of two coders over the same characters. */
export interface PairTable {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

export interface AgreementFigures {
  /** Matching characters / all characters, 0..1. */
  agreement: number;
  /** Cohen's kappa (two coders) or the mean of every pair's kappa (more than two). */
  kappa: number;
  /** Krippendorff's alpha, nominal. */
  alpha: number;
}

const emptyTable = (): PairTable => ({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 });

export function addTables(a: PairTable, b: PairTable): PairTable {
  return {
    both: a.both + b.both,
    firstOnly: a.firstOnly + b.firstOnly,
    secondOnly: a.secondOnly + b.secondOnly,
    neither: a.neither + b.neither,
  };
}

/** Sorted, non-overlapping spans covering the same characters. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Code points in text[from, to): a surrogate pair counts once. */
export function codePointsIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // A low surrogate that follows a high one is the second half of the same character.
    if (c >= 0xdc00 && c <= 0xdfff && i > from && isHigh(text.charCodeAt(i - 1))) continue;
    n++;
  }
  return n;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/**
 * Splits a document into stretches where the set of coders covering it is constant and yields
 * each stretch with the coders' flags. `coverage[i]` is coder i's merged spans.
 */
export function* stretches(
  text: string,
  coverage: readonly Span[][],
): Generator<{ start: number; end: number; characters: number; coded: boolean[] }> {
  const cuts = new Set<number>([0, text.length]);
  for (const spans of coverage) {
    for (const s of spans) {
      cuts.add(Math.min(Math.max(s.start, 0), text.length));
      cuts.add(Math.min(Math.max(s.end, 0), text.length));
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const cursor = coverage.map(() => 0);
  for (let p = 0; p + 1 < points.length; p++) {
    const start = points[p] as number;
    const end = points[p + 1] as number;
    if (end <= start) continue;
    const coded = coverage.map((spans, i) => {
      let c = cursor[i] as number;
      while (c < spans.length && (spans[c] as Span).end <= start) c++;
      cursor[i] = c;
      const span = spans[c];
      return span !== undefined && span.start <= start;
    });
    yield { start, end, characters: codePointsIn(text, start, end), coded };
  }
}

/** Percent agreement and Cohen's kappa of one 2×2 table. */
export function cohen(t: PairTable): { agreement: number; kappa: number } {
  const n = t.both + t.firstOnly + t.secondOnly + t.neither;
  if (n === 0) return { agreement: 1, kappa: 1 };
  const observed = (t.both + t.neither) / n;
  const firstYes = (t.both + t.firstOnly) / n;
  const secondYes = (t.both + t.secondOnly) / n;
  const expected = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  // Both coders constant (all coded, or nothing coded) agree by chance alone; kappa is then
  // undefined (0/0). Perfect observed agreement reads as 1 rather than a missing number.
  const kappa = expected >= 1 ? 1 : (observed - expected) / (1 - expected);
  return { agreement: observed, kappa };
}

/**
 * Krippendorff's alpha for binary nominal values with every coder rating every character:
 * alpha = 1 − (n − 1) · Σ_u n0u·n1u / (m − 1) / (n0 · n1), where n = characters × m.
 */
export function krippendorffAlpha(histogram: CoverageHistogram): number {
  const m = histogram.length - 1;
  if (m < 2) return 1;
  let units = 0;
  let ones = 0;
  let disagreeing = 0;
  histogram.forEach((count, k) => {
    units += count;
    ones += count * k;
    disagreeing += (count * k * (m - k)) / (m - 1);
  });
  const n = units * m;
  const zeros = n - ones;
  if (ones === 0 || zeros === 0) return 1;
  return 1 - ((n - 1) * disagreeing) / (zeros * ones);
}

/** One code's character counts across documents: the pairwise tables and the coverage histogram. */
export class CodeAgreement {
  readonly pairs: PairTable[];
  readonly histogram: CoverageHistogram;

  constructor(readonly coders: number) {
    this.pairs = Array.from({ length: (coders * (coders - 1)) / 2 }, emptyTable);
    this.histogram = Array.from({ length: coders + 1 }, () => 0);
  }

  /** Counts `characters` characters that the coders flagged in `coded` did (or did not) code. */
  add(characters: number, coded: readonly boolean[]): void {
    if (characters === 0) return;
    const k = coded.filter(Boolean).length;
    this.histogram[k] = (this.histogram[k] ?? 0) + characters;
    let p = 0;
    for (let i = 0; i < this.coders; i++) {
      for (let j = i + 1; j < this.coders; j++) {
        const t = this.pairs[p++] as PairTable;
        if (coded[i] && coded[j]) t.both += characters;
        else if (coded[i]) t.firstOnly += characters;
        else if (coded[j]) t.secondOnly += characters;
        else t.neither += characters;
      }
    }
  }

  merge(other: CodeAgreement): void {
    other.pairs.forEach((t, i) => {
      this.pairs[i] = addTables(this.pairs[i] as PairTable, t);
    });
    other.histogram.forEach((n, k) => {
      this.histogram[k] = (this.histogram[k] ?? 0) + n;
    });
  }

  figures(): AgreementFigures {
    const each = this.pairs.map(cohen);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    return {
      agreement: mean(each.map((e) => e.agreement)),
      kappa: mean(each.map((e) => e.kappa)),
      alpha: krippendorffAlpha(this.histogram),
    };
  }
}
