/**
 * The project as tidy tables for R/SPSS/pandas: excerpts (one row per excerpt, a 0/1 column
 * per code and a joined one), the codebook with definitions, and code × participant counts in
 * long format. Redaction swaps participant labels for pseudonyms and names inside text.
 */
import type { Attribute, AttributeType, Code, Excerpt, Participant } from '../contract/types.js';
import { effectivePseudonyms } from '../export/pseudonyms.js';
import { createRedactor } from '../export/redact.js';
import { type Cell, type Column, type ColumnType, safeColumnNames, type Table } from '../export/tables.js';
import { listAttributes } from './attributes.js';
import { listCodes } from './codes.js';
import type { ProjectContext } from './context.js';
import { hydrateExcerpts } from './excerpts.js';
import { identifyingAttributes, redactionNames } from './identity.js';
import { listParticipants } from './participants.js';

const TYPE_OF: Record<AttributeType, ColumnType> = {
  text: 'text',
  choice: 'text',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
};

/** A stored attribute value (text) as the typed cell its attribute promises. */
function typedValue(type: ColumnType, raw: string | undefined): Cell {
  if (raw === undefined || raw === '') return null;
  if (type === 'number') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
  }
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function codePaths(codes: readonly Code[]): Map<number, string> {
  const byId = new Map(codes.map((c) => [c.id as number, c]));
  const paths = new Map<number, string>();
  const pathOf = (c: Code): string => {
    const known = paths.get(c.id);
    if (known !== undefined) return known;
    const parent = c.parentId !== null ? byId.get(c.parentId) : undefined;
    const path = parent ? `${pathOf(parent)} › ${c.name}` : c.name;
    paths.set(c.id, path);
    return path;
  };
  for (const c of codes) pathOf(c);
  return paths;
}

interface Sources {
  codes: Code[];
  paths: Map<number, string>;
  attributes: Attribute[];
  participants: Participant[];
  excerpts: Excerpt[];
  /** The label a table shows for a participant (a pseudonym when redacted). */
  shown: (label: string) => string;
  text: (s: string) => string;
}

/**
 * Redacted tables follow the reports' rules (core/export/redact.ts via services/identity.ts):
 * participants appear as their pseudonyms, names inside text are replaced, e-mail addresses
 * and phone numbers masked, and identifying attributes are left out as columns.
 */
function gather(ctx: ProjectContext, redact: boolean): Sources {
  const codes = listCodes(ctx);
  const participants = listParticipants(ctx);
  let attributes = listAttributes(ctx);
  let shown = (label: string) => label;
  let text = (s: string) => s;
  if (redact) {
    const pseudonyms = effectivePseudonyms(ctx.repos.participants.list());
    const byLabel = new Map(participants.map((p) => [p.label, pseudonyms.get(p.id) ?? p.label]));
    const redactor = createRedactor(redactionNames(ctx, pseudonyms));
    const hidden = new Set(identifyingAttributes(ctx).map((a) => a.toLowerCase()));
    attributes = attributes.filter((a) => !hidden.has(a.name.toLowerCase()));
    shown = (label) => byLabel.get(label) ?? redactor.text(label);
    text = (s) => redactor.text(s);
  }
  return {
    codes,
    paths: codePaths(codes),
    attributes,
    participants,
    excerpts: hydrateExcerpts(ctx, ctx.repos.excerpts.list()),
    shown,
    text,
  };
}

function attributeColumns(attributes: readonly Attribute[], taken: readonly string[]): Column[] {
  const names = safeColumnNames([...taken, ...attributes.map((a) => a.name)], 'attribute').slice(taken.length);
  return attributes.map((a, i) => ({ name: names[i] as string, type: TYPE_OF[a.type] }));
}

