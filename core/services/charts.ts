/**
 * The charts a report carries: code frequency, codes by segment (participants grouped by
 * one attribute), and each benchmark measure by round. SVG always; PNG when a Chromium can draw it (DOCX and PPTX need one).
 */
import { type Chart, codeFrequencyChart, codesBySegmentChart, measureChart } from '../export/charts.js';
import type { ReportModel } from '../export/model.js';
import { svgToPng } from '../export/rasterise.js';
import { codeMatrix, NO_VALUE } from './analysis.js';
import type { ProjectContext } from './context.js';

/** The codes-by-segment title; report strings have no phrase for it yet (asked of strings.ts). */
const BY_SEGMENT: Record<ReportModel['language'], (attribute: string) => string> = {
  en: (a) => `Excerpts per theme by ${a}`,
  de: (a) => `Auszüge je Thema nach ${a}`,
  zh: (a) => `各主题摘录（按${a}）`,
  ja: (a) => `テーマ別の抜粋（${a}別）`,
};

export interface RasterChart extends Chart {
  png: Uint8Array | null;
}

/**
 * The report's charts as SVG: excerpts per code (in the codes' colours) and, when the report has
 * a key attribute, excerpts per code by its values. The HTML writer can inline `svg` as is.
 * The key attribute comes from the model, so a redacted report never segments by an
 * identifying attribute.
 */
export function reportCharts(ctx: ProjectContext, model: ReportModel): Chart[] {
  if (!model.charts) return [];
  const t = model.strings;
  const measures = model.charts.measures.map((m) => measureChart(m.rounds, m.target, t.measureChart(m.name)));
  if (model.charts.codes.length === 0) return measures;
  const charts = [
    codeFrequencyChart(
      model.charts.codes.map((c) => ({
        label: c.name,
        excerpts: c.excerpts,
        participants: c.participants,
        color: c.color,
      })),
      t.codeChart,
      { excerpts: t.excerpts, participants: t.participants },
    ),
  ];
  const by = model.participantColumns[0];
  if (by) {
    const m = codeMatrix(ctx, by, {});
    if (m.columns.length >= 1 && m.columns.length <= 12) {
      charts.push(
        codesBySegmentChart(
          m.columns.map((c) => (c === NO_VALUE ? '—' : c)),
          m.rows,
          BY_SEGMENT[model.language](by),
        ),
      );
    }
  }
  return [...charts, ...measures];
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

/** The charts DOCX and PPTX carry: those Chromium drew, and a notice for each it could not. */
export async function officeCharts(
  ctx: ProjectContext,
  model: ReportModel,
): Promise<{ charts: (Chart & { png: Uint8Array })[]; notices: string[] }> {
  const { charts, notices } = await rasterCharts(reportCharts(ctx, model));
  return { charts: charts.flatMap((c) => (c.png ? [{ ...c, png: c.png }] : [])), notices };
}
