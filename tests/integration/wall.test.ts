/**
 * The affinity wall's core: clustering is coding (bound groups apply and remove codes), bulk
 * adds and moves in one step, layout without overlap, nesting, votes, tidy, insights made
 * from a group with their strength. Real project files; codings read back with SQL.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { overlaps, type Rect } from '../../core/board/layout.js';
import type { BoardId, CardId, CodeId, DocumentId, ExcerptId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

/** Codings as rows: [excerpt, code name, coder name, applying group]. */
function codings(path: string): [number, string, string | null, number | null][] {
  const db = new Database(path, { readonly: true });
  try {
    return (
      db
        .prepare(
          `SELECT g.excerpt_id AS e, c.name AS code, k.name AS coder, g.group_id AS grp
             FROM codings g JOIN codes c ON c.id = g.code_id LEFT JOIN coders k ON k.id = g.coder_id
            ORDER BY g.excerpt_id, c.name, k.name`,
        )
        .all() as { e: number; code: string; coder: string | null; grp: number | null }[]
    ).map((r) => [r.e, r.code, r.coder, r.grp]);
  } finally {
    db.close();
  }
}

/** A document of `lines` lines "Doc d line n 😀 価格", each line coded with `codeName` (one excerpt each). */
let docs = 0;
async function codedLines(lines: number, codeName = 'Seed', participant?: string): Promise<ExcerptId[]> {
  // Each document's text differs (identical files would be skipped as duplicates).
  const doc = ++docs;
  const text = Array.from({ length: lines }, (_, i) => `Doc ${doc} line ${i} 😀 価格`).join('\n');
  const imported = await t.call('documents.import', {
    files: [file(`doc-${Math.random().toString(36).slice(2)}.txt`, text)],
    ...(participant ? { participant } : {}),
  });
  const docId = imported.imported[0]?.documentIds[0] as DocumentId;
  const codes = await t.call('codes.list', {});
  const codeId = codes.find((c) => c.name === codeName)?.id ?? (await t.call('codes.add', { name: codeName })).id;
  const ids: ExcerptId[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    ids.push(
      (await t.call('excerpts.tag', { documentId: docId, start: at, end: at + line.length, codeIds: [codeId] }))
        .excerptId,
    );
    at += line.length + 1;
  }
  return ids;
}

async function boundGroup(boardId: BoardId, name: string, codeId: CodeId) {
  const group = await t.call('boards.addGroup', { boardId, name });
  return (await t.call('boards.bindGroup', { groupId: group.id, codeId })).group;
}

