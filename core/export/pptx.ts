/**
 * The insight deck (pptxgenjs): a title slide, an overview, one slide per insight (title,
 * statement, its 2–4 strongest quotes with attribution, evidence strength, recommendation),
 * hypothesis slides when there are any, and chart slides. Every text is an editable text
 * box; CJK runs name a CJK font; long quotes are cut at a sentence or word and the boxes
 * shrink text on overflow, so nothing runs off the slide.
 */

import type Pptx from 'pptxgenjs';
import * as pptxModule from 'pptxgenjs';
import type { Chart } from './charts.js';
import type { ReportInsight, ReportModel, ReportQuote } from './model.js';
import { cjkFont, hasCjk, isRtl, LATIN_FONT } from './scripts.js';
import { evidenceStrength, type ReportLabels, reportLabels } from './strength.js';

export interface PptxChart extends Chart {
  png: Uint8Array;
}

// pptxgenjs's types describe a CommonJS module while Node loads its ES build: the class is
// the ES default export at run time, `.default` of the module in the types.
type PptxGenJS = Pptx.default;
type TextRun = Pptx.default.TextProps;
type TextOptions = Pptx.default.TextPropsOptions;
const PptxGenJS: typeof Pptx.default =
  (pptxModule as unknown as { default: { default?: typeof Pptx.default } & typeof Pptx.default }).default.default ??
  (pptxModule as unknown as { default: typeof Pptx.default }).default;

/** Slide is 13.33 × 7.5 in (16:9). */
const W = 13.333;
const MARGIN = 0.5;
const INNER = W - 2 * MARGIN;
const INK = '1F2937';
const MUTED = '5B6573';
const ACCENT = '1F3A5F';

/** A run in a font with its glyphs: CJK text gets a CJK face, everything else the Latin one. */
function textRun(text: string, options: TextOptions = {}, language?: string | null): TextRun {
  return {
    text,
    options: { fontFace: hasCjk(text) ? cjkFont(text, language) : LATIN_FONT, ...options },
  };
}

/** Box options shared by every text box: wrap, shrink on overflow, right-to-left when the text is. */
function box(text: string, x: number, y: number, w: number, h: number, extra: TextOptions = {}) {
  const rtl = isRtl(text);
  return {
    x,
    y,
    w,
    h,
    valign: 'top' as const,
    fit: 'shrink' as const,
    wrap: true,
    margin: 4,
    ...(rtl ? { rtlMode: true, align: 'right' as const } : {}),
    ...extra,
  };
}

/**
 * Cut a quote to what fits a box: CJK characters are about twice as wide, so they count
 * double. Cut at the last sentence end or space before the limit when there is one close by.
 */
export function fitQuote(text: string, budget: number): string {
  const chars = [...text.replace(/\s*\n\s*/g, ' ').trim()];
  let used = 0;
  let end = 0;
  for (; end < chars.length; end++) {
    used += hasCjk(chars[end] as string) ? 2 : 1;
    if (used > budget) break;
  }
  if (end >= chars.length) return chars.join('');
  const head = chars.slice(0, end).join('');
  const sentence = Math.max(...['. ', '! ', '? ', '。', '！', '？', '؟ '].map((m) => head.lastIndexOf(m)));
  if (sentence > head.length * 0.6) return `${head.slice(0, sentence + 1).trim()} …`;
  const space = head.lastIndexOf(' ');
  return `${(space > head.length * 0.6 ? head.slice(0, space) : head).trim()}…`;
}

/**
 * The quotes a slide has room for: one per participant first (breadth persuades), then the
 * rest; quotes of a readable length before very short or very long ones.
 */
export function strongestQuotes(quotes: readonly ReportQuote[], max = 4): ReportQuote[] {
  const score = (q: ReportQuote) => {
    const n = [...q.text].length;
    return n < 25 ? 1 : n > 400 ? 2 : 3;
  };
  const ranked = [...quotes].sort((a, b) => score(b) - score(a));
  const seen = new Set<string>();
  const first: ReportQuote[] = [];
  const rest: ReportQuote[] = [];
  for (const q of ranked) {
    const who = q.participant ?? `#${q.excerptId}`;
    if (seen.has(who)) rest.push(q);
    else {
      seen.add(who);
      first.push(q);
    }
  }
  return [...first, ...rest].slice(0, max);
}

function titleSlide(pptx: PptxGenJS, model: ReportModel, L: ReportLabels): void {
  const slide = pptx.addSlide();
  slide.background = { color: ACCENT };
  slide.addText(
    [textRun(model.projectName, { fontSize: 40, bold: true, color: 'FFFFFF' })],
    box(model.projectName, MARGIN, 2.4, INNER, 1.6, { valign: 'bottom' }),
  );
  const sub = `${L.insights} · ${model.date}`;
  slide.addText([textRun(sub, { fontSize: 20, color: 'DDE5F0' })], box(sub, MARGIN, 4.1, INNER, 0.7));
}

function overviewSlide(pptx: PptxGenJS, model: ReportModel, L: ReportLabels): void {
  const slide = pptx.addSlide();
  slide.addText(
    [textRun(L.overview, { fontSize: 30, bold: true, color: ACCENT })],
    box(L.overview, MARGIN, 0.4, INNER, 0.8),
  );
  const figures: [number, string][] = [
    [model.counts.participants, L.participants],
    [model.counts.documents, 'Documents'],
    [model.counts.excerpts, L.excerpts],
    [model.counts.codes, 'Codes'],
    [model.insights.length, L.insights],
  ];
  const w = INNER / figures.length;
  figures.forEach(([n, label], i) => {
    slide.addText(
      [
        textRun(String(n), { fontSize: 40, bold: true, color: ACCENT, breakLine: true }),
        textRun(label, { fontSize: 16, color: MUTED }),
      ],
      box(label, MARGIN + i * w, 1.7, w - 0.2, 1.6, { align: 'center' }),
    );
  });
  slide.addText([textRun(L.method, { fontSize: 16, color: INK })], box(L.method, MARGIN, 4.0, INNER, 1.2));
  const legend = `${L.strength}: ${L.strengthName('strong')} = 3+ ${L.participants.toLowerCase()}, ${L.strengthName('moderate')} = 2, ${L.strengthName('weak')} = 1`;
  slide.addText([textRun(legend, { fontSize: 13, color: MUTED })], box(legend, MARGIN, 6.5, INNER, 0.5));
}

