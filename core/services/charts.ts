/**
 * The charts a report carries: code frequency, and codes by segment (participants grouped by
 * one attribute). SVG always; PNG when a Chromium can draw it (DOCX and PPTX need one).
 */
import { type Chart, codeFrequencyChart, codesBySegmentChart } from '../export/charts.js';
import { svgToPng } from '../export/rasterise.js';
import { codeMatrix, NO_VALUE } from './analysis.js';
import { listCodes } from './codes.js';
import type { ProjectContext } from './context.js';

export interface RasterChart extends Chart {
  png: Uint8Array | null;
}

/**
 * The attribute that splits participants into a few readable segments: the first whose
 * values number 2–8 (a choice attribute first, as it was made for this).
 */
function segmentAttribute(ctx: ProjectContext): string | null {
  const attrs = ctx.repos.participants.attributes();
  const ordered = [...attrs.filter((a) => a.type === 'choice'), ...attrs.filter((a) => a.type !== 'choice')];
  for (const a of ordered) {
    const n = ctx.repos.analysis.attributeValues(a.id).length;
    if (n >= 2 && n <= 8) return a.name;
  }
  return null;
}

export function reportCharts(ctx: ProjectContext, attribute?: string | null): Chart[] {
  const codes = listCodes(ctx);
  if (!codes.some((c) => c.excerpts > 0)) return [];
  const charts = [
    codeFrequencyChart(
      codes.map((c) => ({ label: c.name, excerpts: c.excerpts })),
      'Excerpts per code',
    ),
  ];
  const by = attribute ?? segmentAttribute(ctx);
  if (by) {
    const m = codeMatrix(ctx, by, {});
    charts.push(
      codesBySegmentChart(
        m.columns.map((c) => (c === NO_VALUE ? '(no value)' : c)),
        m.rows,
        `Excerpts per code by ${by}`,
      ),
    );
  }
  return charts;
}

/** Each chart with its PNG, and a notice for every chart that could not be drawn. */
export async function rasterCharts(charts: readonly Chart[]): Promise<{ charts: RasterChart[]; notices: string[] }> {
  // One Chromium per chart, side by side: start-up dominates, so two charts cost about one.
  const rasters = await Promise.all(charts.map((c) => svgToPng(c.svg, c.width, c.height)));
  const notices: string[] = [];
  const out = charts.map((chart, i): RasterChart => {
    const r = rasters[i] ?? { png: null, reason: 'not drawn' };
    if (r.png === null) notices.push(`Chart "${chart.title}" left out: ${r.reason}.`);
    return { ...chart, png: r.png };
  });
  return { charts: out, notices };
}
