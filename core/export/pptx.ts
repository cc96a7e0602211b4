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
import type {
  EvidenceStrength,
  ReportHypothesis,
  ReportInsight,
  ReportModel,
  ReportQuote,
  ReportStrings,
} from './model.js';
import { cjkFont, hasCjk, isRtl, LATIN_FONT } from './scripts.js';
import { describeSegments, describeStrength } from './strings.js';

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
    // pptxgenjs reads a paragraph's direction from its first run's options, not the box's.
    options: {
      fontFace: hasCjk(text) ? cjkFont(text, language) : LATIN_FONT,
      ...(isRtl(text) ? { rtlMode: true } : {}),
      ...options,
    },
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

function titleSlide(pptx: PptxGenJS, model: ReportModel, t: ReportStrings): void {
  const slide = pptx.addSlide();
  slide.background = { color: ACCENT };
  slide.addText(
    [textRun(model.title, { fontSize: 40, bold: true, color: 'FFFFFF' })],
    box(model.title, MARGIN, 2.4, INNER, 1.6, { valign: 'bottom' }),
  );
  const sub = `${t.insights} · ${t.reportOf(model.date)}`;
  slide.addText([textRun(sub, { fontSize: 20, color: 'DDE5F0' })], box(sub, MARGIN, 4.1, INNER, 0.7));
  if (model.redaction) {
    slide.addText(
      [textRun(t.redactedNotice, { fontSize: 12, color: 'DDE5F0' })],
      box(t.redactedNotice, MARGIN, 6.3, INNER, 0.8),
    );
  }
}

/** Counts and method: what the findings stand on. */
function overviewSlide(pptx: PptxGenJS, model: ReportModel, t: ReportStrings): void {
  const m = model.method;
  if (!m) return;
  const slide = pptx.addSlide();
  slide.addText(
    [textRun(t.method, { fontSize: 30, bold: true, color: ACCENT })],
    box(t.method, MARGIN, 0.4, INNER, 0.8),
  );
  const figures: string[] = [
    t.nParticipants(m.participants),
    t.nDocuments(m.documents),
    t.nExcerpts(m.excerpts),
    t.nCodes(m.codes),
  ];
  const w = INNER / figures.length;
  figures.forEach((label, i) => {
    // "12 participants" → the number large, the noun below it (CJK counters stay with their number).
    const match = label.match(/^(\d[\d,.]*)\s+(.+)$/u);
    const runs = match
      ? [
          textRun(match[1] as string, { fontSize: 44, bold: true, color: ACCENT, breakLine: true }),
          textRun(match[2] as string, { fontSize: 16, color: MUTED }),
        ]
      : [textRun(label, { fontSize: 28, bold: true, color: ACCENT })];
    slide.addText(runs, box(label, MARGIN + i * w, 1.6, w - 0.2, 1.7, { align: 'center' }));
  });
  const facts = [
    m.languages.length > 0 ? `${t.language}: ${m.languages.join(', ')}` : null,
    m.rounds.length > 0 ? `${t.rounds}: ${m.rounds.join(', ')}` : null,
    m.keyAttributes.length > 0 ? `${t.keyAttributes}: ${m.keyAttributes.join(', ')}` : null,
  ].filter((f): f is string => f !== null);
  if (facts.length > 0) {
    slide.addText(
      facts.map((f, i) => textRun(f, { fontSize: 18, color: INK, breakLine: i < facts.length - 1 })),
      box(facts.join(' '), MARGIN, 3.8, INNER, 2.4),
    );
  }
}

/** Breadth over volume: the colour of the strength bar; the text beside it gives the counts. */
const strengthColor = (s: EvidenceStrength) =>
  s.participants >= 3 ? '2E7D32' : s.participants === 2 ? 'B26A00' : '9E9E9E';

/** Quote cards in a grid below the statement: one or two columns, sized to what there is. */
function quoteCards(
  pptx: PptxGenJS,
  slide: Pptx.default.Slide,
  quotes: readonly { label?: string; quote: ReportQuote }[],
  top: number,
  bottom = 6.35,
): void {
  if (quotes.length === 0) return;
  const cols = quotes.length > 1 ? 2 : 1;
  const rows = Math.ceil(quotes.length / cols);
  const height = bottom - top;
  const gap = 0.2;
  const qw = (INNER - gap * (cols - 1)) / cols;
  const qh = (height - gap * (rows - 1)) / rows;
  // Fewer quotes, more room: larger type, and the budget below scales with it.
  const fontSize = rows === 1 ? 20 : 15;
  // Characters a box holds, roughly: at 15pt ~11 per inch across and ~3.6 lines per inch down.
  // A slide quote is read aloud in a meeting: past ~500 characters it is cut even when it would fit.
  const budget = Math.min(500, Math.floor(qw * (165 / fontSize) * (qh - 0.45) * (54 / fontSize)));
  const cards = quotes.map(({ label, quote: q }) => {
    const body = fitQuote(q.text, budget);
    // Guillemets are mirrored in right-to-left text, curly quotes are not.
    const text = q.dir === 'rtl' ? `«${body}»` : `“${body}”`;
    // A card as tall as its text (estimated; CJK counts double), so short quotes do not sit
    // in mostly empty boxes. Shrink-on-overflow covers an estimate that falls short.
    const width = [...text].reduce((n, ch) => n + (hasCjk(ch) ? 2 : 1), 0);
    const lines = Math.ceil(width / Math.max(1, (qw - 0.3) * (165 / fontSize)));
    const needed = lines * ((fontSize * 1.25) / 72) + (label ? 0.3 : 0) + 0.55;
    return { label, q, text, height: Math.min(qh, Math.max(1.0, needed)) };
  });
  let y = top;
  for (let r = 0; r < rows; r++) {
    const row = cards.slice(r * cols, r * cols + cols);
    const h = Math.max(...row.map((c) => c.height));
    row.forEach(({ label, q, text }, c) => {
      const x = MARGIN + c * (qw + gap);
      slide.addShape(pptx.ShapeType.rect, { x, y, w: qw, h, fill: { color: 'F3F5F8' }, line: { color: 'F3F5F8' } });
      slide.addText(
        [
          ...(label ? [textRun(label, { fontSize: 12, bold: true, color: ACCENT, breakLine: true })] : []),
          textRun(text, { fontSize, italic: true, color: INK, breakLine: true }, q.language),
          textRun(`— ${fitQuote(q.attribution, 90)}`, { fontSize: 12, color: MUTED }),
        ],
        box(q.text, x + 0.1, y + 0.05, qw - 0.2, h - 0.1, q.dir === 'rtl' ? { rtlMode: true, align: 'right' } : {}),
      );
    });
    y += h + gap;
  }
}

