/**
 * Stores a REFI-QDA import plan (core/exchange/readArchive.ts) in one transaction: coders,
 * the code tree, attributes, participants, documents, excerpts with their codings, memos and
 * sets. Rows keep their producer's GUID (lower-cased) unless the project already has that
 * GUID, when they get a new one — combining two copies of the same work is what merge is
 * for. Codes whose name a sibling already has, participants with a known label and
 * attributes with a known name are reused, not duplicated.
 */
import { randomUUID } from 'node:crypto';
import type { GuidTable } from '../../db/repositories/exchange.js';
import type { MemoTarget } from '../../db/repositories/memos.js';
import type { AttributeRow } from '../../db/repositories/participants.js';
import type { CodeId, CoderId, DocumentId, ExcerptId, ParticipantId } from '../contract/types.js';
import type { RefiCode, RefiVariableType } from '../exchange/model.js';
import type { ExchangePlan, PlannedDocument } from '../exchange/readArchive.js';
import type { ProjectImporter } from '../importers/types.js';
import { keyBetween } from '../order/keys.js';
import { segmentText, withByteRanges } from '../text/segments.js';
import { normaliseValue } from './attributes.js';
import type { ProjectContext } from './context.js';
import { excerptSpan } from './excerpts.js';
import { CODE_PALETTE } from './palette.js';

const ATTRIBUTE_TYPES: Record<RefiVariableType, AttributeRow['type']> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