function excerptsTable(s: Sources): Table {
  const fixed: Column[] = [
    { name: 'excerpt_id', type: 'number' },
    { name: 'document_id', type: 'number' },
    { name: 'document', type: 'text' },
    { name: 'participant', type: 'text' },
  ];
  const tail: Column[] = [
    { name: 'start', type: 'number' },
    { name: 'end', type: 'number' },
    { name: 'text', type: 'text' },
    { name: 'memo', type: 'text' },
    { name: 'coders', type: 'text' },
    { name: 'codes', type: 'text' },
  ];
  const taken = [...fixed, ...tail].map((c) => c.name);
  const attrs = attributeColumns(s.attributes, taken);
  const codeNames = safeColumnNames(
    [...taken, ...attrs.map((c) => c.name), ...s.codes.map((c) => `code_${s.paths.get(c.id)}`)],
    'code',
  ).slice(taken.length + attrs.length);
  const codeColumns: Column[] = codeNames.map((name) => ({ name, type: 'number' }));
  const byLabel = new Map(s.participants.map((p) => [p.label, p]));
  const rows = s.excerpts.map((e): Cell[] => {
    const person = e.participant !== null ? byLabel.get(e.participant) : undefined;
    const has = new Set(e.codes.map((c) => c.id as number));
    return [
      e.id,
      e.documentId,
      s.text(e.documentTitle),
      e.participant === null ? null : s.shown(e.participant),
      ...s.attributes.map((a, i) => typedValue(attrs[i]?.type ?? 'text', person?.attributes[a.name])),
      e.start,
      e.end,
      s.text(e.text),
      e.memo === null ? null : s.text(e.memo),
      e.coders.join('; '),
      e.codes.map((c) => s.paths.get(c.id) ?? c.name).join('; '),
      ...s.codes.map((c) => (has.has(c.id) ? 1 : 0)),
    ];
  });
  return { name: 'excerpts', columns: [...fixed, ...attrs, ...tail, ...codeColumns], rows };
}

function codebookTable(s: Sources): Table {
  const byId = new Map(s.codes.map((c) => [c.id as number, c]));
  const columns: Column[] = [
    { name: 'code_id', type: 'number' },
    { name: 'path', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'parent', type: 'text' },
    { name: 'depth', type: 'number' },
    { name: 'color', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'inclusion', type: 'text' },
    { name: 'exclusion', type: 'text' },
    { name: 'example', type: 'text' },
    { name: 'excerpts', type: 'number' },
  ];
  const rows = s.codes.map((c): Cell[] => {
    const path = s.paths.get(c.id) ?? c.name;
    const parent = c.parentId !== null ? byId.get(c.parentId) : undefined;
    return [
      c.id,
      path,
      c.name,
      parent ? (s.paths.get(parent.id) ?? parent.name) : null,
      path.split(' › ').length - 1,
      c.color,
      s.text(c.description),
      s.text(c.inclusion),
      s.text(c.exclusion),
      s.text(c.example),
      c.excerpts,
    ];
  });
  return { name: 'codebook', columns, rows };
}

/** Every code × participant pair, zeros included, so a mean per segment is a plain group-by. */
function matrixTable(s: Sources): Table {
  const fixed: Column[] = [
    { name: 'code_id', type: 'number' },
    { name: 'code', type: 'text' },
    { name: 'participant', type: 'text' },
  ];
  const taken = [...fixed.map((c) => c.name), 'excerpts'];
  const attrs = attributeColumns(s.attributes, taken);
  const counts = new Map<string, number>();
  let unattributed = false;
  for (const e of s.excerpts) {
    if (e.participant === null) unattributed = true;
    for (const c of e.codes) {
      const key = `${c.id}\u0000${e.participant ?? ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const people: (Participant | null)[] = [...s.participants, ...(unattributed ? [null] : [])];
  const rows: Cell[][] = [];
  for (const code of s.codes) {
    for (const p of people) {
      rows.push([
        code.id,
        s.paths.get(code.id) ?? code.name,
        p === null ? null : s.shown(p.label),
        ...s.attributes.map((a, i) => typedValue(attrs[i]?.type ?? 'text', p?.attributes[a.name])),
        counts.get(`${code.id}\u0000${p?.label ?? ''}`) ?? 0,
      ]);
    }
  }
  return { name: 'matrix', columns: [...fixed, ...attrs, { name: 'excerpts', type: 'number' }], rows };
}

export function projectTables(ctx: ProjectContext, redact: boolean): Record<'excerpts' | 'codebook' | 'matrix', Table> {
  const s = gather(ctx, redact);
  return { excerpts: excerptsTable(s), codebook: codebookTable(s), matrix: matrixTable(s) };
}
