/**
 * What one REFI-QDA import has written so far, shared by its stages: the producer's GUIDs mapped
 * to this project's ids, the memos still to place, and the warnings for the user.
 */
import { randomUUID } from 'node:crypto';
import type { GuidTable } from '../../../db/repositories/exchange.js';
import type { MemoTarget } from '../../../db/repositories/memos.js';
import type { AttributeRow } from '../../../db/repositories/participants.js';
import type { CodeId, CoderId, DocumentId, ExcerptId, ParticipantId } from '../../contract/types.js';
import type { ExchangePlan } from '../../exchange/readArchive.js';
import type { ProjectContext } from '../context.js';
import type { MergeTally } from './tally.js';

/** A memo made from a description (of a source, selection, case or the project), placed after the notes. */
export interface PendingMemo {
  title: string;
  body: string;
  kind: MemoTarget;
  id: number | null;
  author: CoderId | null;
  created: string | null;
}

export interface Landing {
  readonly ctx: ProjectContext;
  readonly plan: ExchangePlan;
  /** Present when merging: the same things are matched, not added twice. */
  readonly merge: MergeTally | undefined;
  readonly warnings: string[];
  readonly coders: Map<string, CoderId>;
  readonly codes: Map<string, CodeId>;
  readonly attributes: Map<string, AttributeRow>;
  readonly participants: Map<string, ParticipantId>;
  /** The participant a source belongs to (the first case that lists it). */
  readonly participantOfSource: Map<string, ParticipantId>;
  readonly documents: Map<string, DocumentId>;
  readonly excerpts: Map<string, ExcerptId>;
  /** For each note GUID, the things that refer to it, in the order met. */
  readonly memoTargets: Map<string, { kind: MemoTarget; id: number | null }[]>;
  readonly pendingMemos: PendingMemo[];
  /** How many rows got a fresh GUID because the project already had theirs. */
  renamedGuids: number;
  /** The producer's GUID, or a fresh one when this project already has a row with it. */
  guidFor(table: GuidTable, guid: string): string;
  coderOf(guid: string | null): CoderId | null;
  /** The code a coding names: imported now, or already in the project by GUID. */
  codeOf(guid: string): CodeId | undefined;
  /** Records that a note is referred to by this thing (its memo goes on the first). */
  target(note: string, kind: MemoTarget, id: number | null): void;
}

export function openLanding(ctx: ProjectContext, plan: ExchangePlan, merge: MergeTally | undefined): Landing {
  const { repos } = ctx;
  const landing: Landing = {
    ctx,
    plan,
    merge,
    warnings: [...plan.warnings],
    coders: new Map(),
    codes: new Map(),
    attributes: new Map(),
    participants: new Map(),
    participantOfSource: new Map(),
    documents: new Map(),
    excerpts: new Map(),
    memoTargets: new Map(),
    pendingMemos: [],
    renamedGuids: 0,
    guidFor(table, guid) {
      if (repos.exchange.idOf(table, guid) === undefined) return guid;
      landing.renamedGuids++;
      return randomUUID();
    },
    coderOf: (guid) => (guid ? (landing.coders.get(guid) ?? null) : null),
    codeOf: (guid) => landing.codes.get(guid) ?? (repos.exchange.idOf('codes', guid) as CodeId | undefined),
    target(note, kind, id) {
      const list = landing.memoTargets.get(note) ?? [];
      list.push({ kind, id });
      landing.memoTargets.set(note, list);
    },
  };
  return landing;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "was" for one, "were" for more, so warnings read as sentences. */
export const were = (n: number) => (n === 1 ? 'was' : 'were');