describe('bound groups: clustering is coding', () => {
  it('moving a card in applies the code; moving it out removes only the coding that group applied', async () => {
    t = await newTestApp();
    const [e1, e2] = await codedLines(2);
    const price = await t.call('codes.add', { name: 'Price 💶' });
    // e2 had "Price" before it ever went on the board.
    await t.call('excerpts.tag', { ...(await excerptSpan(e2 as ExcerptId)), codeIds: [price.id] });
    const board = await t.call('boards.create', { name: 'Wall' });
    const group = await boundGroup(board.id, 'whatever', price.id);
    expect(group).toMatchObject({ name: 'Price 💶', code: { id: price.id, name: 'Price 💶' }, parentId: null });
    const { cardIds } = await t.call('boards.addCards', {
      boardId: board.id,
      excerptIds: [e1 as ExcerptId, e2 as ExcerptId],
    });
    const [c1, c2] = cardIds as [CardId, CardId];

    const into = await t.call('boards.moveCards', {
      moves: [
        { id: c1, groupId: group.id, x: 10, y: 10 },
        { id: c2, groupId: group.id, x: 10, y: 200 },
      ],
    });
    expect(into).toMatchObject({ applied: 1, removed: 0 });
    expect(into.cards.map((c) => c.groupId)).toEqual([group.id, group.id]);
    expect(into.cards[0]?.excerpt?.codes.map((c) => c.name)).toEqual(['Seed', 'Price 💶']);
    expect(codings(t.path).filter((r) => r[1] === 'Price 💶')).toEqual([
      [e1, 'Price 💶', 'Tester', group.id],
      [e2, 'Price 💶', 'Tester', null],
    ]);

    const out = await t.call('boards.moveCards', {
      moves: [
        { id: c1, groupId: null, x: 0, y: 0 },
        { id: c2, groupId: null, x: 0, y: 300 },
      ],
    });
    expect(out).toMatchObject({ applied: 0, removed: 1 });
    // e1 lost the code the group gave it; e2 keeps the one it had before.
    expect(codings(t.path).filter((r) => r[1] === 'Price 💶')).toEqual([[e2, 'Price 💶', 'Tester', null]]);
  });

  it('a coding two bound groups ask for stays while one of them still holds the excerpt', async () => {
    t = await newTestApp();
    const [e1] = await codedLines(1);
    const code = await t.call('codes.add', { name: 'Both' });
    const b1 = await t.call('boards.create', { name: 'One' });
    const b2 = await t.call('boards.create', { name: 'Two' });
    const g1 = await boundGroup(b1.id, 'x', code.id);
    const g2 = await boundGroup(b2.id, 'y', code.id);
    const [c1] = (await t.call('boards.addCards', { boardId: b1.id, excerptIds: [e1 as ExcerptId], groupId: g1.id }))
      .cardIds;
    const [c2] = (await t.call('boards.addCards', { boardId: b2.id, excerptIds: [e1 as ExcerptId], groupId: g2.id }))
      .cardIds;
    expect(codings(t.path).filter((r) => r[1] === 'Both')).toEqual([[e1, 'Both', 'Tester', g1.id]]);
    expect(await t.call('boards.moveCards', { moves: [{ id: c1 as CardId, groupId: null }] })).toMatchObject({
      removed: 0,
    });
    expect(codings(t.path).filter((r) => r[1] === 'Both')).toEqual([[e1, 'Both', 'Tester', g2.id]]);
    expect(await t.call('boards.moveCards', { moves: [{ id: c2 as CardId, groupId: null }] })).toMatchObject({
      removed: 1,
    });
    expect(codings(t.path).filter((r) => r[1] === 'Both')).toEqual([]);
  });

  it('keepCodes leaves the coding as an ordinary one; a bound group codes for the current coder', async () => {
    t = await newTestApp();
    const [e1] = await codedLines(1);
    const code = await t.call('codes.add', { name: 'Trust' });
    const board = await t.call('boards.create', { name: 'Wall' });
    const a = await boundGroup(board.id, 'A', code.id);
    const b = await t.call('boards.addGroup', { boardId: board.id, name: 'Unbound' });
    await t.call('app.setCoder', { name: 'Zoë' });
    const [card] = (await t.call('boards.addCards', { boardId: board.id, excerptIds: [e1 as ExcerptId] })).cardIds;
    await t.call('boards.moveCard', { id: card as CardId, groupId: a.id, x: 1, y: 1 });
    expect(codings(t.path).filter((r) => r[1] === 'Trust')).toEqual([[e1, 'Trust', 'Zoë', a.id]]);
    const kept = await t.call('boards.moveCards', {
      moves: [{ id: card as CardId, groupId: b.id, x: 0, y: 0 }],
      keepCodes: true,
    });
    expect(kept).toMatchObject({ applied: 0, removed: 0 });
    expect(codings(t.path).filter((r) => r[1] === 'Trust')).toEqual([[e1, 'Trust', 'Zoë', null]]);
    // Back in and out again: the kept coding is no longer the group's to remove.
    await t.call('boards.moveCards', { moves: [{ id: card as CardId, groupId: a.id, x: 0, y: 0 }] });
    const again = await t.call('boards.moveCards', { moves: [{ id: card as CardId, groupId: null, x: 0, y: 0 }] });
    expect(again).toMatchObject({ applied: 0, removed: 0 });
    expect(codings(t.path).filter((r) => r[1] === 'Trust')).toEqual([[e1, 'Trust', 'Zoë', null]]);
  });

  it('binding applies the code to cards already in the group; createCode makes one named like the group; unbinding keeps codings', async () => {
    t = await newTestApp();
    const [e1, e2] = await codedLines(2);
    const board = await t.call('boards.create', { name: 'Wall' });
    const parent = await t.call('codes.add', { name: 'Themes' });
    const group = await t.call('boards.addGroup', { boardId: board.id, name: 'Waiting 時間' });
    await t.call('boards.addCards', {
      boardId: board.id,
      excerptIds: [e1 as ExcerptId, e2 as ExcerptId],
      groupId: group.id,
    });
    const bound = await t.call('boards.bindGroup', { groupId: group.id, createCode: true, parentCodeId: parent.id });
    expect(bound.applied).toBe(2);
    const code = (await t.call('codes.list', {})).find((c) => c.name === 'Waiting 時間');
    expect(code).toMatchObject({ parentId: parent.id, excerpts: 2 });
    expect(bound.group.code).toMatchObject({ id: code?.id, name: 'Waiting 時間' });
    const unbound = await t.call('boards.bindGroup', { groupId: group.id, codeId: null });
    expect(unbound).toMatchObject({ applied: 0, group: { code: null } });
    expect(
      codings(t.path)
        .filter((r) => r[1] === 'Waiting 時間')
        .map((r) => r[3]),
    ).toEqual([null, null]);
    // Deleting a bound code unbinds its groups.
    await t.call('boards.bindGroup', { groupId: group.id, codeId: code?.id as CodeId });
    await t.call('codes.delete', { id: code?.id as CodeId });
    expect((await t.call('boards.get', { id: board.id })).groups[0]?.code).toBeNull();
  });

  it('keeps a bound group and its code named alike, both ways', async () => {
    t = await newTestApp();
    const code = await t.call('codes.add', { name: 'Price' });
    const board = await t.call('boards.create', { name: 'Wall' });
    const g1 = await boundGroup(board.id, 'x', code.id);
    const g2 = await boundGroup(board.id, 'y', code.id);
    await t.call('codes.rename', { id: code.id, name: 'Cost ‏מחיר' });
    let groups = (await t.call('boards.get', { id: board.id })).groups;
    expect(groups.map((g) => g.name)).toEqual(['Cost ‏מחיר', 'Cost ‏מחיר']);
    await t.call('boards.updateGroup', { id: g1.id, name: 'Pricing' });
    expect((await t.call('codes.list', {})).map((c) => c.name)).toEqual(['Pricing']);
    groups = (await t.call('boards.get', { id: board.id })).groups;
    expect(groups.find((g) => g.id === g2.id)?.name).toBe('Pricing');
    // A name another code has is refused, and nothing changes.
    await t.call('codes.add', { name: 'Taken' });
    await expect(t.call('boards.updateGroup', { id: g1.id, name: 'Taken' })).rejects.toMatchObject({
      kind: 'Conflict',
    });
    expect((await t.call('boards.get', { id: board.id })).groups.map((g) => g.name)).toEqual(['Pricing', 'Pricing']);
    // Merging the code into another one rebinds its groups, which take the other's name.
    const target = await t.call('codes.add', { name: 'Money' });
    await t.call('codes.merge', { sourceId: code.id, targetId: target.id });
    expect((await t.call('boards.get', { id: board.id })).groups.map((g) => [g.name, g.code?.id])).toEqual([
      ['Money', target.id],
      ['Money', target.id],
    ]);
  });
});

