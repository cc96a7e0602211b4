/**
 * The last stages of a REFI-QDA import: notes and descriptions become memos (a note on the first
 * thing that refers to it, else on the project), and sets become Quarry sets.
 */
import { randomUUID } from 'node:crypto';
import type { MemoTarget } from '../../../db/repositories/memos.js';
import type { CodeId, DocumentId } from '../../contract/types.js';
import type { RefiCode } from '../../exchange/model.js';
import { segmentText, withByteRanges } from '../../text/segments.js';
import { type Landing, plural, were } from './landing.js';

/** What a GUID names among the things this import landed, for a link to or from a note. */
function landedThing(landing: Landing, guid: string | null): { kind: MemoTarget; id: number } | null {
  if (!guid) return null;
  const excerpt = landing.excerpts.get(guid);
  if (excerpt !== undefined) return { kind: 'excerpt', id: excerpt };
  const document = landing.documents.get(guid);
  if (document !== undefined) return { kind: 'document', id: document };
  const code = landing.codes.get(guid);
  if (code !== undefined) return { kind: 'code', id: code };
  const participant = landing.participants.get(guid);
  if (participant !== undefined) return { kind: 'participant', id: participant };
  return null;
}

/** Every note as a memo on the first thing that refers to it (codes, the project, then links). */
export function landNotes(landing: Landing): void {
  const { ctx, plan, merge, warnings } = landing;
  const { repos } = ctx;
  const { project } = plan;
  const walkCodes = (list: readonly RefiCode[]) => {
    for (const code of list) {
      const id = landing.codes.get(code.guid);
      if (id !== undefined) for (const note of code.noteRefs) landing.target(note, 'code', id);
      walkCodes(code.children);
    }
  };
  walkCodes(project.codes);
  for (const note of project.projectNoteRefs) landing.target(note, 'project', null);
  const noteGuids = new Set(project.notes.map((n) => n.guid));
  for (const link of project.links) {
    if (link.originGuid && noteGuids.has(link.originGuid)) {
      const to = landedThing(landing, link.targetGuid);
      if (to) landing.target(link.originGuid, to.kind, to.id);
    } else if (link.targetGuid && noteGuids.has(link.targetGuid)) {
      const from = landedThing(landing, link.originGuid);
      if (from) landing.target(link.targetGuid, from.kind, from.id);
    }
  }
  let multiTarget = 0;
  for (const note of project.notes) {
    const targets = landing.memoTargets.get(note.guid) ?? [];
    if (targets.length > 1) multiTarget++;
    const on = targets[0] ?? { kind: 'project' as const, id: null };
    const body = [plan.noteTexts.get(note.guid) ?? '', note.description ?? '']
      .filter((s) => s.trim() !== '')
      .join('\n\n');
    if (merge) {
      if (repos.exchange.idOf('memos', note.guid) !== undefined || repos.exchange.hasMemo(on.kind, on.id, body))
        continue;
      merge.memos.added++;
    }
    const id = repos.exchange.insertMemo({
      guid: landing.guidFor('memos', note.guid),
      targetKind: on.kind,
      targetId: on.id,
      title: note.name.trim(),
      body,
      authorId: landing.coderOf(note.userGuid),
      createdAt: note.created ?? new Date().toISOString(),
      updatedAt: note.modified ?? note.created ?? new Date().toISOString(),
    });
    repos.search.insertSegments('memo', id, withByteRanges(body, segmentText(body)));
  }
  if (multiTarget > 0) {
    warnings.push(
      `${plural(multiTarget, 'note')} linked to several items ${multiTarget === 1 ? 'is' : 'are'} kept once, as a memo on the first.`,
    );
  }
}

/** Descriptions (of sources, selections, cases and the project) as memos; a merge skips those already there. */
export function landDescriptions(landing: Landing): void {
  const { ctx, plan, merge } = landing;
  const { repos } = ctx;
  const { project } = plan;
  for (const kase of project.cases) {
    const id = landing.participants.get(kase.guid);
    if (id !== undefined && kase.description?.trim()) {
      landing.pendingMemos.push({
        title: 'Description',
        body: kase.description,
        kind: 'participant',
        id,
        author: null,
        created: null,
      });
    }
  }
  if (project.description?.trim()) {
    landing.pendingMemos.push({
      title: project.name || 'Description',
      body: project.description,
      kind: 'project',
      id: null,
      author: null,
      created: null,
    });
  }
  for (const memo of landing.pendingMemos) {
    if (merge) {
      if (repos.exchange.hasMemo(memo.kind, memo.id, memo.body)) continue;
      merge.memos.added++;
    }
    const now = memo.created ?? new Date().toISOString();
    const id = repos.exchange.insertMemo({
      guid: randomUUID(),
      targetKind: memo.kind,
      targetId: memo.id,
      title: memo.title,
      body: memo.body,
      authorId: memo.author,
      createdAt: now,
      updatedAt: now,
    });
    repos.search.insertSegments('memo', id, withByteRanges(memo.body, segmentText(memo.body)));
  }
}

/** Sets: one Quarry set per kind of member (a REFI set may mix codes and sources). */
export function landSets(landing: Landing): void {
  const { ctx, plan, warnings } = landing;
  const { repos } = ctx;
  const { project } = plan;
  let noteMembers = 0;
  let missingMembers = 0;
  for (const set of project.sets) {
    const name = set.name.trim() || set.guid;
    const codeIds = set.codes.map((g) => landing.codes.get(g)).filter((id): id is CodeId => id !== undefined);
    const documentIds = set.sources
      .map((g) => landing.documents.get(g))
      .filter((id): id is DocumentId => id !== undefined);
    missingMembers += set.codes.length - codeIds.length + set.sources.length - documentIds.length;
    noteMembers += set.notes.length;
    const parts: ['codes' | 'documents', number[]][] = [];
    if (set.codes.length > 0 || (set.sources.length === 0 && project.kind === 'codebook'))
      parts.push(['codes', codeIds]);
    if (set.sources.length > 0 || (set.codes.length === 0 && project.kind === 'project'))
      parts.push(['documents', documentIds]);
    parts.forEach(([kind, members], i) => {
      const setId =
        repos.exchange.findSet(kind, name) ??
        repos.exchange.insertSet(
          i === 0 ? landing.guidFor('sets', set.guid) : randomUUID(),
          name,
          kind,
          set.description ?? '',
        );
      for (const member of members) repos.exchange.addSetMember(setId, member);
    });
  }
  if (missingMembers > 0) {
    warnings.push(
      `${plural(missingMembers, 'set member')} not imported (sources Quarry cannot hold) ${were(missingMembers)} left out of their sets.`,
    );
  }
  if (noteMembers > 0) {
    warnings.push(`${plural(noteMembers, 'note')} in sets ${were(noteMembers)} not kept as set members.`);
  }
}