const STRENGTH_COLOR = { strong: '2E7D32', moderate: 'B26A00', weak: '9E9E9E' } as const;

function insightSlide(pptx: PptxGenJS, insight: ReportInsight, L: ReportLabels, recommendation: string | null): void {
  const slide = pptx.addSlide();
  slide.addText(
    [textRun(insight.title, { fontSize: 28, bold: true, color: ACCENT })],
    box(insight.title, MARGIN, 0.3, INNER, 0.9),
  );
  slide.addText(
    [textRun(fitQuote(insight.statement, 320), { fontSize: 18, color: INK })],
    box(insight.statement, MARGIN, 1.2, INNER, 1.0),
  );

  const quotes = strongestQuotes(insight.evidence);
  const cols = quotes.length > 1 ? 2 : 1;
  const rows = Math.max(1, Math.ceil(quotes.length / cols));
  const top = 2.35;
  const height = 6.35 - top;
  const gap = 0.2;
  const qw = (INNER - gap * (cols - 1)) / cols;
  const qh = (height - gap * (rows - 1)) / rows;
  // Fewer quotes, more room: larger type, and the budget below scales with it.
  const fontSize = rows === 1 ? 20 : 15;
  // Characters a box holds, roughly: at 15pt ~11 per inch across and ~3.6 lines per inch down.
  // A slide quote is read aloud in a meeting: past ~500 characters it is cut even when it would fit.
  const budget = Math.min(500, Math.floor(qw * (165 / fontSize) * (qh - 0.45) * (54 / fontSize)));
  quotes.forEach((q, i) => {
    const x = MARGIN + (i % cols) * (qw + gap);
    const y = top + Math.floor(i / cols) * (qh + gap);
    // Guillemets are mirrored in right-to-left text, curly quotes are not.
    const text = isRtl(q.text) ? `«${fitQuote(q.text, budget)}»` : `“${fitQuote(q.text, budget)}”`;
    const who = `— ${[q.participant ?? L.unknownParticipant, q.documentTitle].join(' · ')}`;
    slide.addShape(pptx.ShapeType.rect, { x, y, w: qw, h: qh, fill: { color: 'F3F5F8' }, line: { color: 'F3F5F8' } });
    slide.addText(
      [
        textRun(text, { fontSize, italic: true, color: INK, breakLine: true }, q.language),
        textRun(fitQuote(who, 90), { fontSize: 11, color: MUTED }),
      ],
      box(q.text, x + 0.1, y + 0.05, qw - 0.2, qh - 0.1),
    );
  });

  const strength = evidenceStrength(insight);
  const footer = [
    `${L.strength}: ${L.strengthName(strength)}`,
    L.participantsCount(insight.participants),
    L.quotesCount(insight.evidence.length),
    ...(insight.priority ? [`${L.priority}: ${L.priorityName(insight.priority)}`] : []),
  ].join(' · ');
  slide.addShape(pptx.ShapeType.rect, {
    x: MARGIN,
    y: 6.55,
    w: 0.18,
    h: 0.45,
    fill: { color: STRENGTH_COLOR[strength] },
    line: { color: STRENGTH_COLOR[strength] },
  });
  const footerWidth = recommendation ? INNER / 2 - 0.3 : INNER - 0.3;
  slide.addText(
    [textRun(footer, { fontSize: 13, color: MUTED })],
    box(footer, MARGIN + 0.3, 6.55, footerWidth, 0.5, { valign: 'middle' }),
  );
  if (recommendation) {
    const rec = `${L.recommendation}: ${fitQuote(recommendation, 140)}`;
    slide.addText(
      [textRun(rec, { fontSize: 13, bold: true, color: ACCENT })],
      box(rec, MARGIN + INNER / 2, 6.5, INNER / 2, 0.6, { valign: 'middle' }),
    );
  }
}

function chartSlide(pptx: PptxGenJS, chart: PptxChart): void {
  const slide = pptx.addSlide();
  slide.addText(
    [textRun(chart.title, { fontSize: 26, bold: true, color: ACCENT })],
    box(chart.title, MARGIN, 0.3, INNER, 0.8),
  );
  const maxW = INNER;
  const maxH = 7.5 - 1.3 - 0.3;
  const scale = Math.min(maxW / chart.width, maxH / chart.height);
  const w = chart.width * scale;
  const h = chart.height * scale;
  slide.addImage({
    data: `data:image/png;base64,${Buffer.from(chart.png).toString('base64')}`,
    x: MARGIN + (maxW - w) / 2,
    y: 1.2,
    w,
    h,
    altText: chart.title,
  });
}

export async function renderPptx(model: ReportModel, charts: readonly PptxChart[] = []): Promise<Uint8Array> {
  const L = reportLabels(model.language);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = model.projectName;
  pptx.company = 'Quarry';
  titleSlide(pptx, model, L);
  overviewSlide(pptx, model, L);
  for (const insight of model.insights) insightSlide(pptx, insight, L, null);
  for (const chart of charts) chartSlide(pptx, chart);
  const out = await pptx.write({ outputType: 'nodebuffer' });
  return new Uint8Array(out as Buffer);
}
