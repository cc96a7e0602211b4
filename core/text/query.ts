/**
 * Reads what a researcher types into the search box and turns it into a safe FTS5
 * expression plus the terms to highlight. Supported: words, "phrases", prefixes (pri*),
 * AND / OR / NOT (upper case, as in FTS5) and parentheses. Anything else in a word (an
 * apostrophe, a hyphen, a colon) splits it into a phrase, so `don't` and `e-mail` just work.
 */
import { charTokens, hasSpacelessScript, segmentWords } from './cjk.js';
import { queryWords } from './fold.js';

export class QuerySyntaxError extends Error {}

export interface QueryTerm {
  /** The term as typed (phrase content without quotes, prefix star removed). */
  raw: string;
  /** The term's words folded as the word index holds them (core/text/fold.ts). */
  words: string[];
  prefix: boolean;
  /** Whether the term sits under a NOT (never highlighted). */
  negated: boolean;
}

export type QueryPart =
  | { kind: 'term'; term: QueryTerm }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'paren'; open: boolean };

export interface ParsedQuery {
  parts: QueryPart[];
  terms: QueryTerm[];
}

const OPERATORS = new Set(['AND', 'OR', 'NOT']);

export function parseQuery(input: string): ParsedQuery {
  const parts: QueryPart[] = [];
  const text = input.normalize('NFC');
  let i = 0;
  let depth = 0;
  // Paren depth at which a NOT started, so everything it governs is marked negated.
  let notUntilDepth: number | null = null;
  let negateNext = false;

  const pushTerm = (raw: string, prefix: boolean) => {
    const words = queryWords(raw);
    if (words.length === 0) return;
    const negated = negateNext || notUntilDepth !== null;
    negateNext = false;
    parts.push({ kind: 'term', term: { raw, words, prefix, negated } });
  };

  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      const close = text.indexOf('"', i + 1);
      if (close === -1) throw new QuerySyntaxError('A quote is not closed. Put the phrase between two " marks.');
      const prefix = text[close + 1] === '*';
      pushTerm(text.slice(i + 1, close), prefix);
      i = close + (prefix ? 2 : 1);
    } else if (ch === '(') {
      depth++;
      if (negateNext) {
        notUntilDepth = depth;
        negateNext = false;
      }
      parts.push({ kind: 'paren', open: true });
      i++;
    } else if (ch === ')') {
      if (depth === 0) throw new QuerySyntaxError('There is a ")" without a matching "(".');
      if (notUntilDepth === depth) notUntilDepth = null;
      depth--;
      parts.push({ kind: 'paren', open: false });
      i++;
    } else {
      let j = i;
      while (j < text.length && !/[\s"()]/.test(text[j] as string)) j++;
      const word = text.slice(i, j);
      i = j;
      if (OPERATORS.has(word)) {
        parts.push({ kind: 'op', op: word as 'AND' | 'OR' | 'NOT' });
        if (word === 'NOT') negateNext = true;
      } else {
        const prefix = word.endsWith('*');
        pushTerm(prefix ? word.replace(/\*+$/, '') : word, prefix);
      }
    }
  }
  if (depth > 0) throw new QuerySyntaxError('A "(" is not closed.');
  const terms = parts.flatMap((p) => (p.kind === 'term' ? [p.term] : []));
  if (terms.length === 0) {
    throw new QuerySyntaxError(
      `There is no word to look for in "${input.trim()}": search needs at least one word with a letter or digit (emoji and punctuation alone are not searchable).`,
    );
  }
  return { parts, terms };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The FTS5 expression for the word (unicode61) index. */
export function wordExpression(query: ParsedQuery): string {
  return query.parts
    .map((p) => {
      if (p.kind === 'op') return p.op;
      if (p.kind === 'paren') return p.open ? '(' : ')';
      return `${quote(p.term.words.join(' '))}${p.term.prefix ? '*' : ''}`;
    })
    .join(' ');
}

/** The FTS5 expression for the trigram index: each term is a substring to find. */
export function trigramExpression(query: ParsedQuery): string {
  return query.parts
    .map((p) => {
      if (p.kind === 'op') return p.op;
      if (p.kind === 'paren') return p.open ? '(' : ')';
      return quote(p.term.raw.trim());
    })
    .join(' ');
}

/**
 * The FTS5 expression for the segmented index (search_cjk): each term is a phrase of single
 * characters in the `chars` column (an exact substring, whatever the segmenter did), or the
 * term's segmented words in the `words` column.
 */
export function cjkExpression(query: ParsedQuery): string {
  return query.parts
    .map((p) => {
      if (p.kind === 'op') return p.op;
      if (p.kind === 'paren') return p.open ? '(' : ')';
      const raw = p.term.raw.trim();
      const chars = `chars : ${quote(charTokens(raw))}`;
      if (!hasSpacelessScript(raw)) return chars;
      return `(${chars} OR words : ${quote(segmentWords(raw).join(' '))})`;
    })
    .join(' ');
}