/** `#RGB` or `#RRGGBB` as Quarry stores colours (`#RRGGBB`, upper case), or null. */
export function refiColor(color: string | null): string | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return `#${hex.toUpperCase()}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a merge matched, added and could not reconcile (the counts of `quarry merge`). */
export interface MergeTally {
  documents: { matched: number; added: number };
  codes: { matched: number; added: number };
  participants: { matched: number; added: number };
  excerpts: { matched: number; added: number };
  codings: { added: number };
  memos: { added: number };
  conflicts: string[];
}

export const emptyTally = (): MergeTally => ({
  documents: { matched: 0, added: 0 },
  codes: { matched: 0, added: 0 },
  participants: { matched: 0, added: 0 },
  excerpts: { matched: 0, added: 0 },
  codings: { added: 0 },
  memos: { added: 0 },
  conflicts: [],
});

/**
 * The selections of a source whose text this project already has: the same excerpt (by GUID
 * on that document, else by span) or a new one, with each coding added once per coder.
 */
function mergeExcerpts(
  { repos }: ProjectContext,
  merge: MergeTally,
  documentId: DocumentId,
  planned: PlannedDocument,
  codes: ReadonlyMap<string, CodeId>,
  coderOf: (guid: string | null) => CoderId | null,
  target: (note: string, kind: MemoTarget, id: number | null) => void,
): void {
  const text = planned.document.text;
  for (const { selection, start, end } of planned.excerpts) {
    const author = coderOf(selection.userGuid);
    const byGuid = repos.exchange.idOf('excerpts', selection.guid) as ExcerptId | undefined;
    let excerptId =
      byGuid !== undefined && repos.exchange.excerptDocument(byGuid) === documentId
        ? byGuid
        : repos.excerpts.findSpan(documentId, start, end);
    if (excerptId !== undefined) merge.excerpts.matched++;
    else {
      merge.excerpts.added++;
      excerptId = repos.excerpts.insert(documentId, excerptSpan(text, start, end), author, {
        guid: byGuid === undefined ? selection.guid : randomUUID(),
        createdAt: selection.created ?? new Date().toISOString(),
      });
    }
    for (const coding of selection.codings) {
      const codeId =
        codes.get(coding.codeGuid) ?? (repos.exchange.idOf('codes', coding.codeGuid) as CodeId | undefined);
      if (codeId === undefined) continue;
      const guid = repos.exchange.idOf('codings', coding.guid) === undefined ? coding.guid : randomUUID();
      const added = repos.exchange.insertCoding(
        guid,
        excerptId,
        codeId,
        coderOf(coding.userGuid) ?? author,
        coding.created ?? selection.created ?? new Date().toISOString(),
      );
      if (added) merge.codings.added++;
    }
    for (const note of selection.noteRefs) target(note, 'excerpt', excerptId);
  }
}

export interface StoredExchange {
  documentIds: DocumentId[];
  warnings: string[];
}

/**
 * With a tally, the plan is merged instead of imported: the same things are not added twice.
 * Documents with the same text are the same document, and their excerpts the same excerpts
 * (by GUID, else by span); coders match by GUID then name; a coding, memo or attribute value
 * already there is kept as it is, and differences are listed as conflicts.
 */
export function storeExchange(
  ctx: ProjectContext,
  file: { name: string; bytes: Uint8Array; sha256: string },
  importer: ProjectImporter,
  plan: ExchangePlan,
  merge?: MergeTally,
): StoredExchange {
  const { repos } = ctx;
  const { project } = plan;
  const warnings = [...plan.warnings];
  let renamedGuids = 0;

  /** The producer's GUID, or a fresh one when this project already has a row with it. */
  const guidFor = (t: GuidTable, guid: string): string => {
    if (repos.exchange.idOf(t, guid) === undefined) return guid;
    renamedGuids++;
    return randomUUID();
  };
  /** Existing documents by their text, when merging. */
  const byText = new Map<string, DocumentId>();
  if (merge) for (const d of repos.exchange.documents()) if (!byText.has(d.text)) byText.set(d.text, d.id);

  return repos.tx(() => {
    // Coders: one per person, matched by GUID.
    const coders = new Map<string, CoderId>();
    for (const user of project.users) {
      let existing = repos.exchange.idOf('coders', user.guid) as CoderId | undefined;
      if (merge) existing ??= repos.coders.findByName(user.name.trim())?.id;
      coders.set(user.guid, existing ?? repos.exchange.insertCoder(user.guid, user.name.trim() || 'Unknown coder'));
    }
    const coderOf = (guid: string | null): CoderId | null => (guid ? (coders.get(guid) ?? null) : null);

    // Codes: the tree, reusing a sibling of the same name.
    const codes = new Map<string, CodeId>();
    let reusedCodes = 0;
    let colourIndex = 0;
    const addCode = (code: RefiCode, parentId: CodeId | null) => {
      const name = code.name.trim() || '(unnamed code)';
      let id = codes.get(code.guid) ?? (repos.exchange.idOf('codes', code.guid) as CodeId | undefined);
      if (id === undefined) {
        id = repos.codes.findSibling(parentId, name);
        if (id !== undefined) reusedCodes++;
      }
      if (merge && id !== undefined) {
        merge.codes.matched++;
        const ours = repos.codes.get(id);
        const theirs = refiColor(code.color);
        if (ours && ours.name !== name)
          merge.conflicts.push(`Code "${ours.name}" is named "${name}" there; kept "${ours.name}".`);
        if (ours && (code.description?.trim() ?? '') !== '' && code.description?.trim() !== ours.description.trim()) {
          merge.conflicts.push(`Code "${ours.name}" has another description there; kept this project's.`);
        }
        if (ours && theirs && theirs !== ours.color.toUpperCase()) {
          merge.conflicts.push(`Code "${ours.name}" has the colour ${theirs} there; kept ${ours.color}.`);
        }
      }
      if (id === undefined) {
        if (merge) merge.codes.added++;
        id = repos.codes.insert(
          {
            name,
            parentId,
            color: refiColor(code.color) ?? CODE_PALETTE[colourIndex++ % CODE_PALETTE.length] ?? '#4C9A2A',
            description: code.description?.trim() ?? '',
            createdBy: null,
          },
          keyBetween(repos.codes.lastKey(parentId), null),
        );
        repos.exchange.setGuid('codes', id, guidFor('codes', code.guid));
      }
      codes.set(code.guid, id);
      for (const child of code.children) addCode(child, id);
    };
    for (const code of project.codes) addCode(code, null);
    if (reusedCodes > 0 && !merge) {
      warnings.push(
        `${plural(reusedCodes, 'code')} already in the project by name ${reusedCodes === 1 ? 'was' : 'were'} reused, not duplicated.`,
      );
    }

    // Variables → typed attributes.
    const attributes = new Map<string, AttributeRow>();
    for (const variable of project.variables) {
      const name = variable.name.trim() || variable.guid;
      const byGuid = repos.exchange.idOf('attributes', variable.guid);
      let row = byGuid !== undefined ? repos.participants.attribute(byGuid) : repos.participants.attributeByName(name);
      if (!row) {
        const id = repos.participants.insertAttribute(name, ATTRIBUTE_TYPES[variable.type], []);
        repos.exchange.setGuid('attributes', id, guidFor('attributes', variable.guid));
        row = repos.participants.attribute(id);
      }
      if (row) attributes.set(variable.guid, row);
    }

    // Cases → participants, with their values and documents.
    const participants = new Map<string, ParticipantId>();
    const participantOfSource = new Map<string, ParticipantId>();
    let selectionRefs = 0;
    for (const kase of project.cases) {
      const label = kase.name.trim() || kase.guid;
      let id = repos.exchange.idOf('participants', kase.guid) as ParticipantId | undefined;
      id ??= repos.participants.findByLabel(label)?.id;
      if (merge) merge.participants[id === undefined ? 'added' : 'matched']++;
      const known = new Map(
        id === undefined ? [] : repos.participants.attributeValuesOf(id).map((v) => [v.name, v.value] as const),
      );
      if (id === undefined) {
        id = repos.participants.insert(label, null);
        repos.exchange.setGuid('participants', id, guidFor('participants', kase.guid));
      }
      participants.set(kase.guid, id);
      for (const value of kase.variableValues) {
        const attribute = attributes.get(value.variableGuid);
        if (!attribute) continue;
        const typed =
          attribute.type === 'date' && /^\d{4}-\d{2}-\d{2}T/.test(value.value) ? value.value.slice(0, 10) : value.value;
        const checked = normaliseValue({ name: attribute.name, type: attribute.type, choices: [] }, typed);
        const ours = known.get(attribute.name);
        if ('error' in checked) warnings.push(`Participant "${label}": ${checked.error} The value was left out.`);
        else if (merge && ours !== undefined && ours !== '') {
          if (checked.value !== '' && checked.value !== ours) {
            merge.conflicts.push(
              `Participant "${label}": ${attribute.name} is "${checked.value}" there and "${ours}" here; kept "${ours}".`,
            );
          }
        } else if (checked.value !== '') repos.participants.setValue(id, attribute.id, checked.value);
      }
      for (const source of kase.sourceRefs) if (!participantOfSource.has(source)) participantOfSource.set(source, id);
      selectionRefs += kase.selectionRefs.length;
    }
    if (selectionRefs > 0) {
      warnings.push(
        `${plural(selectionRefs, 'link')} from cases to single selections ${selectionRefs === 1 ? 'was' : 'were'} not kept: in Quarry a participant owns whole documents.`,
      );
    }

    // Documents and their excerpts.
    const documentIds: DocumentId[] = [];
    const documents = new Map<string, DocumentId>();
    const excerpts = new Map<string, ExcerptId>();
    const memoTargets = new Map<string, { kind: MemoTarget; id: number | null }[]>();
    const target = (note: string, kind: MemoTarget, id: number | null) => {
      const list = memoTargets.get(note) ?? [];
      list.push({ kind, id });
      memoTargets.set(note, list);
    };
    const memosToAdd: {
      title: string;
      body: string;
      kind: MemoTarget;
      id: number | null;
      author: CoderId | null;
      created: string | null;
    }[] = [];
    let unknownCodes = 0;
    let documentVariables = 0;
    const sourceId =
      plan.documents.length > 0
        ? repos.sources.insert({
            fileName: file.name.split(/[\\/]/).pop() ?? file.name,
            mediaType: importer.mediaType,
            sha256: file.sha256,
            bytes: file.bytes,
            importer: importer.format,
            importerVersion: importer.version,
          })
        : null;
    for (const planned of plan.documents) {
      const { source, document } = planned;
      const same = merge ? byText.get(document.text) : undefined;
      if (merge && same !== undefined) {
        merge.documents.matched++;
        documents.set(source.guid, same);
        mergeExcerpts(ctx, merge, same, planned, codes, coderOf, target);
        continue;
      }
      if (merge) merge.documents.added++;
      const documentId = repos.documents.insert({
        title: document.title,
        kind: document.kind ?? 'interview',
        format: importer.format,
        text: document.text,
        language: document.language ?? null,
        sourceId,
        participantId: participantOfSource.get(source.guid) ?? null,
        roundId: null,
      });
      repos.exchange.setGuid('documents', documentId, guidFor('documents', source.guid));
      repos.documents.insertTurns(
        documentId,
        document.turns.map((t) => ({
          ...t,
          participantId: t.speaker ? (repos.participants.findByLabel(t.speaker)?.id ?? null) : null,
        })),
      );
      repos.search.insertSegments(
        'document',
        documentId,
        withByteRanges(document.text, segmentText(document.text, document.breaks ?? [])),
      );
      documents.set(source.guid, documentId);
      documentIds.push(documentId);
      for (const note of source.noteRefs) target(note, 'document', documentId);
      if (source.description?.trim()) {
        memosToAdd.push({
          title: 'Description',
          body: source.description,
          kind: 'document',
          id: documentId,
          author: null,
          created: null,
        });
      }
      documentVariables += source.variableValues.length;

      for (const { selection, start, end } of planned.excerpts) {
        const author = coderOf(selection.userGuid);
        if (merge) merge.excerpts.added++;
        const excerptId = repos.excerpts.insert(documentId, excerptSpan(document.text, start, end), author, {
          guid: guidFor('excerpts', selection.guid),
          createdAt: selection.created ?? new Date().toISOString(),
        });
        excerpts.set(selection.guid, excerptId);
        for (const coding of selection.codings) {
          const codeId =
            codes.get(coding.codeGuid) ?? (repos.exchange.idOf('codes', coding.codeGuid) as CodeId | undefined);
          if (codeId === undefined) {
            unknownCodes++;
            continue;
          }
          const added = repos.exchange.insertCoding(
            guidFor('codings', coding.guid),
            excerptId,
            codeId,
            coderOf(coding.userGuid) ?? author,
            coding.created ?? selection.created ?? new Date().toISOString(),
          );
          if (merge && added) merge.codings.added++;
        }
        for (const note of selection.noteRefs) target(note, 'excerpt', excerptId);
        if (selection.description?.trim()) {
          memosToAdd.push({
            title: '',
            body: selection.description,
            kind: 'excerpt',
            id: excerptId,
            author,
            created: selection.created,
          });
        }
      }
    }
    if (unknownCodes > 0) {
      warnings.push(
        `${plural(unknownCodes, 'coding')} named a code that is not in the codebook and ${unknownCodes === 1 ? 'was' : 'were'} left out.`,
      );
    }
    if (documentVariables > 0) {
      warnings.push(
        `${plural(documentVariables, 'variable value')} on sources ${documentVariables === 1 ? 'was' : 'were'} not kept: Quarry's attributes belong to participants.`,
      );
    }

    // Notes → memos, on the first thing that refers to them (else on the project).
    const walkCodes = (list: readonly RefiCode[]) => {
      for (const code of list) {
        const id = codes.get(code.guid);
        if (id !== undefined) for (const note of code.noteRefs) target(note, 'code', id);
        walkCodes(code.children);
      }
    };
    walkCodes(project.codes);
    for (const note of project.projectNoteRefs) target(note, 'project', null);
    const noteGuids = new Set(project.notes.map((n) => n.guid));
    const anyTarget = (guid: string | null): { kind: MemoTarget; id: number } | null => {
      if (!guid) return null;
      const excerpt = excerpts.get(guid);
      if (excerpt !== undefined) return { kind: 'excerpt', id: excerpt };
      const document = documents.get(guid);
      if (document !== undefined) return { kind: 'document', id: document };
      const code = codes.get(guid);
      if (code !== undefined) return { kind: 'code', id: code };
      const participant = participants.get(guid);
      if (participant !== undefined) return { kind: 'participant', id: participant };
      return null;
    };
    for (const link of project.links) {
      if (link.originGuid && noteGuids.has(link.originGuid)) {
        const to = anyTarget(link.targetGuid);
        if (to) target(link.originGuid, to.kind, to.id);
      } else if (link.targetGuid && noteGuids.has(link.targetGuid)) {
        const from = anyTarget(link.originGuid);
        if (from) target(link.targetGuid, from.kind, from.id);
      }
    }
    let multiTarget = 0;
    for (const note of project.notes) {
      const targets = memoTargets.get(note.guid) ?? [];
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
        guid: guidFor('memos', note.guid),
        targetKind: on.kind,
        targetId: on.id,
        title: note.name.trim(),
        body,
        authorId: coderOf(note.userGuid),
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
    for (const kase of project.cases) {
      const id = participants.get(kase.guid);
      if (id !== undefined && kase.description?.trim()) {
        memosToAdd.push({
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
      memosToAdd.push({
        title: project.name || 'Description',
        body: project.description,
        kind: 'project',
        id: null,
        author: null,
        created: null,
      });
    }
    for (const memo of memosToAdd) {
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

    // Sets: one Quarry set per kind of member (a REFI set may mix codes and sources).
    let noteMembers = 0;
    let missingMembers = 0;
    for (const set of project.sets) {
      const name = set.name.trim() || set.guid;
      const codeIds = set.codes.map((g) => codes.get(g)).filter((id): id is CodeId => id !== undefined);
      const documentIdsInSet = set.sources
        .map((g) => documents.get(g))
        .filter((id): id is DocumentId => id !== undefined);
      missingMembers += set.codes.length - codeIds.length + set.sources.length - documentIdsInSet.length;
      noteMembers += set.notes.length;
      const parts: ['codes' | 'documents', number[]][] = [];
      if (set.codes.length > 0 || (set.sources.length === 0 && project.kind === 'codebook'))
        parts.push(['codes', codeIds]);
      if (set.sources.length > 0 || (set.codes.length === 0 && project.kind === 'project'))
        parts.push(['documents', documentIdsInSet]);
      parts.forEach(([kind, members], i) => {
        const setId =
          repos.exchange.findSet(kind, name) ??
          repos.exchange.insertSet(
            i === 0 ? guidFor('sets', set.guid) : randomUUID(),
            name,
            kind,
            set.description ?? '',
          );
        for (const member of members) repos.exchange.addSetMember(setId, member);
      });
    }
    if (missingMembers > 0) {
      warnings.push(
        `${plural(missingMembers, 'set member')} not imported (sources Quarry cannot hold) ${missingMembers === 1 ? 'was' : 'were'} left out of their sets.`,
      );
    }
    if (noteMembers > 0)
      warnings.push(
        `${plural(noteMembers, 'note')} in sets ${noteMembers === 1 ? 'was' : 'were'} not kept as set members.`,
      );
    if (renamedGuids > 0 && !merge) {
      warnings.push(
        `${plural(renamedGuids, 'item')} whose GUID this project already has got a new GUID (use merge to combine copies of the same work).`,
      );
    }
    return { documentIds, warnings };
  });
}
