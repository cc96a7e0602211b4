/**
 * Redaction for reports shared outside the team: participant labels and display names are
 * replaced with pseudonyms (or "Participant 1…n") everywhere, including inside quotes.
 */
import type { ReportModel, ReportQuote } from './model.js';

export interface PersonNames {
  label: string;
  displayName: string | null;
  pseudonym: string | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Rule {
  pattern: RegExp;
  replacement: string;
}

/** Replacement rules, longest names first so "Anna Schmidt" wins over "Anna". */
export function redactionRules(people: readonly PersonNames[]): Rule[] {
  const rules: { name: string; flags: string; replacement: string }[] = [];
  people.forEach((p, i) => {
    const replacement = p.pseudonym?.trim() || `Participant ${i + 1}`;
    rules.push({ name: p.label, flags: 'giu', replacement });
    if (p.displayName?.trim()) {
      const full = p.displayName.trim();
      rules.push({ name: full, flags: 'giu', replacement });
      // Parts of a full name (first name, surname) appear alone in quotes; match them only
      // capitalised so a surname like "Price" does not redact the word "price".
      for (const part of full.split(/\s+/)) {
        if (part !== full && [...part].length >= 3) rules.push({ name: part, flags: 'gu', replacement });
      }
    }
  });
  return rules
    .filter((r) => r.name.trim().length > 0 && r.name !== r.replacement)
    .sort((a, b) => b.name.length - a.name.length)
    .map((r) => ({
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(r.name)}(?![\\p{L}\\p{N}])`, r.flags),
      replacement: r.replacement,
    }));
}

export function redactText(text: string, rules: readonly Rule[]): string {
  // One pass per rule over text where earlier replacements are protected by placeholders,
  // so a pseudonym is never itself rewritten by a later, shorter rule.
  const placed: string[] = [];
  let out = text;
  for (const rule of rules) {
    out = out.replace(rule.pattern, () => {
      placed.push(rule.replacement);
      return `\uE000${placed.length - 1}\uE001`;
    });
  }
  return out.replace(/\uE000(\d+)\uE001/g, (_, n: string) => placed[Number(n)] ?? '');
}

export function redactReport(model: ReportModel, people: readonly PersonNames[]): ReportModel {
  const rules = redactionRules(people);
  const r = (s: string) => redactText(s, rules);
  const quote = (q: ReportQuote): ReportQuote => ({
    ...q,
    text: r(q.text),
    documentTitle: r(q.documentTitle),
    participant: q.participant === null ? null : r(q.participant),
    memo: q.memo === null ? null : r(q.memo),
  });
  return {
    ...model,
    redacted: true,
    byCode: model.byCode.map((c) => ({ ...c, quotes: c.quotes.map(quote) })),
    boards: model.boards.map((b) => ({
      name: r(b.name),
      groups: b.groups.map((g) => ({ name: r(g.name), quotes: g.quotes.map(quote), notes: g.notes.map(r) })),
      ungrouped: { quotes: b.ungrouped.quotes.map(quote), notes: b.ungrouped.notes.map(r) },
    })),
    insights: model.insights.map((i) => ({
      ...i,
      title: r(i.title),
      statement: r(i.statement),
      evidence: i.evidence.map(quote),
    })),
  };
}
