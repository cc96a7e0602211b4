/**
 * The report as a Word document (the `docx` library): real Heading 1–3 styles so Word's
 * navigation pane and table of contents work, a Quote style for excerpts with their
 * attribution, tables, charts as images (SVG with a PNG fallback), CJK runs in a font with
 * the glyphs and Arabic/Hebrew quotes as right-to-left paragraphs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Chart } from './charts.js';
import type { EvidenceStrength, ReportModel, ReportQuote } from './model.js';
import { cjkFont, isRtl, LATIN_FONT, RTL_FONT } from './scripts.js';
import { describeRedaction, describeSegments, describeStrength } from './strings.js';

export interface DocxChart extends Chart {
  png: Uint8Array;
}

/** A run whose East Asian and complex-script slots name fonts that have the glyphs. */
function run(
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {},
  language?: string | null,
) {
  return new TextRun({
    text,
    ...options,
    font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: cjkFont(text, language), cs: RTL_FONT },
    rightToLeft: isRtl(text),
  });
}

/** Line breaks inside a quote become breaks inside one paragraph, not lost. */
function runs(text: string, options: Parameters<typeof run>[1] = {}, language?: string | null): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? run(line, options, language) : new TextRun({ text: line, break: 1, ...options })));
}

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const h = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 }[level];
  return new Paragraph({ heading: h, children: [run(text)], bidirectional: isRtl(text) });
}

function para(text: string, options: Parameters<typeof run>[1] = {}): Paragraph {
  return new Paragraph({ children: runs(text, options), bidirectional: isRtl(text) });
}

/** A bold label followed by text in one paragraph ("Recommendation: …"). */
function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ children: [run(label, { bold: true }), ...runs(text)], bidirectional: isRtl(text) });
}

function quote(q: ReportQuote): Paragraph[] {
  const rtl = q.dir === 'rtl';
  return [
    new Paragraph({ style: 'Quote', bidirectional: rtl, children: runs(q.text, {}, q.language) }),
    new Paragraph({ style: 'QuoteAttribution', bidirectional: rtl, children: [run(`— ${q.attribution}`)] }),
  ];
}

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [run(text, { bold: header })], bidirectional: isRtl(text) })],
    shading: header ? { type: ShadingType.CLEAR, fill: 'E8ECF2', color: 'auto' } : undefined,
  });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

/** Page width minus margins at 96 px to the inch (A4/Letter with 1" margins ≈ 6.3"). */
const IMAGE_WIDTH = 600;

function chart(c: DocxChart): Paragraph[] {
  const height = Math.round((IMAGE_WIDTH * c.height) / c.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(c.svg, 'utf8'),
          fallback: { type: 'png', data: c.png },
          transformation: { width: IMAGE_WIDTH, height },
          altText: { name: c.title, description: c.title, title: c.title },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, children: [run(c.title)] }),
  ];
}

const note = (text: string) => para(text, { italics: true, color: '555555' });