function footer(pptx: PptxGenJS, slide: Pptx.default.Slide, text: string, color: string): void {
  slide.addShape(pptx.ShapeType.rect, { x: MARGIN, y: 6.6, w: 0.18, h: 0.45, fill: { color }, line: { color } });
  slide.addText(
    [textRun(text, { fontSize: 13, color: MUTED })],
    box(text, MARGIN + 0.3, 6.6, INNER - 0.3, 0.5, { valign: 'middle' }),
  );
}

function insightSlide(pptx: PptxGenJS, insight: ReportInsight, t: ReportStrings): void {
  const slide = pptx.addSlide();
  slide.addText(
    [textRun(insight.title, { fontSize: 28, bold: true, color: ACCENT })],
    box(insight.title, MARGIN, 0.3, INNER, 0.9),
  );
  const statement = fitQuote(insight.statement, 320);
  slide.addText([textRun(statement, { fontSize: 18, color: INK })], box(statement, MARGIN, 1.2, INNER, 1.0));
  // The model already chose the best 2–4 quotes (distinct participants first).
  quoteCards(
    pptx,
    slide,
    insight.quotes.slice(0, 4).map((quote) => ({ quote })),
    2.35,
    insight.recommendation ? 5.7 : 6.35,
  );
  if (insight.recommendation) {
    const text = fitQuote(insight.recommendation, 200);
    slide.addText(
      [
        textRun(`${t.recommendation}: `, { fontSize: 15, bold: true, color: ACCENT }),
        textRun(text, { fontSize: 15, color: INK }),
      ],
      box(text, MARGIN, 5.8, INNER, 0.7, { valign: 'middle' }),
    );
  }
  const line = [
    insight.priority ? t.priority[insight.priority] : null,
    describeStrength(insight.strength, t),
    describeSegments(insight.strength.segments),
  ]
    .filter(Boolean)
    .join(' · ');
  footer(pptx, slide, line, strengthColor(insight.strength));
}

function hypothesisSlide(pptx: PptxGenJS, h: ReportHypothesis, t: ReportStrings): void {
  const slide = pptx.addSlide();
  const head = `${t.hypotheses} · ${t.status[h.status]}`;
  slide.addText([textRun(head, { fontSize: 16, bold: true, color: MUTED })], box(head, MARGIN, 0.3, INNER, 0.5));
  const statement = fitQuote(h.statement, 240);
  slide.addText(
    [textRun(statement, { fontSize: 26, bold: true, color: ACCENT })],
    box(statement, MARGIN, 0.8, INNER, 1.1),
  );
  if (h.rationale.trim()) {
    const rationale = fitQuote(h.rationale, 260);
    slide.addText([textRun(rationale, { fontSize: 16, color: INK })], box(rationale, MARGIN, 1.9, INNER, 0.7));
  }
  quoteCards(
    pptx,
    slide,
    h.quotes.map(({ stance, quote }) => ({ label: stance === 'supports' ? t.supports : t.contradicts, quote })),
    2.7,
  );
  const line = `${t.supports}: ${describeStrength(h.supporting, t)} · ${t.contradicts}: ${describeStrength(h.contradicting, t)}`;
  footer(pptx, slide, line, h.status === 'supported' ? '2E7D32' : h.status === 'refuted' ? 'C62828' : '9E9E9E');
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
  const t = model.strings;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = model.title;
  pptx.company = 'Quarry';
  titleSlide(pptx, model, t);
  overviewSlide(pptx, model, t);
  for (const insight of model.insights ?? []) insightSlide(pptx, insight, t);
  for (const h of model.hypotheses ?? []) hypothesisSlide(pptx, h, t);
  if (model.charts) for (const chart of charts) chartSlide(pptx, chart);
  const out = await pptx.write({ outputType: 'nodebuffer' });
  return new Uint8Array(out as Buffer);
}
