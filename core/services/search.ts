/**
 * Full-text search over documents. Queries in Latin, Cyrillic, Arabic… go to the word index
 * (FTS5 syntax passes through); queries with Chinese, Japanese, Korean or Thai go to the
 * trigram index, and terms under three characters fall back to scanning the text.
 * Snippets wrap the hit in « ».
 */
import type { SegmentHitRow } from '../../db/repositories/search.js';
import type { DocumentId, SearchHit } from '../contract/types.js';
import { badInput } from '../errors.js';
import { SPACELESS_SCRIPT } from '../text/fold.js';
import { containsTerm, findSubstringMatch, findWordMatch, type Span } from '../text/match.js';
import {
  type ParsedQuery,
  parseQuery,
  QuerySyntaxError,
  type QueryTerm,
  trigramExpression,
  wordExpression,
} from '../text/query.js';
import { makeSnippet } from '../text/snippet.js';
import type { ProjectContext } from './context.js';

export const DEFAULT_SEARCH_LIMIT = 100;

const SYNTAX_HELP =
  'Use words, "exact phrases", prefixes like pay*, and AND / OR / NOT between terms (e.g. checkout NOT payment).';

function parse(query: string): ParsedQuery {
  try {
    return parseQuery(query);
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw badInput(`${err.message} ${SYNTAX_HELP}`);
    throw err;
  }
}

/** FTS5 rejects some operator sequences (e.g. "NOT x" alone, "a OR"); those become BadInput, not SQLite errors. */
function runFts<T>(query: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const message = (err as Error)?.message ?? '';
    if (/fts5|syntax error|malformed MATCH|unterminated|no such column/i.test(message)) {
      throw badInput(`Quarry could not read the search "${query}". ${SYNTAX_HELP}`);
    }
    throw err;
  }
}

const codePoints = (s: string) => [...s.trim()].length;

export function search(ctx: ProjectContext, input: { query: string; limit?: number | undefined }): SearchHit[] {
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
  const parsed = parse(input.query);
  const positive = parsed.terms.filter((t) => !t.negated);
  if (positive.length === 0) {
    throw badInput(`The search "${input.query}" only says what to leave out. Add a word to look for. ${SYNTAX_HELP}`);
  }
  const texts = new Map<DocumentId, string>();
  const textOf = (id: DocumentId): string => {
    let text = texts.get(id);
    if (text === undefined) {
      text = ctx.repos.documents.text(id) ?? '';
      texts.set(id, text);
    }
    return text;
  };

  const spaceless = SPACELESS_SCRIPT.test(input.query);
  let rows: SegmentHitRow[];
  if (!spaceless) {
    const expression = wordExpression(parsed);
    rows = runFts(input.query, () => ctx.repos.search.matchWords(expression, limit));
  } else if (parsed.terms.every((t) => codePoints(t.raw) >= 3)) {
    const expression = trigramExpression(parsed);
    rows = runFts(input.query, () => ctx.repos.search.matchTrigrams(expression, limit));
  } else {
    return scan(ctx, parsed, limit);
  }

  const locate = spaceless ? findSubstringMatch : findWordMatch;
  return rows.map((row) => {
    const text = textOf(row.documentId);
    const span = locate(text.slice(row.start, row.end), positive) ?? fallbackSpan(text, row.start, row.end);
    const start = row.start + span.start;
    const end = row.start + span.end;
    return {
      documentId: row.documentId,
      documentTitle: row.documentTitle,
      start,
      end,
      snippet: makeSnippet(text, start, end),
    };
  });
}

/** When the index matched but the term cannot be placed (rare tokenizer differences): the segment's first word. */
function fallbackSpan(text: string, start: number, end: number): Span {
  const first = /\S+/.exec(text.slice(start, end));
  return first ? { start: first.index, end: first.index + first[0].length } : { start: 0, end: end - start };
}

/**
 * Short terms in spaceless scripts: the trigram index cannot hold them, so read the text.
 * Documents are pre-filtered by the literal needles, then each segment is tested in JS.
 */
function scan(ctx: ProjectContext, parsed: ParsedQuery, limit: number): SearchHit[] {
  const positive = parsed.terms.filter((t) => !t.negated);
  const negated = parsed.terms.filter((t) => t.negated);
  const anyOf = parsed.parts.some((p) => p.kind === 'op' && p.op === 'OR');
  const needles = anyOf ? [] : positive.filter((t) => SPACELESS_SCRIPT.test(t.raw)).map((t) => t.raw.trim());
  const hits: SearchHit[] = [];
  for (const doc of ctx.repos.search.scanDocuments(needles)) {
    for (const segment of ctx.repos.search.segmentsOf('document', doc.documentId)) {
      const segText = doc.text.slice(segment.start, segment.end);
      const has = (t: QueryTerm) => containsTerm(segText, t);
      const matches = (anyOf ? positive.some(has) : positive.every(has)) && !negated.some(has);
      if (!matches) continue;
      const span = findSubstringMatch(segText, positive);
      if (!span) continue;
      const start = segment.start + span.start;
      const end = segment.start + span.end;
      hits.push({
        documentId: doc.documentId,
        documentTitle: doc.documentTitle,
        start,
        end,
        snippet: makeSnippet(doc.text, start, end),
      });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}
