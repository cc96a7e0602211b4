/**
 * The wall and batch coding through the real CLI (spec/cli.md "Synthesis", `tag --batch`,
 * `tag --coder`): JSON shapes exactly as the spec, bound groups coding and uncoding, and a
 * batch file with a bad line leaving the project byte for byte as it was.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTempDir, quarry, quarryJson, removeDir, sha256 } from './cli-harness.js';

let dir: string;
let project: string;
let doc1: number;
let doc2: number;

const TEXT1 = 'Anna: The price 💶 is too high.\nBen: Delivery was slow.';
const TEXT2 = '送料が高すぎます。配送も遅い。';

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir();
  project = join(dir, 'wall.quarry');
  quarryJson(dir, ['new', project, '--json']);
  writeFileSync(join(dir, 'a.txt'), TEXT1);
  writeFileSync(join(dir, 'b.txt'), TEXT2);
  const imported = quarryJson<{ imported: { documentIds: number[] }[] }>(dir, [
    'import',
    project,
    join(dir, 'a.txt'),
    join(dir, 'b.txt'),
    '--json',
  ]);
  [doc1, doc2] = imported.imported.map((i) => i.documentIds[0] as number) as [number, number];
  quarryJson(dir, ['code', 'add', project, 'Price', '--json']);
}, 240_000);
afterAll(() => removeDir(dir));
// Each command is a process of its own, and the machine is shared: give the long flows room.
vi.setConfig({ testTimeout: 180_000 });

function sql<T>(query: string): T[] {
  const db = new Database(project, { readonly: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
}

interface ExcerptRow {
  id: number;
  documentId: number;
  start: number;
  end: number;
  text: string;
  codes: string[];
}

describe('quarry tag --coder and --batch', () => {
  it('records the coder named by --coder, creating them', () => {
    const start = TEXT1.indexOf('The price');
    const tagged = quarryJson<{ excerptId: number; text: string }>(dir, [
      'tag',
      project,
      String(doc1),
      String(start),
      String(start + 'The price 💶'.length),
      'Price',
      '--coder',
      'Zoë 🦊',
      '--json',
    ]);
    expect(tagged.text).toBe('The price 💶');
    expect(sql<{ name: string }>(`SELECT k.name FROM codings g JOIN coders k ON k.id = g.coder_id`)).toEqual([
      { name: 'Zoë 🦊' },
    ]);
  });

  it('codes a whole file in one transaction, creating codes named there', () => {
    const file = join(dir, 'ok.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ doc: doc2, start: 0, end: 9, codes: ['送料', 'Price'] }),
        '',
        JSON.stringify({ doc: doc1, start: TEXT1.indexOf('Delivery'), end: TEXT1.length, codes: ['Delivery'] }),
        JSON.stringify({ doc: doc2, start: 9, end: 15, codes: ['送料'] }),
        '',
      ].join('\n'),
    );
    const result = quarryJson<{ excerptIds: number[] }>(dir, [
      'tag',
      project,
      '--batch',
      file,
      '--coder',
      'Batch',
      '--json',
    ]);
    expect(Object.keys(result)).toEqual(['excerptIds']);
    expect(result.excerptIds).toHaveLength(3);
    const codes = quarryJson<{ name: string; excerpts: number }[]>(dir, ['codes', project, '--json']);
    expect(codes.map((c) => [c.name, c.excerpts])).toEqual([
      ['Price', 2],
      ['送料', 2],
      ['Delivery', 1],
    ]);
    const excerpts = quarryJson<ExcerptRow[]>(dir, ['excerpts', project, '--doc', String(doc2), '--json']);
    expect(excerpts.map((e) => e.text)).toEqual(['送料が高すぎます。', '配送も遅い。']);
    expect(
      sql<{ n: number }>(
        `SELECT count(*) AS n FROM codings g JOIN coders k ON k.id = g.coder_id WHERE k.name = 'Batch'`,
      ),
    ).toEqual([{ n: 4 }]);
  });

  it.each([
    [
      'a span outside its document',
      (n: number) => JSON.stringify({ doc: doc1, start: 0, end: TEXT1.length + n, codes: ['New code'] }),
    ],
    [
      'a span cutting an emoji in half',
      () => JSON.stringify({ doc: doc1, start: 0, end: TEXT1.indexOf('💶') + 1, codes: ['New code'] }),
    ],
    ['an unknown document', () => JSON.stringify({ doc: 999, start: 0, end: 2, codes: ['New code'] })],
    ['broken JSON', () => '{"doc": 1, "start": 0,'],
    ['a missing field', () => JSON.stringify({ doc: doc1, start: 0, codes: ['X'] })],
    ['no codes', () => JSON.stringify({ doc: doc1, start: 0, end: 3, codes: [] })],
  ])('rejects the whole file for %s, naming its line: exit 3, the project unchanged', (_, bad) => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ doc: doc1, start: 0, end: 4, codes: ['New code'] }),
        '',
        JSON.stringify({ doc: doc2, start: 0, end: 2, codes: ['Another new code'] }),
        bad(5),
        JSON.stringify({ doc: doc2, start: 2, end: 4, codes: ['Price'] }),
      ].join('\n'),
    );
    const before = sha256(project);
    const run = quarry(dir, ['tag', project, '--batch', file, '--json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Line 4:');
    expect(JSON.parse(run.stdout)).toEqual({
      excerptIds: [],
      rejected: [{ file, error: expect.stringContaining('Line 4') }],
    });
    expect(sha256(project)).toBe(before);
    expect(sql<{ name: string }>(`SELECT name FROM codes WHERE name LIKE '%new code'`)).toEqual([]);
  });

  it('refuses --batch with span arguments, and a missing file', () => {
    expect(quarry(dir, ['tag', project, '1', '0', '2', 'Price', '--batch', 'x.jsonl']).code).toBe(2);
    expect(quarry(dir, ['tag', project, '1', '0']).code).toBe(2);
    const missing = quarry(dir, ['tag', project, '--batch', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Could not read');
  });
});

interface BoardShow {
  id: number;
  name: string;
  groups: { id: number; name: string; code: string | null; cards: number[] }[];
  cards: { id: number; excerptId: number | null; text: string; groupId: number | null; x: number; y: number }[];
}

describe('quarry board …', () => {
  it('builds a board, and a card moved into and out of a bound group codes and uncodes its excerpt', () => {
    const excerpts = quarryJson<ExcerptRow[]>(dir, ['excerpts', project, '--json']);
    const delivery = excerpts.find((e) => e.codes.includes('Delivery')) as ExcerptRow;
    const priced = excerpts.filter((e) => e.codes.includes('Price'));
    const { boardId } = quarryJson<{ boardId: number }>(dir, ['board', 'new', project, '--name', 'Wall 🧱', '--json']);
    const { groupId } = quarryJson<{ groupId: number }>(dir, [
      'board',
      'group',
      project,
      String(boardId),
      '--name',
      'Costs',
      '--code',
      'Price',
      '--json',
    ]);
    const added = quarryJson<{ cardIds: number[] }>(dir, [
      'board',
      'add',
      project,
      String(boardId),
      String(delivery.id),
      String(priced[0]?.id),
      String(delivery.id),
      '--json',
    ]);
    expect(added.cardIds).toHaveLength(3);
    expect(added.cardIds[2]).toBe(added.cardIds[0]);
    const { cardId: noteId } = quarryJson<{ cardId: number }>(dir, [
      'board',
      'note',
      project,
      String(boardId),
      '--text',
      'Ask about ‏مرحبا',
      '--group',
      String(groupId),
      '--json',
    ]);

    const deliveryCard = added.cardIds[0] as number;
    quarryJson(dir, ['board', 'move', project, String(deliveryCard), '--group', String(groupId), '--json']);
    const codesOf = () =>
      quarryJson<ExcerptRow[]>(dir, ['excerpts', project, '--json']).find((e) => e.id === delivery.id)?.codes;
    expect(codesOf()).toEqual(['Price', 'Delivery']);

    const show = quarryJson<BoardShow>(dir, ['board', 'show', project, String(boardId), '--json']);
    expect(Object.keys(show)).toEqual(['id', 'name', 'groups', 'cards']);
    expect(show).toMatchObject({ id: boardId, name: 'Wall 🧱' });
    expect(show.groups).toEqual([{ id: groupId, name: 'Price', code: 'Price', cards: [noteId, deliveryCard] }]);
    for (const card of show.cards) expect(Object.keys(card)).toEqual(['id', 'excerptId', 'text', 'groupId', 'x', 'y']);
    expect(show.cards.find((c) => c.id === noteId)).toMatchObject({
      excerptId: null,
      text: 'Ask about ‏مرحبا',
      groupId,
    });
    expect(show.cards.find((c) => c.id === deliveryCard)).toMatchObject({
      excerptId: delivery.id,
      text: 'Delivery was slow.',
      groupId,
    });

    quarryJson(dir, ['board', 'move', project, String(deliveryCard), '--ungrouped', '--json']);
    expect(codesOf()).toEqual(['Delivery']);
    // The excerpt that had Price before keeps it when its card leaves the group.
    const pricedCard = added.cardIds[1] as number;
    quarryJson(dir, ['board', 'move', project, String(pricedCard), '--group', String(groupId), '--json']);
    quarryJson(dir, ['board', 'move', project, String(pricedCard), '--ungrouped', '--json']);
    expect(
      quarryJson<ExcerptRow[]>(dir, ['excerpts', project, '--json']).find((e) => e.id === priced[0]?.id)?.codes,
    ).toContain('Price');
    expect(quarry(dir, ['board', 'move', project, String(pricedCard)]).code).toBe(2);

    expect(quarryJson(dir, ['boards', project, '--json'])).toEqual([{ id: boardId, name: 'Wall 🧱', cards: 3 }]);
  });

  it('makes a board from codes and an insight from a group', () => {
    const { boardId } = quarryJson<{ boardId: number }>(dir, [
      'board',
      'from-codes',
      project,
      '--name',
      'By code',
      '--codes',
      'Price,送料',
      '--json',
    ]);
    const show = quarryJson<BoardShow>(dir, ['board', 'show', project, String(boardId), '--json']);
    expect(show.groups.map((g) => [g.name, g.code, g.cards.length])).toEqual([
      ['Price', 'Price', 2],
      ['送料', '送料', 2],
    ]);
    const group = show.groups[1] as BoardShow['groups'][number];
    const { insightId } = quarryJson<{ insightId: number }>(dir, [
      'insight',
      'add',
      project,
      '--title',
      'Shipping costs',
      '--statement',
      'Shipping is too dear.',
      '--from-group',
      String(group.id),
      '--json',
    ]);
    const insights = quarryJson<{ id: number; evidence: number[]; participants: number }[]>(dir, [
      'insights',
      project,
      '--json',
    ]);
    const made = insights.find((i) => i.id === insightId);
    expect(Object.keys(made ?? {})).toEqual(['id', 'title', 'statement', 'evidence', 'participants']);
    expect(made?.evidence).toEqual(group.cards.map((id) => show.cards.find((c) => c.id === id)?.excerptId));

    const info = quarryJson<{ counts: { boards: number; cards: number; insights: number } }>(dir, [
      'info',
      project,
      '--json',
    ]);
    expect(info.counts).toMatchObject({ boards: 2, cards: 7, insights: 1 });
    expect(quarry(dir, ['board', 'from-codes', project, '--name', 'X', '--codes', 'Nope']).code).toBe(1);
    expect(quarryJson<unknown[]>(dir, ['boards', project, '--json'])).toHaveLength(2);
  });
});
