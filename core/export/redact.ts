/**
 * Redaction for reports shared outside the team. Every string of the report model — quotes,
 * titles, document titles, memos, notes, attribute values, the report title (and so the file
 * name) — goes through the same rules, so a field added to the model later is redacted too:
 *
 * - every known name (participant labels and real names, speakers and their parts) becomes the
 *   participant's pseudonym ("Speaker 2" for a speaker linked to nobody);
 * - names are also matched by their parts ("Yuki" and "由紀" in "由紀 (Yuki)": split on brackets,
 *   spaces, middle dots): CJK names without word boundaries (CJK has none), Latin parts only when
 *   capitalised, so the surname "Price" leaves the word "price" alone;
 * - values of identifying attributes become "[attribute]";
 * - e-mail addresses and phone numbers are masked.
 *
 * The model records how many of each kind were replaced, never what.
 */
import type { RedactionKind, ReportModel } from './model.js';

export interface RedactionName {
  /** A name as written: a label, a real name, a speaker. Its parts are matched too. */
  name: string;
  replacement: string;
  kind: RedactionKind;
}

interface Rule {
  pattern: RegExp;
  replacement: string;
  kind: RedactionKind;
  length: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Scripts written without spaces between words: a name there is matched anywhere. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const WORD_CHAR =
  '[[\\p{L}\\p{N}\\p{M}]--[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Thai}]]';
const LATIN_LETTER = /\p{Script=Latin}/u;
/** Brackets (ASCII and full-width), spaces, middle dots and similar separators inside a name. */
const NAME_SEPARATORS = /[\s()[\]{}<>（）［］【】「」『』〈〉《》・·•‧･,，、/|"“”'‘’]+/u;

/** The parts a name is also known by: "由紀 (Yuki)" → 由紀, Yuki; "Anna-Lena Schmidt" → Anna-Lena, Schmidt. */
export function nameParts(name: string): string[] {
  const parts = name
    .normalize('NFC')
    .split(NAME_SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.filter((part) => {
    if (part === name.trim()) return false;
    if (UNSPACED.test(part)) return [...part].length >= 2;
    // Latin (and other cased) parts only when capitalised: "van" or "de" alone are words.
    if (LATIN_LETTER.test(part)) return [...part].length >= 2 && /^\p{Lu}/u.test(part);
    return [...part].length >= 2;
  });
}

function ruleFor(text: string, replacement: string, kind: RedactionKind, caseSensitive: boolean): Rule | null {
  const t = text.normalize('NFC').trim();
  if (!t || t === replacement) return null;
  const body = escapeRegExp(t).replace(/\s+/g, '\\s+');
  // A word boundary is any character that is not a letter of a spaced script: "Yuki" in "とYukiと" is a word.
  const bounded = UNSPACED.test(t) ? body : `(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`;
  return {
    pattern: new RegExp(bounded, caseSensitive ? 'gv' : 'giv'),
    replacement,
    kind,
    length: t.length,
  };
}

/** Rules for every name and its parts, longest first so "Anna Schmidt" wins over "Anna". */
export function redactionRules(names: readonly RedactionName[]): Rule[] {
  const rules: Rule[] = [];
  const seen = new Set<string>();
  const add = (rule: Rule | null, key: string) => {
    if (!rule || seen.has(key)) return;
    seen.add(key);
    rules.push(rule);
  };
  for (const n of names) {
    const full = n.name.normalize('NFC').trim();
    if (!full) continue;
    add(ruleFor(full, n.replacement, n.kind, false), `full:${full.toLowerCase()}`);
    for (const part of nameParts(full)) {
      // Parts are matched as written (case-sensitive): a capitalised name, not the ordinary word.
      add(ruleFor(part, n.replacement, n.kind, LATIN_LETTER.test(part)), `part:${part}`);
    }
  }
  return rules.sort((a, b) => b.length - a.length);
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** A run of digits with the usual separators; a phone when it has enough digits (see isPhone). */
const PHONE = /(?<![\p{L}\p{N}])(?:\+|00)?\(?\d[\d\s().\-/]{5,}\d(?![\p{L}\p{N}])/gu;
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{4}$/;

function isPhone(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  if (DATE_LIKE.test(match.trim())) return false;
  // International numbers (+49…) from 7 digits, others from 9: shorter runs are prices, years, ids.
  return match.trim().startsWith('+') ? digits >= 7 && digits <= 15 : digits >= 9 && digits <= 15;
}

export interface Redactor {
  text(s: string): string;
  counts(): Map<RedactionKind, number>;
}

export function createRedactor(names: readonly RedactionName[]): Redactor {
  const rules = redactionRules(names);
  const counts = new Map<RedactionKind, number>();
  const count = (kind: RedactionKind) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return {
    counts: () => counts,
    text(input: string): string {
      // Replacements go in as placeholders first, so a pseudonym is never itself rewritten by a
      // later, shorter rule (and "P01" is not taken for a phone number).
      const placed: string[] = [];
      const place = (replacement: string) => {
        placed.push(replacement);
        return `\uE000${placed.length - 1}\uE001`;
      };
      let out = input.normalize('NFC');
      out = out.replace(EMAIL, () => {
        count('emails');
        return place('[e-mail]');
      });
      for (const rule of rules) {
        out = out.replace(rule.pattern, () => {
          count(rule.kind);
          return place(rule.replacement);
        });
      }
      out = out.replace(PHONE, (m) => {
        if (!isPhone(m)) return m;
        count('phones');
        return place('[phone]');
      });
      return out.replace(/\uE000(\d+)\uE001/g, (_, n: string) => placed[Number(n)] ?? '');
    },
  };
}

/** Keys whose strings are not project text: codes, colours, dates, the translated phrases. */
const SKIP_KEYS = new Set(['language', 'dir', 'color', 'date', 'strings', 'redaction']);

function walk(value: unknown, r: (s: string) => string): unknown {
  if (typeof value === 'string') return r(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, r));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SKIP_KEYS.has(k) ? v : walk(v, r);
    return out;
  }
  return value;
}

const KIND_ORDER: readonly RedactionKind[] = [
  'participantNames',
  'speakerNames',
  'identifyingAttributes',
  'emails',
  'phones',
];

export function redactReport(model: ReportModel, names: readonly RedactionName[]): ReportModel {
  const redactor = createRedactor(names);
  const out = walk(model, (s) => redactor.text(s)) as ReportModel;
  const counts = redactor.counts();
  return {
    ...out,
    strings: model.strings,
    redaction: { kinds: KIND_ORDER.map((kind) => ({ kind, count: counts.get(kind) ?? 0 })) },
  };
}
