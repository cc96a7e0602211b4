/**
 * Who people are, for redaction: participants' labels, real names and pseudonyms, speakers of
 * transcripts (linked to a participant or not), and which attributes identify someone.
 *
 * Identifying attributes are kept as attribute ids in the project's settings
 * (project_meta.settings.identifyingAttributes), so marking one needs no schema change.
 */
import { effectivePseudonyms } from '../export/pseudonyms.js';
import type { RedactionName } from '../export/redact.js';
import type { ProjectContext } from './context.js';

const IDENTIFYING = 'identifyingAttributes';

/** Speaker labels that name a role, not a person: they stay as they are. */
const ROLE =
  /^(interviewer(in)?|moderator(in)?|facilitator|researcher|host|note ?taker|observer|speaker ?\d*|q|a|i|r|interviewee|participant|respondent|befrager(in)?|インタビュアー|司会|調査者|主持人|采访者|访谈者|访问者|研究员|المحاور|المقابل|מראיין|מראיינת)$/iu;

/** Ids of the attributes marked identifying (ids, so a renamed attribute stays marked). */
export function identifyingAttributeIds(ctx: ProjectContext): number[] {
  const value = ctx.repos.meta.settings()[IDENTIFYING];
  return Array.isArray(value) ? value.filter((v): v is number => Number.isInteger(v)) : [];
}

/** Names of the attributes marked identifying. */
export function identifyingAttributes(ctx: ProjectContext): string[] {
  const ids = new Set(identifyingAttributeIds(ctx));
  return ctx.repos.participants
    .attributes()
    .filter((a) => ids.has(a.id))
    .map((a) => a.name);
}

export function setAttributeIdentifying(ctx: ProjectContext, attributeId: number, identifying: boolean): void {
  const ids = new Set(identifyingAttributeIds(ctx));
  if (identifying) ids.add(attributeId);
  else ids.delete(attributeId);
  ctx.repos.meta.setSetting(
    IDENTIFYING,
    [...ids].sort((a, b) => a - b),
  );
}

/** Every name a redacted report must not contain, with what replaces it. */
export function redactionNames(
  ctx: ProjectContext,
  pseudonyms: ReadonlyMap<number, string> = effectivePseudonyms(ctx.repos.participants.list()),
): RedactionName[] {
  const { repos } = ctx;
  const people = repos.participants.list();
  const names: RedactionName[] = [];
  const byName = new Map<string, string>();
  for (const p of people) {
    const replacement = pseudonyms.get(p.id) ?? p.label;
    for (const name of [p.label, p.displayName]) {
      if (!name?.trim()) continue;
      names.push({ name, replacement, kind: 'participantNames' });
      byName.set(name.trim().toLowerCase(), replacement);
    }
  }

  // Speakers: a linked speaker is that participant; an unlinked one that carries a participant's
  // name is that participant too; anyone else becomes "Speaker n" (roles such as "Interviewer" stay).
  const speakers = repos.documents.speakers();
  const replacementOf = new Map<string, string>();
  let n = 0;
  for (const s of [...speakers].sort((a, b) => a.speaker.localeCompare(b.speaker))) {
    const speaker = s.speaker.trim();
    if (!speaker || ROLE.test(speaker)) continue;
    const key = speaker.toLowerCase();
    const linked = s.participantId !== null ? pseudonyms.get(s.participantId) : undefined;
    let replacement = linked ?? replacementOf.get(key) ?? byName.get(key) ?? matchPart(speaker, people, pseudonyms);
    if (replacement === undefined) {
      n += 1;
      replacement = `Speaker ${n}`;
    }
    replacementOf.set(key, replacement);
    names.push({ name: speaker, replacement, kind: 'speakerNames' });
  }

  const identifying = new Set(identifyingAttributes(ctx).map((a) => a.toLowerCase()));
  if (identifying.size > 0) {
    for (const v of repos.participants.attributeValues()) {
      if (!identifying.has(v.name.toLowerCase()) || [...v.value.trim()].length < 2) continue;
      names.push({ name: v.value, replacement: `[${v.name}]`, kind: 'identifyingAttributes' });
    }
  }
  return names;
}

/** The pseudonym of the participant whose real name contains this speaker's name as a part ("Yuki" in "由紀 (Yuki)"). */
function matchPart(
  speaker: string,
  people: readonly { id: number; displayName: string | null }[],
  pseudonyms: ReadonlyMap<number, string>,
): string | undefined {
  const lower = speaker.toLowerCase();
  for (const p of people) {
    const parts = (p.displayName ?? '').split(/[\s()（）・·]+/u).map((x) => x.toLowerCase());
    if (parts.includes(lower)) return pseudonyms.get(p.id);
  }
  return undefined;
}