async function excerptSpan(id: ExcerptId): Promise<{ documentId: DocumentId; start: number; end: number }> {
  const [e] = await t.call('excerpts.list', {});
  const all = await t.call('excerpts.list', {});
  const found = all.find((x) => x.id === id) ?? e;
  return { documentId: found?.documentId as DocumentId, start: found?.start ?? 0, end: found?.end ?? 1 };
}

const cardRect = (c: { x: number; y: number }): Rect => ({ x: c.x, y: c.y, w: 240, h: 120 });
const inside = (r: Rect, outer: Rect) =>
  r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w && r.y + r.h <= outer.y + outer.h;

describe('boards from codes and bulk cards', () => {
  it('lays out one bound group per code with its excerpts, nothing overlapping', async () => {
    t = await newTestApp();
    const counts = [1, 7, 30, 2, 12, 0];
    const codeIds: CodeId[] = [];
    for (const [i, n] of counts.entries()) {
      const name = `Code ${i}${' 🙂'.repeat(i)}`;
      if (n > 0) await codedLines(n, name);
      else await t.call('codes.add', { name });
      codeIds.push((await t.call('codes.list', {})).find((c) => c.name === name)?.id as CodeId);
    }
    const { boardId } = await t.call('boards.fromCodes', { name: 'By code', codeIds });
    const board = await t.call('boards.get', { id: boardId });
    expect(board.groups.map((g) => [g.code?.id, board.cards.filter((c) => c.groupId === g.id).length])).toEqual(
      codeIds.map((id, i) => [id, counts[i]]),
    );
    const groups: Rect[] = board.groups;
    for (const [i, a] of groups.entries()) {
      for (const b of groups.slice(i + 1)) expect(overlaps(a, b), JSON.stringify([a, b])).toBe(false);
    }
    for (const g of board.groups) {
      const cards = board.cards.filter((c) => c.groupId === g.id).map(cardRect);
      for (const [i, a] of cards.entries()) {
        expect(inside(a, g), JSON.stringify([a, g])).toBe(true);
        for (const b of cards.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      }
    }
    // One step to undo, with a label.
    expect(await t.call('history.status', {})).toMatchObject({ undoLabel: 'Undo: cluster 6 codes on a board' });
    await t.call('history.undo', {});
    expect(await t.call('boards.list', {})).toEqual([]);
  });

  it('adds 2,000 excerpts in one call and one step, never twice, below what is there', async () => {
    t = await newTestApp();
    const ids = await codedLines(2000);
    const board = await t.call('boards.create', { name: 'Big' });
    const note = await t.call('boards.addCard', { boardId: board.id, text: 'Top note', x: 0, y: 500 });
    const first = await t.call('boards.addCards', { boardId: board.id, excerptIds: ids.slice(0, 10) });
    const started = performance.now();
    const { cardIds } = await t.call('boards.addCards', { boardId: board.id, excerptIds: ids });
    const ms = performance.now() - started;
    expect(cardIds).toHaveLength(2000);
    expect(cardIds.slice(0, 10)).toEqual(first.cardIds);
    expect(new Set(cardIds).size).toBe(2000);
    expect((await t.call('boards.list', {}))[0]?.cards).toBe(2001);
    const detail = await t.call('boards.get', { id: board.id });
    const added = detail.cards.filter((c) => c.kind === 'excerpt' && !first.cardIds.includes(c.id));
    // Below the note and the first ten, and no two new cards on one spot.
    const firstBottom = Math.max(...detail.cards.filter((c) => first.cardIds.includes(c.id)).map((c) => c.y + 120));
    expect(Math.min(...added.map((c) => c.y))).toBeGreaterThanOrEqual(firstBottom);
    expect(
      Math.min(...first.cardIds.map((id) => detail.cards.find((c) => c.id === id)?.y ?? 0)),
    ).toBeGreaterThanOrEqual(note.y + 120);
    expect(new Set(added.map((c) => `${c.x},${c.y}`)).size).toBe(added.length);
    await t.call('history.undo', {});
    expect((await t.call('boards.list', {}))[0]?.cards).toBe(11);
    console.log(`addCards: 1,990 new cards in ${ms.toFixed(0)} ms`);
  });

  it('adds into a group on its grid and grows the group to hold them; unknown excerpts add nothing', async () => {
    t = await newTestApp();
    const ids = await codedLines(20);
    const board = await t.call('boards.create', { name: 'W' });
    const g = await t.call('boards.addGroup', { boardId: board.id, name: 'G', x: 1000, y: 1000 });
    await t.call('boards.addCards', { boardId: board.id, excerptIds: ids, groupId: g.id });
    const detail = await t.call('boards.get', { id: board.id });
    const group = detail.groups[0] as Rect;
    expect(group.w).toBeGreaterThan(320);
    const cards = detail.cards.map(cardRect);
    for (const [i, a] of cards.entries()) {
      expect(inside(a, group)).toBe(true);
      for (const b of cards.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
    await expect(
      t.call('boards.addCards', { boardId: board.id, excerptIds: [ids[0] as ExcerptId, 99999 as ExcerptId] }),
    ).rejects.toMatchObject({ kind: 'NotFound', message: expect.stringContaining('99999') });
    expect((await t.call('boards.list', {}))[0]?.cards).toBe(20);
  });
});

describe('search hits on the wall', () => {
  it('adds spans as cards: an existing excerpt keeps its card, others become uncoded excerpts; one undo step', async () => {
    t = await newTestApp();
    const [coded] = await codedLines(3, 'Seed');
    const excerpt = (await t.call('excerpts.list', {})).find((x) => x.id === coded);
    if (!excerpt) throw new Error('no excerpt');
    const board = await t.call('boards.create', { name: 'W' });
    const docId = excerpt.documentId;
    const text = (await t.call('documents.get', { id: docId })).text;
    const hit = text.indexOf('😀', excerpt.end);
    const spans = [
      { documentId: docId, start: excerpt.start, end: excerpt.end },
      { documentId: docId, start: hit, end: hit + 2 },
      { documentId: docId, start: hit, end: hit + 2 },
    ];
    const added = await t.call('boards.addSpans', { boardId: board.id, spans });
    expect(added.createdExcerpts).toBe(1);
    expect(added.excerptIds[0]).toBe(coded);
    expect(added.cardIds).toHaveLength(2);
    const detail = await t.call('boards.get', { id: board.id });
    const fresh = detail.cards.find((c) => c.excerpt?.id === added.excerptIds[1]);
    expect(fresh?.text).toBe('😀');
    expect(fresh?.excerpt?.codes).toEqual([]);
    // Again: nothing new (the excerpt and its card are found).
    const again = await t.call('boards.addSpans', { boardId: board.id, spans: spans.slice(1) });
    expect(again).toMatchObject({ createdExcerpts: 0, cardIds: [fresh?.id] });
    // The second call changed nothing, so one undo takes the first away: cards and the new excerpt.
    await t.call('history.undo', {});
    expect((await t.call('boards.get', { id: board.id })).cards).toHaveLength(0);
    expect((await t.call('excerpts.list', {})).some((x) => x.id === added.excerptIds[1])).toBe(false);
    // A span past the document's end or in a missing document adds nothing.
    await expect(
      t.call('boards.addSpans', {
        boardId: board.id,
        spans: [
          { documentId: docId, start: 0, end: 4 },
          { documentId: docId, start: 0, end: text.length + 5 },
        ],
      }),
    ).rejects.toMatchObject({ kind: 'BadInput' });
    await expect(
      t.call('boards.addSpans', { boardId: board.id, spans: [{ documentId: 999 as DocumentId, start: 0, end: 4 }] }),
    ).rejects.toMatchObject({ kind: 'NotFound', message: expect.stringContaining('999') });
    expect((await t.call('boards.get', { id: board.id })).cards).toHaveLength(0);
    // Widened to its sentence (here the line), a hit's card reads as a quote.
    const line = await t.call('boards.addSpans', {
      boardId: board.id,
      spans: [{ documentId: docId, start: hit, end: hit + 2 }],
      extent: 'sentence',
    });
    const card = (await t.call('boards.get', { id: board.id })).cards.find((c) => c.id === line.cardIds[0]);
    expect(card?.text).toMatch(/^Doc \d+ line 1 😀 価格$/);
  });
});

describe('moves, votes, tidy, nesting', () => {
  it('moves 2,000 cards as one undo step, codings included', async () => {
    t = await newTestApp();
    const ids = await codedLines(2000);
    const code = await t.call('codes.add', { name: 'Bulk' });
    const board = await t.call('boards.create', { name: 'W' });
    const g = await boundGroup(board.id, 'G', code.id);
    const { cardIds } = await t.call('boards.addCards', { boardId: board.id, excerptIds: ids });
    const before = await t.call('boards.get', { id: board.id });
    const started = performance.now();
    const moved = await t.call('boards.moveCards', {
      moves: cardIds.map((id, i) => ({ id, groupId: g.id, x: i, y: i })),
    });
    const ms = performance.now() - started;
    expect(moved).toMatchObject({ applied: 2000, removed: 0 });
    expect(moved.cards.map((c) => c.order)).toEqual(cardIds.map((_, i) => i));
    expect(codings(t.path).filter((r) => r[1] === 'Bulk')).toHaveLength(2000);
    expect(await t.call('history.status', {})).toMatchObject({ undoLabel: 'Undo: move 2000 cards' });
    await t.call('history.undo', {});
    expect(codings(t.path).filter((r) => r[1] === 'Bulk')).toHaveLength(0);
    expect(await t.call('boards.get', { id: board.id })).toEqual(before);
    await t.call('history.redo', {});
    expect(codings(t.path).filter((r) => r[1] === 'Bulk')).toHaveLength(2000);
    console.log(`moveCards: 2,000 cards into a bound group in ${ms.toFixed(0)} ms`);
    // A card on another board's group is refused and nothing moves.
    const other = await t.call('boards.create', { name: 'Other' });
    const og = await t.call('boards.addGroup', { boardId: other.id, name: 'O' });
    await expect(
      t.call('boards.moveCards', { moves: [{ id: cardIds[0] as CardId, groupId: og.id, x: 0, y: 0 }] }),
    ).rejects.toMatchObject({ kind: 'BadInput' });
  });

  it('counts votes per coder, undoably, and refuses taking back a vote never given', async () => {
    t = await newTestApp();
    const board = await t.call('boards.create', { name: 'W' });
    const note = await t.call('boards.addCard', { boardId: board.id, text: 'Idea' });
    const g = await t.call('boards.addGroup', { boardId: board.id, name: 'G' });
    expect(await t.call('boards.vote', { target: 'card', id: note.id, delta: 1 })).toEqual({ votes: 1, mine: 1 });
    expect(await t.call('boards.vote', { target: 'card', id: note.id, delta: 1 })).toEqual({ votes: 2, mine: 2 });
    await t.call('app.setCoder', { name: 'Other' });
    expect(await t.call('boards.vote', { target: 'card', id: note.id, delta: 1 })).toEqual({ votes: 3, mine: 1 });
    expect(await t.call('boards.vote', { target: 'card', id: note.id, delta: -1 })).toEqual({ votes: 2, mine: 0 });
    await expect(t.call('boards.vote', { target: 'card', id: note.id, delta: -1 })).rejects.toMatchObject({
      kind: 'BadInput',
    });
    await t.call('boards.vote', { target: 'group', id: g.id, delta: 1 });
    let detail = await t.call('boards.get', { id: board.id });
    expect(detail.cards[0]?.votes).toBe(2);
    expect(detail.groups[0]?.votes).toBe(1);
    await t.call('history.undo', {});
    detail = await t.call('boards.get', { id: board.id });
    expect(detail.groups[0]?.votes).toBe(0);
    await expect(t.call('boards.vote', { target: 'group', id: 4242, delta: 1 })).rejects.toMatchObject({
      kind: 'NotFound',
    });
    // Deleting the card, or the excerpt an excerpt card shows, takes its votes with it.
    await t.call('boards.deleteCards', { ids: [note.id] });
    const [e1] = await codedLines(1);
    const card = await t.call('boards.addCard', { boardId: board.id, excerptId: e1 as ExcerptId });
    await t.call('boards.vote', { target: 'card', id: card.id, delta: 1 });
    await t.call('excerpts.delete', { id: e1 as ExcerptId });
    const db = new Database(t.path, { readonly: true });
    expect(db.prepare(`SELECT count(*) AS n FROM votes WHERE target_kind = 'card'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('tidies a group: cards on a grid inside it, the group sized to fit, as one step', async () => {
    t = await newTestApp();
    const ids = await codedLines(10);
    const board = await t.call('boards.create', { name: 'W' });
    const g = await t.call('boards.addGroup', { boardId: board.id, name: 'G', x: 50, y: 60 });
    const { cardIds } = await t.call('boards.addCards', { boardId: board.id, excerptIds: ids });
    await t.call('boards.moveCards', {
      moves: cardIds.map((id, i) => ({ id, groupId: g.id, x: 5000 - i * 7, y: -300 + i })),
    });
    const tidy = await t.call('boards.tidyGroup', { id: g.id });
    // 10 cards: 4 columns, 3 rows of 240×120 with 16 gaps, 16 padding, 48 header.
    expect(tidy).toMatchObject({ x: 50, y: 60, w: 16 * 2 + 4 * 240 + 3 * 16, h: 48 + 16 + 3 * 120 + 2 * 16 });
    const cards = (await t.call('boards.get', { id: board.id })).cards;
    expect(cards.map((c) => [c.x, c.y]).slice(0, 5)).toEqual([
      [66, 108],
      [322, 108],
      [578, 108],
      [834, 108],
      [66, 244],
    ]);
    for (const [i, a] of cards.map(cardRect).entries()) {
      expect(inside(a, tidy)).toBe(true);
      for (const b of cards.map(cardRect).slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
    expect(await t.call('history.status', {})).toMatchObject({ undoLabel: 'Undo: tidy group' });
  });

  it('nests groups, refuses cycles, collapses; viewport is kept but not an undo step', async () => {
    t = await newTestApp();
    const board = await t.call('boards.create', { name: 'W' });
    const a = await t.call('boards.addGroup', { boardId: board.id, name: 'A' });
    const b = await t.call('boards.addGroup', { boardId: board.id, name: 'B', parentId: a.id });
    const c = await t.call('boards.addGroup', { boardId: board.id, name: 'C' });
    await t.call('boards.updateGroup', { id: c.id, parentId: b.id, collapsed: true });
    await expect(t.call('boards.updateGroup', { id: a.id, parentId: c.id })).rejects.toMatchObject({
      kind: 'BadInput',
      message: expect.stringContaining('inside itself'),
    });
    await expect(t.call('boards.updateGroup', { id: a.id, parentId: a.id })).rejects.toMatchObject({
      kind: 'BadInput',
    });
    const detail = await t.call('boards.get', { id: board.id });
    expect(detail.groups.map((g) => [g.name, g.parentId, g.collapsed, g.order])).toEqual([
      ['A', null, false, 0],
      ['B', a.id, false, 1],
      ['C', b.id, true, 2],
    ]);
    const status = await t.call('history.status', {});
    await t.call('boards.setViewport', { id: board.id, x: -120.5, y: 40, zoom: 0.25 });
    expect((await t.call('boards.get', { id: board.id })).viewport).toEqual({ x: -120.5, y: 40, zoom: 0.25 });
    expect(await t.call('history.status', {})).toEqual(status);
    await t.call('history.undo', {});
    const after = await t.call('boards.get', { id: board.id });
    expect(after.groups.find((g) => g.id === c.id)).toMatchObject({ parentId: null, collapsed: false });
    expect(after.viewport).toEqual({ x: -120.5, y: 40, zoom: 0.25 });
  });

  it('moves a group with its cards and nested groups in one undo step', async () => {
    t = await newTestApp();
    const board = await t.call('boards.create', { name: 'Move' });
    const outer = await t.call('boards.addGroup', { boardId: board.id, name: 'Outer', x: 100, y: 100 });
    const inner = await t.call('boards.addGroup', {
      boardId: board.id,
      name: 'Inner',
      parentId: outer.id,
      x: 140,
      y: 160,
    });
    const a = await t.call('boards.addCard', {
      boardId: board.id,
      text: 'in outer',
      groupId: outer.id,
      x: 110,
      y: 120,
    });
    const b = await t.call('boards.addCard', {
      boardId: board.id,
      text: 'in inner',
      groupId: inner.id,
      x: 150,
      y: 200,
    });
    const free = await t.call('boards.addCard', { boardId: board.id, text: 'free', x: 900, y: 900 });
    await t.call('boards.updateGroup', { id: outer.id, x: 300, y: 50 });
    const moved = await t.call('boards.get', { id: board.id });
    // Groups and cards number their ids apart.
    const group = (id: number) => moved.groups.filter((g) => g.id === id).map((g) => [g.x, g.y])[0];
    const card = (id: number) => moved.cards.filter((c) => c.id === id).map((c) => [c.x, c.y])[0];
    expect([group(outer.id), group(inner.id), card(a.id), card(b.id), card(free.id)]).toEqual([
      [300, 50],
      [340, 110],
      [310, 70],
      [350, 150],
      [900, 900],
    ]);
    await t.call('history.undo', {});
    const back = await t.call('boards.get', { id: board.id });
    expect(back.groups.find((g) => g.id === inner.id)).toMatchObject({ x: 140, y: 160 });
    expect(back.cards.find((c) => c.id === b.id)).toMatchObject({ x: 150, y: 200 });
  });

  it('renames and deletes boards; colours cards; edits notes only', async () => {
    t = await newTestApp();
    const [e1] = await codedLines(1);
    const board = await t.call('boards.create', { name: 'W' });
    const note = await t.call('boards.addCard', { boardId: board.id, text: 'n' });
    const ex = await t.call('boards.addCard', { boardId: board.id, excerptId: e1 as ExcerptId });
    expect(await t.call('boards.rename', { id: board.id, name: 'Wall 🧱' })).toMatchObject({ name: 'Wall 🧱' });
    expect(await t.call('boards.updateCards', { ids: [note.id, ex.id], color: '#ffcc00' })).toEqual({ updated: 2 });
    expect(await t.call('boards.updateCard', { id: note.id, text: ' السلام ' })).toMatchObject({
      text: 'السلام',
      color: '#FFCC00',
    });
    await expect(t.call('boards.updateCard', { id: ex.id, text: 'x' })).rejects.toMatchObject({ kind: 'BadInput' });
    await t.call('boards.delete', { id: board.id });
    expect(await t.call('boards.list', {})).toEqual([]);
    await t.call('history.undo', {});
    expect((await t.call('boards.get', { id: board.id })).cards.map((c) => c.color)).toEqual(['#FFCC00', '#FFCC00']);
  });
});

describe('insights from the wall', () => {
  it('takes a group’s excerpt cards as evidence; strength counts supporting evidence by hand', async () => {
    t = await newTestApp();
    await t.call('participants.add', { label: 'P1', attributes: { market: 'DE' } });
    await t.call('participants.add', { label: 'P2', attributes: { market: 'FR' } });
    await t.call('participants.add', { label: 'P3', attributes: { market: 'DE' } });
    const [a1, a2] = await codedLines(2, 'S', 'P1');
    const [b1] = await codedLines(1, 'S', 'P2');
    const [c1] = await codedLines(1, 'S', 'P3');
    const board = await t.call('boards.create', { name: 'W' });
    const g = await t.call('boards.addGroup', { boardId: board.id, name: 'G' });
    const sub = await t.call('boards.addGroup', { boardId: board.id, name: 'Sub', parentId: g.id });
    await t.call('boards.addCards', { boardId: board.id, excerptIds: [a1, a2, b1] as ExcerptId[], groupId: g.id });
    await t.call('boards.addCards', { boardId: board.id, excerptIds: [c1 as ExcerptId], groupId: sub.id });
    await t.call('boards.addCard', { boardId: board.id, text: 'a note is no evidence', groupId: g.id });
    const { insightId } = await t.call('insights.add', {
      title: 'Waiting',
      statement: 'Queues hurt.',
      fromGroup: g.id,
    });
    let detail = await t.call('insights.get', { id: insightId });
    expect(detail.evidence.map((e) => [e.excerpt.id, e.stance])).toEqual([
      [a1, 'supports'],
      [a2, 'supports'],
      [b1, 'supports'],
      [c1, 'supports'],
    ]);
    expect(detail.sourceGroupId).toBe(g.id);
    expect(detail.owner).toMatchObject({ name: 'Tester' });
    // P1 (DE) twice in one document, P2 (FR), P3 (DE): 3 participants, 3 documents, 4 excerpts.
    expect(detail.strength).toEqual({
      participants: 3,
      documents: 3,
      segments: 4,
      byAttribute: { market: { DE: 2, FR: 1 } },
    });
    detail = await t.call('insights.setEvidence', { id: insightId, excerptId: c1 as ExcerptId, stance: 'contradicts' });
    expect(detail.strength).toEqual({
      participants: 2,
      documents: 2,
      segments: 3,
      byAttribute: { market: { DE: 1, FR: 1 } },
    });
    detail = await t.call('insights.removeEvidence', { id: insightId, excerptId: a2 as ExcerptId });
    expect(detail.strength).toMatchObject({ participants: 2, segments: 2 });
    const list = await t.call('insights.list', {});
    expect(list[0]).toMatchObject({ participants: 3, strength: { participants: 2, documents: 2, segments: 2 } });

    const cards = (await t.call('boards.get', { id: board.id })).cards;
    const fromCards = await t.call('insights.add', {
      title: 'Two',
      statement: 'From cards',
      fromCards: cards.filter((c) => c.excerpt?.id === b1 || c.kind === 'note').map((c) => c.id),
    });
    expect((await t.call('insights.get', { id: fromCards.insightId })).evidence.map((e) => e.excerpt.id)).toEqual([b1]);
  });

  it('updates, reorders and deletes insights, each one undo step', async () => {
    t = await newTestApp();
    const one = await t.call('insights.add', { title: 'One', statement: 's' });
    const two = await t.call('insights.add', { title: 'Two', statement: 's' });
    const three = await t.call('insights.add', { title: 'Three', statement: 's' });
    const updated = await t.call('insights.update', {
      id: two.insightId,
      recommendation: 'Ship it',
      status: 'review',
      priority: 'low',
    });
    expect(updated).toMatchObject({ recommendation: 'Ship it', status: 'review', priority: 'low', order: 1 });
    let order = await t.call('insights.reorder', { id: three.insightId, before: one.insightId });
    expect(order.map((i) => i.title)).toEqual(['Three', 'One', 'Two']);
    order = await t.call('insights.reorder', { id: three.insightId, before: null });
    expect(order.map((i) => [i.title, i.order])).toEqual([
      ['One', 0],
      ['Two', 1],
      ['Three', 2],
    ]);
    await t.call('history.undo', {});
    expect((await t.call('insights.list', {})).map((i) => i.title)).toEqual(['Three', 'One', 'Two']);
    await t.call('insights.delete', { id: one.insightId });
    await expect(t.call('insights.get', { id: one.insightId })).rejects.toMatchObject({ kind: 'NotFound' });
    await t.call('history.undo', {});
    expect((await t.call('insights.get', { id: one.insightId })).title).toBe('One');
    await expect(t.call('insights.update', { id: one.insightId, ownerId: 999 as never })).rejects.toMatchObject({
      kind: 'NotFound',
    });
  });
});
