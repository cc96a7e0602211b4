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
import type { ReportModel, ReportQuote } from './model.js';
import { cjkFont, isRtl, LATIN_FONT, RTL_FONT } from './scripts.js';
import { evidenceStrength, type ReportLabels, reportLabels } from './strength.js';

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

function attribution(q: ReportQuote, labels: ReportLabels): string {
  return ['—', [q.participant ?? labels.unknownParticipant, q.documentTitle].join(' · ')].join(' ');
}

function quote(q: ReportQuote, labels: ReportLabels): Paragraph[] {
  const rtl = isRtl(q.text);
  return [
    new Paragraph({ style: 'Quote', bidirectional: rtl, children: runs(q.text, {}, q.language) }),
    new Paragraph({ style: 'QuoteAttribution', bidirectional: rtl, children: [run(attribution(q, labels))] }),
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

function body(model: ReportModel, charts: readonly DocxChart[]): (Paragraph | Table)[] {
  const L = reportLabels(model.language);
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(model.projectName)] }),
    para(
      L.summary(
        model.date,
        model.counts.documents,
        model.counts.participants,
        model.counts.codes,
        model.counts.excerpts,
      ),
      { color: '555555' },
    ),
  ];

  if (model.insights.length > 0) {
    out.push(heading(L.insights, 1));
    out.push(
      table(
        [L.insight, L.strength, L.participants, L.quotes, L.priority],
        model.insights.map((i) => [
          i.title,
          L.strengthName(evidenceStrength(i)),
          String(i.participants),
          String(i.evidence.length),
          i.priority ? L.priorityName(i.priority) : '—',
        ]),
      ),
    );
    for (const insight of model.insights) {
      out.push(heading(insight.title, 2), para(insight.statement));
      out.push(
        para(
          `${L.strength}: ${L.strengthName(evidenceStrength(insight))} · ${L.participantsCount(insight.participants)} · ${L.quotesCount(insight.evidence.length)}`,
          { italics: true, color: '555555' },
        ),
      );
      for (const q of insight.evidence) out.push(...quote(q, L));
    }
  }

  if (charts.length > 0) {
    out.push(heading(L.charts, 1));
    for (const c of charts) out.push(...chart(c));
  }

  if (model.codebook.length > 0) {
    out.push(heading(L.codebook, 1));
    out.push(
      table(
        [L.code, L.excerpts, L.description],
        model.codebook.map((c) => [c.path, String(c.excerpts), c.description]),
      ),
    );
  }

  if (model.byCode.length > 0) {
    out.push(heading(L.excerptsByCode, 1));
    for (const { code, quotes } of model.byCode) {
      out.push(heading(code.path, code.depth === 0 ? 2 : 3));
      for (const q of quotes) out.push(...quote(q, L));
    }
  }

  for (const board of model.boards) {
    out.push(heading(`${L.board}: ${board.name}`, 1));
    const sections = [...board.groups, { name: L.notGrouped, ...board.ungrouped }];
    for (const g of sections) {
      if (g.quotes.length === 0 && g.notes.length === 0) continue;
      out.push(heading(g.name, 2));
      for (const n of g.notes) out.push(para(n, { italics: true }));
      for (const q of g.quotes) out.push(...quote(q, L));
    }
  }
  return out;
}

export async function renderDocx(model: ReportModel, charts: readonly DocxChart[] = []): Promise<Uint8Array> {
  const font = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: cjkFont('', model.language), cs: RTL_FONT };
  const doc = new Document({
    creator: 'Quarry',
    title: model.projectName,
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