/** Sections in the model's reading order; a section the options turned off is null and skipped. */
function body(model: ReportModel, charts: readonly DocxChart[]): (Paragraph | Table)[] {
  const t = model.strings;
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(model.title)], bidirectional: isRtl(model.title) }),
    note(t.reportOf(model.date)),
  ];
  if (model.redaction) out.push(note(`${t.redactedNotice} (${describeRedaction(model.redaction.kinds, t)})`));
  const strength = (s: EvidenceStrength) =>
    [describeStrength(s, t), describeSegments(s.segments)].filter(Boolean).join(' · ');

  if (model.executiveSummary) {
    out.push(heading(t.executiveSummary, 1));
    const findings = model.executiveSummary.findings;
    if (findings.length === 0) out.push(note(t.noneYet));
    for (const f of findings) {
      const meta = [f.priority ? t.priority[f.priority] : null, describeStrength(f.strength, t)]
        .filter(Boolean)
        .join(' · ');
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          bidirectional: isRtl(f.title),
          children: [run(f.title, { bold: true }), run(` — ${meta}`)],
        }),
      );
    }
  }

  if (model.insights) {
    out.push(heading(t.insights, 1));
    if (model.insights.length === 0) out.push(note(t.noneYet));
    for (const insight of model.insights) {
      out.push(heading(insight.title, 2));
      out.push(
        note(
          [insight.priority ? t.priority[insight.priority] : null, strength(insight.strength)]
            .filter(Boolean)
            .join(' · '),
        ),
      );
      out.push(para(insight.statement));
      if (insight.recommendation) out.push(labelled(`${t.recommendation}: `, insight.recommendation));
      for (const q of insight.quotes) out.push(...quote(q));
    }
  }

  if (model.hypotheses) {
    out.push(heading(t.hypotheses, 1));
    if (model.hypotheses.length === 0) out.push(note(t.noneYet));
    for (const h of model.hypotheses) {
      out.push(heading(h.statement, 2));
      out.push(
        note(
          `${t.status[h.status]} · ${t.supports}: ${describeStrength(h.supporting, t)} · ${t.contradicts}: ${describeStrength(h.contradicting, t)}`,
        ),
      );
      if (h.rationale.trim()) out.push(para(h.rationale));
      for (const { stance, quote: q } of h.quotes) {
        out.push(para(stance === 'supports' ? t.supports : t.contradicts, { bold: true }), ...quote(q));
      }
    }
  }

  if (model.codes) {
    out.push(heading(t.codes, 1));
    if (model.codes.length === 0) out.push(note(t.noneYet));
    for (const { code, strength: s, quotes } of model.codes) {
      out.push(heading(code.path, code.depth === 0 ? 2 : 3));
      out.push(note([describeStrength(s, t), code.description.trim()].filter(Boolean).join(' — ')));
      if (quotes.length === 0) out.push(note(t.quotedAbove));
      for (const q of quotes) out.push(...quote(q));
    }
  }

  for (const board of model.boards ?? []) {
    out.push(heading(`${t.boards}: ${board.name}`, 1));
    for (const g of board.groups) {
      out.push(heading(g.name, 2));
      for (const n of g.notes) out.push(para(n, { italics: true }));
      for (const q of g.quotes) out.push(...quote(q));
    }
  }

  if (model.method) {
    const m = model.method;
    out.push(heading(t.method, 1));
    out.push(
      para(
        `${t.nDocuments(m.documents)} · ${t.nParticipants(m.participants)} · ${t.nCodes(m.codes)} · ${t.nExcerpts(m.excerpts)}`,
      ),
    );
    if (m.languages.length > 0) out.push(para(`${t.language}: ${m.languages.join(', ')}`));
    if (m.rounds.length > 0) out.push(para(`${t.rounds}: ${m.rounds.join(', ')}`));
    if (m.keyAttributes.length > 0) out.push(para(`${t.keyAttributes}: ${m.keyAttributes.join(', ')}`));
  }

  if (model.participants) {
    out.push(heading(t.participants, 1));
    out.push(
      table(
        [t.participant, ...model.participantColumns, t.documents, t.excerpts],
        model.participants.map((p) => [p.name, ...p.values, String(p.documents), String(p.excerpts)]),
      ),
    );
  }

  if (model.charts && charts.length > 0) {
    out.push(heading(t.charts, 1));
    for (const c of charts) out.push(...chart(c));
  }

  if (model.appendix) {
    const a = model.appendix;
    out.push(heading(t.appendix, 1));
    out.push(heading(t.codebook, 2));
    out.push(
      table(
        [t.codes, t.excerpts, ''],
        a.codebook.map((c) => [c.path, String(c.excerpts), c.description]),
      ),
    );
    out.push(heading(t.documents, 2));
    out.push(
      table(
        [t.documents, t.participant, t.language, t.excerpts],
        a.documents.map((d) => [d.title, d.participant ?? '—', d.language ?? '—', String(d.excerpts)]),
      ),
    );
    if (a.memos.length > 0) {
      out.push(heading(t.memos, 2));
      for (const m of a.memos) {
        out.push(heading(m.title ? `${m.about}: ${m.title}` : m.about, 3), para(m.body));
      }
    }
  }
  return out;
}

export async function renderDocx(model: ReportModel, charts: readonly DocxChart[] = []): Promise<Uint8Array> {
  const font = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: cjkFont('', model.language), cs: RTL_FONT };
  const doc = new Document({
    creator: 'Quarry',
    title: model.title,
    description: 'Quarry report',
    styles: {
      default: {
        document: { run: { font, size: 22 } },
        title: { run: { font, size: 48, bold: true, color: '1F2937' } },
        heading1: {
          run: { font, size: 34, bold: true, color: '1F3A5F' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 0 },
        },
        heading2: {
          run: { font, size: 28, bold: true, color: '2E4A6F' },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 1 },
        },
        heading3: {
          run: { font, size: 24, bold: true, color: '3B5B82' },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, outlineLevel: 2 },
        },
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'QuoteAttribution',
          run: { italics: true, color: '333333' },
          paragraph: {
            indent: { left: 567, right: 567 },
            spacing: { before: 120, after: 0 },
            keepNext: true,
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: '9AA9BD', space: 8 } },
          },
        },
        {
          id: 'QuoteAttribution',
          name: 'Quote Attribution',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 18, color: '5B6573' },
          paragraph: { indent: { left: 567, right: 567 }, spacing: { after: 160 } },
        },
      ],
    },
    sections: [{ children: body(model, charts) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
