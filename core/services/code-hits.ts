/**
 * "Code all hits": turns reviewed search hits into coded excerpts of the extent the researcher
 * chose (the match, its sentence or its turn). The plan is the same for the preview and the
 * write, so the counts the button shows are what gets done: hits sharing an extent give one
 * excerpt, and an extent an excerpt with the code already covers is skipped, never stacked.
 */
import type { CodeAllPreview, CodeAllResult, CodeExtent, CodeId, DocumentId, ExcerptId } from '../contract/types.js';
import { badInput } from '../errors.js';
import { extentOf, type Range, sentenceLocale } from '../text/extent.js';
import { requireCodes } from './codes.js';
import type { ProjectContext } from './context.js';
import { excerptAt } from './excerpts.js';
import { type LocatedHit, locateHits, type SearchFilters } from './search.js';

export interface CodeAllInput {
  query: string;
  /** Absent only for a preview before the code exists: then nothing is already coded. */
  codeId?: CodeId | undefined;
  filters?: SearchFilters | undefined;
  hits?: { documentId: DocumentId; start: number; end: number }[] | undefined;
  extent?: CodeExtent | undefined;
}

interface Plan {
  hits: number;
  create: { documentId: DocumentId; start: number; end: number }[];
  alreadyCoded: number;
}

const key = (h: { documentId: number; start: number; end: number }) => `${h.documentId}:${h.start}:${h.end}`;

/** The hits to code: the reviewed ones, re-checked against the query so a stale review codes nothing. */
function chosenHits(ctx: ProjectContext, input: CodeAllInput): LocatedHit[] {
  const found = locateHits(ctx, { query: input.query, limit: 10_000, filters: input.filters, every: true });
  if (input.hits === undefined) return found;
  const byKey = new Map(found.map((h) => [key(h.hit), h]));
  const stale = input.hits.filter((h) => !byKey.has(key(h)));
  if (stale.length > 0) {
    throw badInput(
      `${stale.length} of the reviewed hits are no longer results of "${input.query}" (e.g. document ${stale[0]?.documentId} at ${stale[0]?.start}–${stale[0]?.end}). Search again and review the hits.`,
    );
  }
  return [...new Map(input.hits.map((h) => [key(h), byKey.get(key(h)) as LocatedHit])).values()];
}

/** The turn holding the hit, else the search segment it was found in (a paragraph). */
function containerOf(turns: readonly Range[], located: LocatedHit): Range {
  const { hit, segment } = located;
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const turn = turns[mid] as Range;
    if (turn.end <= hit.start) lo = mid + 1;
    else if (turn.start > hit.start) hi = mid - 1;
    else return hit.end <= turn.end ? turn : segment;
  }
  return segment;
}

function plan(ctx: ProjectContext, input: CodeAllInput): Plan {
  if (input.codeId !== undefined) requireCodes(ctx, [input.codeId]);
  const extent = input.extent ?? 'match';
  const hits = chosenHits(ctx, input);
  const byDoc = new Map<DocumentId, LocatedHit[]>();
  for (const h of hits) byDoc.set(h.hit.documentId, [...(byDoc.get(h.hit.documentId) ?? []), h]);
  const out: Plan = { hits: hits.length, create: [], alreadyCoded: 0 };
  for (const [documentId, docHits] of byDoc) {
    let ranges: Range[];
    if (extent === 'match') {
      ranges = docHits.map((h) => ({ start: h.hit.start, end: h.hit.end }));
    } else {
      const doc = ctx.repos.documents.get(documentId);
      const text = doc?.text ?? '';
      const turns = ctx.repos.documents.turns(documentId);
      const locale = sentenceLocale(doc?.language ?? null, text.slice(0, 2000));
      ranges = docHits.map((h) => extentOf(text, extent, h.hit, containerOf(turns, h), locale));
    }
    // Widest first at each start, so an extent inside another one is dropped, not coded twice.
    ranges.sort((a, b) => a.start - b.start || b.end - a.end);
    const coded = input.codeId === undefined ? [] : ctx.repos.search.codedRanges(documentId, input.codeId);
    const kept: Range[] = [];
    for (const r of ranges) {
      if (kept.some((k) => k.start <= r.start && k.end >= r.end)) continue;
      kept.push(r);
      if (coded.some((c) => c.start <= r.start && c.end >= r.end)) out.alreadyCoded++;
      else out.create.push({ documentId, start: r.start, end: r.end });
    }
  }
  return out;
}

export function previewCodeAll(ctx: ProjectContext, input: CodeAllInput): CodeAllPreview {
  const p = plan(ctx, input);
  return { hits: p.hits, excerpts: p.create.length, alreadyCoded: p.alreadyCoded };
}

/** Codes the planned extents in one transaction (one undo step); an exact-span excerpt is reused. */
export function codeAllHits(ctx: ProjectContext, input: CodeAllInput & { codeId: CodeId }): CodeAllResult {
  const p = plan(ctx, input);
  const { repos } = ctx;
  return repos.tx(() => {
    let coded = 0;
    const excerptIds: ExcerptId[] = [];
    const texts = new Map<DocumentId, string>();
    for (const r of p.create) {
      const id = excerptAt(ctx, r.documentId, r.start, r.end, texts);
      if (repos.excerpts.addCoding(id, input.codeId, ctx.coderId)) coded++;
      excerptIds.push(id);
    }
    return { coded, alreadyCoded: p.alreadyCoded, excerptIds };
  });
}
