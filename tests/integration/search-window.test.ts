/**
 * Search reads only the hit segment plus a margin (substr on UTF-8 bytes, schema v3); its
 * offsets and snippets must be exactly those cut from the whole document text, also when
 * characters outside the Basic Multilingual Plane (emoji, rare CJK) come before the hit.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../core/app.js';
import type { DocumentId } from '../../core/contract/types.js';
import { makeSnippet } from '../../core/text/snippet.js';
import { migrate } from '../../db/connection.js';
import { migration001 } from '../../db/migrations/001-initial.js';
import { migration002 } from '../../db/migrations/002-segmented-search.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { file, newTestApp, type TestApp, tempDir } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const EMOJI = '😀🎉👍🏽𠀋';
const turns = [
  `Interviewer: ${EMOJI.repeat(40)} how was delivery?`,
  `Anna (P001): ${'😀 '.repeat(30)}delivery was slow 🎉, and the 配送料 was high ${'👍 '.repeat(50)}`,
  `Interviewer: And the price? ${'𠀋'.repeat(90)}`,
  `Anna (P001): The price of delivery 😀 was fine. 价格 ${'🎉'.repeat(10)} delivery`,
];
const TEXT = turns.join('\n');

describe('search windows', () => {
  it('gives the same offsets and snippets as the whole text, with astral characters before the hits', async () => {
    t = await newTestApp();
    const r = await t.call('documents.import', { files: [file('astral.txt', TEXT)] });
    const id = r.imported[0]?.documentIds[0];
    const text = (await t.call('documents.get', { id: id as DocumentId })).text;
    for (const query of ['delivery', 'price', '配送料', '价格', '"delivery was slow"', 'deliv*']) {
      const hits = await t.call('search.query', { query, every: true });
      expect(hits.length, query).toBeGreaterThan(0);
      for (const h of hits) {
        const found = text.slice(h.start, h.end).toLowerCase();
        expect(found.startsWith(query.replace(/["*]/g, '').split(' ')[0] as string), query).toBe(true);
        expect(h.snippet, query).toBe(makeSnippet(text, h.start, h.end));
      }
    }
    // The last word of the document: the snippet ends without "…".
    const last = (await t.call('search.query', { query: 'delivery', every: true })).find((h) => h.end === text.length);
    expect(last?.snippet.endsWith('»')).toBe(true);
  });

  it('a v2 file migrates to v3: segments get their UTF-8 byte range, and search cuts windows from it', async () => {
    const dir = tempDir();
    const path = join(dir, 'v2.quarry');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    migration001.up(db);
    migration002.up(db);
    db.pragma('user_version = 2');
    const now = new Date().toISOString();
    const text = `${EMOJI}${EMOJI} intro\n\nThe delivery was late 😀 again.`;
    db.prepare(
      `INSERT INTO documents (id, guid, title, format, text, created_at, updated_at) VALUES (1, 'g1', 'astral', 'txt', ?, ?, ?)`,
    ).run(text, now, now);
    const second = text.indexOf('The');
    const segments: [number, number][] = [
      [0, text.indexOf('\n')],
      [second, text.length],
    ];
    segments.forEach(([start, end], i) => {
      db.prepare(
        `INSERT INTO search_segments (id, owner_kind, owner_id, start, "end") VALUES (?, 'document', 1, ?, ?)`,
      ).run(i + 1, start, end);
      db.prepare(`INSERT INTO search_words (rowid, text) VALUES (?, ?)`).run(i + 1, text.slice(start, end));
    });
    db.close();

    const app = createApp({ configDir: join(dir, 'cfg'), coderName: 'T' });
    const info = await app.dispatcher.call('project.open', { path });
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    const hits = await app.dispatcher.call('search.query', { query: 'delivery' });
    const at = text.indexOf('delivery');
    expect(hits.map((h) => [h.start, h.end])).toEqual([[at, at + 8]]);
    expect(hits[0]?.snippet).toBe(makeSnippet(text, at, at + 8));
    app.close();

    const check = new Database(path);
    const rows = check
      .prepare(`SELECT start, "end", byte_start AS b, byte_end AS e FROM search_segments ORDER BY id`)
      .all() as {
      start: number;
      end: number;
      b: number;
      e: number;
    }[];
    expect(rows.map((r) => [r.b, r.e])).toEqual(
      segments.map(([start, end]) => [Buffer.byteLength(text.slice(0, start)), Buffer.byteLength(text.slice(0, end))]),
    );
    expect(migrate(check)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    check.close();
  });
});
