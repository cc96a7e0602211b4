/**
 * Lists never read whole document texts (schema v5): excerpts carry their own text and byte
 * range, retrieval cuts its context in SQL, and excerpts.list / excerpts.retrieve page.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../core/app.js';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { migration001 } from '../../db/migrations/001-initial.js';
import { migration002 } from '../../db/migrations/002-segmented-search.js';
import { migration003 } from '../../db/migrations/003-segment-byte-offsets.js';
import { Sql } from '../../db/repositories/sql.js';
import { file, newTestApp, type TestApp, tempDir } from './helpers.js';

let t: TestApp;
afterEach(() => {
  vi.restoreAllMocks();
  t?.dispose();
});

const EMOJI = '\u{1F600}';
/** A long transcript with astral characters and CJK around the coded spans. */
function transcript(turns: number): string {
  const lines: string[] = [];
  for (let i = 0; i < turns; i++) {
    lines.push(
      i % 2 === 0
        ? `Anna: ${EMOJI} turn ${i}: the price was too high 价格太贵 and delivery ${EMOJI}${EMOJI} was slow.`
        : `Ben: 配送料が高い ${i} — we paid ${EMOJI} more than planned, again and again and again.`,
    );
  }
  return lines.join('\n');
}

/** Records the longest text value any repository statement hands to JavaScript. */
function watchReads(): { longest(): number; reset(): void } {
  let longest = 0;
  const measure = (value: unknown) => {
    for (const row of Array.isArray(value) ? value : [value]) {
      if (row && typeof row === 'object') {
        for (const v of Object.values(row)) {
          if (typeof v === 'string' || v instanceof Uint8Array) longest = Math.max(longest, v.length);
        }
      }
    }
    return value;
  };
  const all = Sql.prototype.all;
  const get = Sql.prototype.get;
  vi.spyOn(Sql.prototype, 'all').mockImplementation(function (this: Sql, sql: string, ...params: unknown[]) {
    return measure(all.call(this, sql, ...params)) as never;
  });
  vi.spyOn(Sql.prototype, 'get').mockImplementation(function (this: Sql, sql: string, ...params: unknown[]) {
    return measure(get.call(this, sql, ...params)) as never;
  });
  return {
    longest: () => longest,
    reset: () => {
      longest = 0;
    },
  };
}

/** Retrieval's context as it was defined on the whole text (cut at the turn, never splitting a pair). */
function expectedContext(
  text: string,
  turns: { start: number; end: number }[],
  e: { start: number; end: number },
  context: number,
) {
  const turn = turns.find((x) => x.start <= e.start && e.start < Math.max(x.end, x.start + 1));
  const lo = turn ? Math.min(turn.start, e.start) : 0;
  const hi = turn ? Math.max(turn.end, e.end) : text.length;
  let from = Math.max(lo, e.start - context);
  let to = Math.min(hi, e.end + context);
  const low = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  if (low(text.charCodeAt(from))) from++;
  if (low(text.charCodeAt(to))) to++;
  return { before: text.slice(from, e.start), after: text.slice(e.end, to) };
}

async function setup(turns = 4000, excerpts = 60) {
  t = await newTestApp();
  const r = await t.call('documents.import', { files: [file('long.txt', transcript(turns))] });
  const documentId = r.imported[0]?.documentIds[0] as DocumentId;
  const doc = await t.call('documents.get', { id: documentId });
  const price = await t.call('codes.add', { name: 'Price' });
  const step = Math.floor(doc.turns.length / excerpts);
  for (let i = 0; i < excerpts; i++) {
    const turn = doc.turns[i * step] as { start: number; end: number };
    // Start right after an emoji so a context window edge can fall inside a surrogate pair.
    const at = doc.text.indexOf(EMOJI, turn.start) + 2;
    await t.call('excerpts.tag', { documentId, start: at, end: at + 11 + (i % 5), codeIds: [price.id] });
  }
  return { documentId, doc, codeId: price.id as CodeId };
}

