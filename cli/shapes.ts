/**
 * The JSON shapes of docs/spec cli.md, mapped from contract outputs. The contract carries
 * more (titles, memos, colours of code refs); `--json` prints exactly the documented keys so
 * scripts can rely on them.
 */

import type { Hypothesis } from '../core/contract/hypotheses-types.js';
import type {
  Code,
  DocumentDetail,
  DocumentSummary,
  Excerpt,
  Insight,
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
