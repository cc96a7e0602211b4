/**
 * The JSON shapes of docs/spec cli.md, mapped from contract outputs. The contract carries
 * more (titles, memos, colours of code refs); `--json` prints exactly the documented keys so
 * scripts can rely on them.
 */

import type { Hypothesis } from '../core/contract/hypotheses-types.js';
import type {
  Attribute,
  BoardDetail,
  Code,
  DocumentDetail,
  DocumentSummary,
  Excerpt,
  Insight,
  Participant,
  ProjectInfo,
  SearchHit,
} from '../core/contract/types.js';

export const infoJson = (info: ProjectInfo) => ({ schemaVersion: info.schemaVersion, counts: { ...info.counts } });

export const docJson = (d: DocumentSummary) => ({
  id: d.id,
  title: d.title,
  format: d.format,
  participant: d.participant,
  chars: d.chars,
  turns: d.turns,
});

export const showJson = (d: DocumentDetail) => ({
  id: d.id,
  title: d.title,
  text: d.text,
  language: d.language,
  turns: d.turns.map((t) => ({ speaker: t.speaker, start: t.start, end: t.end, startMs: t.startMs, endMs: t.endMs })),
});

export const codeJson = (c: Code) => ({
  id: c.id,
  name: c.name,
  parent: c.parent,
  color: c.color,
  excerpts: c.excerpts,
});

export const excerptJson = (e: Excerpt) => ({
  id: e.id,
  documentId: e.documentId,
  start: e.start,
  end: e.end,
  text: e.text,
  codes: e.codes.map((c) => c.name),
});

export const insightJson = (i: Insight) => ({
  id: i.id,
  title: i.title,
  statement: i.statement,
  evidence: [...i.evidence],
  participants: i.participants,
});

export const searchJson = (h: SearchHit) => ({
  documentId: h.documentId,
  start: h.start,
  end: h.end,
  snippet: h.snippet,
});

/** spec/cli.md's keys, plus the status history (an extension, documented in docs/cli.md). */
export const hypothesisJson = (h: Hypothesis) => ({
  id: h.id,
  statement: h.statement,
  status: h.status,
  supporting: h.supporting,
  contradicting: h.contradicting,
  history: h.history.map((c) => ({ status: c.status, at: c.at, coder: c.coder, note: c.note })),
});

/**
 * A participant with every attribute of the project, typed for JSON: numbers as numbers,
 * yes/no as booleans, dates and text as strings, and an attribute never set as null.
 */
export const participantJson = (p: Participant, attributes: readonly Attribute[]) => ({
  id: p.id,
  label: p.label,
  attributes: Object.fromEntries(attributes.map((a) => [a.name, typedValue(a, p.attributes[a.name])])),
  documents: p.documents.length,
});

function typedValue(attribute: Attribute, value: string | undefined): string | number | boolean | null {
  if (value === undefined) return null;
  if (attribute.type === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  if (attribute.type === 'boolean') return value === 'true';
  return value;
}

/** spec/cli.md's `board show --json`: groups with their card ids in order, and every card. */
export const boardJson = (b: BoardDetail) => ({
  id: b.id,
  name: b.name,
  groups: b.groups.map((g) => ({
    id: g.id,
    name: g.name,
    code: g.code?.name ?? null,
    cards: b.cards
      .filter((c) => c.groupId === g.id)
      .sort((x, y) => x.order - y.order)
      .map((c) => c.id),
  })),
  cards: b.cards.map((c) => ({
    id: c.id,
    excerptId: c.excerpt?.id ?? null,
    text: c.text,
    groupId: c.groupId,
    x: c.x,
    y: c.y,
  })),
});