describe('lists without whole document texts', () => {
  it('excerpts.list and excerpts.retrieve never read a whole document, and give the same text and context', async () => {
    const { doc, codeId } = await setup();
    expect(doc.text.length).toBeGreaterThan(200_000);
    const reads = watchReads();

    const list = await t.call('excerpts.list', {});
    expect(list).toHaveLength(60);
    expect(reads.longest()).toBeLessThan(1_000);
    for (const e of list) expect(e.text).toBe(doc.text.slice(e.start, e.end));

    for (const context of [0, 1, 7, 40, 200]) {
      reads.reset();
      const retrieved = await t.call('excerpts.retrieve', { codeId, context });
      expect(reads.longest()).toBeLessThan(5_000);
      expect(retrieved).toHaveLength(60);
      for (const e of retrieved) {
        expect({ before: e.before, after: e.after }, `context ${context} at ${e.start}`).toEqual(
          expectedContext(doc.text, doc.turns, e, context),
        );
      }
    }
  });

  it('pages excerpts.list and excerpts.retrieve in list order', async () => {
    const { codeId } = await setup(400, 25);
    const all = await t.call('excerpts.list', {});
    expect(all).toHaveLength(25);
    const pages = [];
    for (let offset = 0; offset < 25; offset += 10) {
      pages.push(...(await t.call('excerpts.list', { limit: 10, offset })));
    }
    expect(pages).toEqual(all);
    expect(await t.call('excerpts.list', { offset: 24 })).toEqual(all.slice(24));
    const whole = await t.call('excerpts.retrieve', { codeId });
    const page = await t.call('excerpts.retrieve', { codeId, limit: 5, offset: 5 });
    expect(page).toEqual(whole.slice(5, 10));
    await expect(t.call('excerpts.list', { limit: 0 })).rejects.toMatchObject({ kind: 'BadInput' });
    await expect(t.call('excerpts.list', { offset: -1 })).rejects.toMatchObject({ kind: 'BadInput' });
  });

  it('resizing an excerpt rewrites its stored text', async () => {
    const { doc } = await setup(40, 2);
    const [first] = await t.call('excerpts.list', {});
    const e = first as { id: number; start: number; end: number };
    const resized = await t.call('excerpts.resize', { id: e.id as never, start: e.start - 2, end: e.end + 3 });
    expect(resized.text).toBe(doc.text.slice(e.start - 2, e.end + 3));
    const [again] = await t.call('excerpts.list', { limit: 1 });
    expect(again?.text).toBe(resized.text);
    await t.call('history.undo', {});
    const [undone] = await t.call('excerpts.list', { limit: 1 });
    expect(undone?.text).toBe(doc.text.slice(e.start, e.end));
  });

  it('a v3 file migrates: existing excerpts get their text and UTF-8 byte range', async () => {
    const dir = tempDir();
    const path = join(dir, 'v3.quarry');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    migration001.up(db);
    migration002.up(db);
    migration003.up(db);
    db.pragma('user_version = 3');
    const now = new Date().toISOString();
    const text = `${EMOJI} 価格 intro\nThe delivery ${EMOJI} was late again.`;
    db.prepare(
      `INSERT INTO documents (id, guid, title, format, text, created_at, updated_at) VALUES (1, 'g1', 'd', 'txt', ?, ?, ?)`,
    ).run(text, now, now);
    const spans = [
      [0, 2],
      [3, 5],
      [text.indexOf('delivery'), text.length],
    ] as const;
    spans.forEach(([start, end], i) => {
      db.prepare(
        `INSERT INTO excerpts (id, guid, document_id, start, "end", created_at) VALUES (?, ?, 1, ?, ?, ?)`,
      ).run(i + 1, `e${i}`, start, end, now);
    });
    db.close();

    const app = createApp({ configDir: join(dir, 'cfg'), coderName: 'T' });
    await app.dispatcher.call('project.open', { path });
    app.close();
    const check = new Database(path, { readonly: true });
    const rows = check.prepare(`SELECT text, byte_start AS b, byte_end AS e FROM excerpts ORDER BY id`).all();
    check.close();
    expect(rows).toEqual(
      spans.map(([start, end]) => ({
        text: text.slice(start, end),
        b: Buffer.byteLength(text.slice(0, start)),
        e: Buffer.byteLength(text.slice(0, end)),
      })),
    );
  });
});
