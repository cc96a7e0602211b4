/**
 * The word index, the query and the hit locator fold text identically: words with combining
 * marks (Devanagari, Arabic harakat, Vietnamese, decomposed Latin), Thai and emoji-adjacent
 * words are found where they are, and a match that cannot be placed exactly is no hit at all
 * (it used to land on the turn's first word, the speaker label).
 */

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../core/app.js';
import type { DocumentId, SearchHit } from '../../core/contract/types.js';
import { migration004 } from '../../db/migrations/004-search-words-folded.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { file, newTestApp, type TestApp } from './helpers.js';

const DOCS: Record<string, string> = {
  'hi.txt':
    'साक्षात्कारकर्ता: नमस्ते, आप कैसे हैं?\nप्रिया: नमस्ते! मैं ठीक हूँ। कूपन बहुत अच्छा था।\nसाक्षात्कारकर्ता: धन्यवाद।\nप्रिया: नमस्ता नहीं, नमस्ते।',
  'ar.txt': 'المحاور: ما رأيك؟\nمريم: مَرْحَبًا بِكُمْ، القسيمة كانت مفيدة.\nالمحاور: شكرا.\nمريم: مرحبا مرة أخرى.',
  'vi.txt': 'Phỏng vấn: Bạn thấy sao?\nLan: Tiếng Việt rất khó, nhưng phiếu giảm giá rất tốt.\nPhỏng vấn: Cảm ơn.',
  'th.txt': 'ผู้สัมภาษณ์: คิดอย่างไร\nสมชาย: ทิศทางที่ดี คูปองที่นี่ใช้ง่าย\nผู้สัมภาษณ์: ขอบคุณ',
  'fr.txt':
    'Enquêteur: Et le café ?\nAmélie: Le CAFÉ était froid, mais le coupon❤️était utile. ok👍🏽merci 😀prix😀\nEnquêteur: Merci.',
  'zh.txt': '主持人：优惠券怎么样？\n王芳：优惠券很好用。但是运费太贵了！\n主持人：谢谢。',
};

let t: TestApp;
const texts = new Map<DocumentId, string>();

beforeAll(async () => {
  t = await newTestApp();
  const r = await t.call('documents.import', { files: Object.entries(DOCS).map(([name, text]) => file(name, text)) });
  expect(r.rejected).toEqual([]);
  for (const d of await t.call('documents.list', {}))
    texts.set(d.id, (await t.call('documents.get', { id: d.id })).text);
});
afterAll(() => t?.dispose());

const sliced = (hits: SearchHit[]) => hits.map((h) => texts.get(h.documentId)?.slice(h.start, h.end));
const find = async (query: string) => sliced(await t.call('search.query', { query, every: true }));

describe('search placement with combining marks', () => {
  it('places Devanagari words with their vowel signs, never on the speaker label', async () => {
    expect(await find('नमस्ते')).toEqual(['नमस्ते', 'नमस्ते', 'नमस्ते']);
    // A different vowel sign is a different word.
    expect(await find('नमस्ता')).toEqual(['नमस्ता']);
    expect(await find('कूपन')).toEqual(['कूपन']);
  });

  it('finds Arabic with harakat from the bare word, and the bare word from a vowelled query', async () => {
    expect((await find('مرحبا')).sort()).toEqual(['مرحبا', 'مَرْحَبًا'].sort());
    expect((await find('مَرْحَبًا')).sort()).toEqual(['مرحبا', 'مَرْحَبًا'].sort());
  });

  it('folds Vietnamese and decomposed Latin the same way in the query and the index', async () => {
    expect(await find('"tieng viet"')).toEqual(['Tiếng Việt']);
    expect(await find('Tie\u0302\u0301ng')).toEqual(['Tiếng']);
    expect(await find('phie\u0302\u0301u')).toEqual(['phiếu']);
    expect(await find('cafe\u0301')).toEqual(['café', 'CAFÉ']);
    expect(await find('cafe')).toEqual(['café', 'CAFÉ']);
  });

  it('places Thai by whole characters: a tone mark makes another word', async () => {
    const thai = DOCS['th.txt'] as string;
    const hits = await t.call('search.query', { query: 'ที่', every: true });
    expect(sliced(hits)).toEqual(['ที่', 'ที่']);
    expect(hits.map((h) => h.start)).toEqual([thai.indexOf('ที่ดี'), thai.indexOf('ที่นี่')]);
    // ที without its tone mark occurs only inside ที่ (and ทิ is another vowel): no hit is placed.
    expect(await find('ที')).toEqual([]);
    expect(await find('คูปอง')).toEqual(['คูปอง']);
  });

  it('finds words next to emoji, variation selectors and skin tones', async () => {
    expect(await find('coupon')).toEqual(['coupon']);
    expect(await find('était')).toEqual(['était', 'était']);
    expect((await find('merci')).sort()).toEqual(['Merci', 'merci']);
    expect(await find('prix')).toEqual(['prix']);
    expect(await find('ok')).toEqual(['ok']);
  });

  it('still finds CJK words by substring', async () => {
    expect(await find('优惠券')).toEqual(['优惠券', '优惠券']);
    expect(await find('运费')).toEqual(['运费']);
  });

  it('never places a hit on the first word of a turn unless the query is that word', async () => {
    for (const query of ['नमस्ते', 'مرحبا', 'cafe\u0301', 'ที่', 'coupon', '优惠券']) {
      const hits = await t.call('search.query', { query, every: true });
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.snippet).toMatch(/«[^»]+»/);
      const speakers = sliced(hits).filter((s) => /[:：]$/.test(s ?? '') || s === 'प्रिया' || s === 'مريم');
      expect(speakers).toEqual([]);
    }
  });
});

describe('schema v4 migration', () => {
  it("re-indexes a v3 project's words with the shared folding", async () => {
    const old = await newTestApp();
    try {
      const text = DOCS['hi.txt'] as string;
      await old.call('documents.import', { files: [file('hi.txt', text)] });
      old.app.close();
      // Make it a v3 file: the word index as unicode61 built it, which cut नमस्ते at its marks.
      const db = new Database(old.path);
      db.exec(`DROP TABLE search_words;
        CREATE VIRTUAL TABLE search_words USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');`);
      const segments = db.prepare(`SELECT id, start, "end" FROM search_segments`).all() as {
        id: number;
        start: number;
        end: number;
      }[];
      for (const s of segments) {
        db.prepare(`INSERT INTO search_words (rowid, text) VALUES (?, ?)`).run(s.id, text.slice(s.start, s.end));
      }
      // Migration 004 alone, as a v3 file meets it on open (the later migrations touch other tables).
      db.transaction(() => migration004.up(db))();
      db.close();

      const app = createApp({ configDir: join(old.dir, 'cfg2'), coderName: 'T' });
      try {
        const info = await app.dispatcher.call('project.open', { path: old.path });
        expect(info.schemaVersion).toBe(SCHEMA_VERSION);
        const hits = await app.dispatcher.call('search.query', { query: 'नमस्ते', every: true });
        expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['नमस्ते', 'नमस्ते', 'नमस्ते']);
      } finally {
        app.close();
      }
    } finally {
      old.dispose();
    }
  });
});
