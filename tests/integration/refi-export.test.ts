/**
 * REFI-QDA export: .qdpx and .qdc validate against the REFI XSDs (xmllint), re-import to the
 * same codes, excerpts (to the character), memos, participants and attributes, and keep
 * their GUIDs across exports. The property test builds 32 random projects (seeded) with
 * emoji, CJK, RTL and combining marks.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';
import { rows, SCHEMA } from './refi-helpers.js';

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.dispose();
});
async function app(): Promise<TestApp> {
  const t = await newTestApp();
  apps.push(t);
  return t;
}

/** xmllint's verdict on `xml` against an XSD: '' when valid, else its complaint. */
function validate(xml: string, xsd: 'Project.xsd' | 'Codebook.xsd', dir: string): string {
  const path = join(dir, xsd === 'Project.xsd' ? 'project.qde' : 'codebook.qdc');
  writeFileSync(path, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', join(SCHEMA, xsd), path], { stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'Hello',
  ' world',
  ' 😀',
  ' 👩‍👩‍👧',
  ' 价格太贵了',
  '配送',
  ' שלום',
  ' مرحبا بك',
  ' café',
  ' q\u0307',
  '\n',
  ' ',
  '\nP1: ',
  '\nI: ',
  ' 𠀋',
  ' ñandú',
  ' 🇩🇪',
  ' <&>"',
];

interface Snapshot {
  codes: string[];
  excerpts: string[];
  memos: string[];
  participants: string[];
  attributes: string[];
}

async function snapshot(t: TestApp): Promise<Snapshot> {
  const codes = await t.call('codes.list', {});
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (id: CodeId | null): string => {
    const c = id === null ? undefined : byId.get(id);
    return c ? `${path(c.parentId)}/${c.name}` : '';
  };
  const excerpts = rows<{
    title: string;
    start: number;
    end: number;
    code: string;
    coder: string | null;
    codeId: number;
  }>(
    t.path,
    `SELECT d.title, e.start, e."end" AS "end", c.id AS codeId, k.name AS coder
       FROM codings g JOIN excerpts e ON e.id = g.excerpt_id JOIN documents d ON d.id = e.document_id
       JOIN codes c ON c.id = g.code_id LEFT JOIN coders k ON k.id = g.coder_id`,
  );
  const texts = new Map<string, string>();
  for (const d of await t.call('documents.list', {})) {
    texts.set(d.title, (await t.call('documents.get', { id: d.id })).text);
  }
  const memos = await t.call('memos.list', {});
  const participants = await t.call('participants.list', {});
  return {
    codes: codes.map((c) => `${path(c.id)} ${c.color} ${c.description}`).sort(),
    excerpts: excerpts
      .map(
        (e) =>
          `${e.title} ${e.start}-${e.end} ${JSON.stringify(texts.get(e.title)?.slice(e.start, e.end))} ${path(e.codeId as CodeId)} ${e.coder}`,
      )
      .sort(),
    memos: memos.map((m) => `${m.targetKind} ${m.targetLabel} ${m.title} ${JSON.stringify(m.body)}`).sort(),
    participants: participants.map((p) => `${p.label} ${JSON.stringify(p.attributes)} ${p.documents}`).sort(),
    attributes: (await t.call('attributes.list', {})).map((a) => `${a.name} ${a.type}`).sort(),
  };
}

/** A seeded random project: documents with mixed scripts, a code tree, two coders, excerpts, memos, participants. */
async function randomProject(t: TestApp, seed: number): Promise<void> {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const codeIds: CodeId[] = [];
  for (let i = 0; i < 2 + Math.floor(rand() * 5); i++) {
    const parentId = codeIds.length > 0 && rand() < 0.4 ? pick(codeIds) : null;
    const code = await t.call('codes.add', {
      name: `${pick(['Price', '价格', 'שלום', 'Delivery 🚚', 'Trust'])} ${seed}-${i}`,
      parentId,
      description: rand() < 0.5 ? `About ${pick(PIECES).trim() || 'it'}` : undefined,
    });
    codeIds.push(code.id);
  }
  await t.call('attributes.add', { name: 'Age', type: 'number' });
  await t.call('attributes.add', { name: 'Joined', type: 'date' });
  await t.call('attributes.add', { name: 'Member', type: 'boolean' });
  const docs = 1 + Math.floor(rand() * 2);
  for (let d = 0; d < docs; d++) {
    let text = '';
    const n = 10 + Math.floor(rand() * 60);
    for (let i = 0; i < n; i++) text += pick(PIECES);
    const result = await t.call('documents.import', { files: [file(`doc-${seed}-${d}.txt`, `Start ${text} end`)] });
    const id = result.imported[0]?.documentIds[0] as DocumentId;
    const stored = (await t.call('documents.get', { id })).text;
    // Code point boundaries of the stored text (excerpts never split a surrogate pair).
    const bounds: number[] = [];
    for (let i = 0; i <= stored.length; i++) {
      const c = stored.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff)) bounds.push(i);
    }
    for (let k = 0; k < 1 + Math.floor(rand() * 6); k++) {
      await t.call('app.setCoder', { name: pick(['Ana', 'Bo', 'Chen 陈']) });
      const a = pick(bounds);
      const b = pick(bounds);
      if (a === b) continue;
      const codes = [...new Set([pick(codeIds), pick(codeIds)])];
      const tagged = await t.call('excerpts.tag', {
        documentId: id,
        start: Math.min(a, b),
        end: Math.max(a, b),
        codeIds: codes,
        memo: rand() < 0.3 ? `Why? ${pick(PIECES)}` : undefined,
      });
      expect(tagged.excerptId).toBeDefined();
    }
    if (rand() < 0.7) {
      const p = await t.call('participants.add', {
        label: `P${seed}-${d} ${pick(['Ana', 'مرحبا', '陈'])}`,
        attributes: {
          Age: String(18 + Math.floor(rand() * 60)),
          Joined: '2024-02-29',
          Member: rand() < 0.5 ? 'yes' : 'no',
        },
      });
      await t.call('documents.setParticipant', { documentId: id, participantId: p.id });
      if (rand() < 0.5)
        await t.call('memos.add', { targetKind: 'participant', targetId: p.id as number, body: 'Quiet 🤫' });
    }
    if (rand() < 0.5)
      await t.call('memos.add', {
        targetKind: 'document',
        targetId: id as number,
        title: 'Doc',
        body: `Notes ${pick(PIECES)}`,
      });
  }
  await t.call('memos.add', {
    targetKind: 'code',
    targetId: codeIds[0] as number,
    title: 'Code memo',
    body: '**bold** 价格',
  });
  await t.call('memos.add', { targetKind: 'project', title: 'Plan', body: 'Line one\nLine two ✓' });
}

async function exportFile(t: TestApp, format: 'qdpx' | 'qdc'): Promise<Uint8Array> {
  const out = await t.call('export.report', { format });
  return out.encoding === 'base64' ? Buffer.from(out.data, 'base64') : Buffer.from(out.data, 'utf8');
}

const qdeOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['project.qde'] as Uint8Array);
const guids = (xml: string, element: string) =>
  [...xml.matchAll(new RegExp(`<${element}\\b[^>]*?\\sguid="([^"]+)"`, 'g'))].map((m) => m[1]).sort();

describe('REFI-QDA export', () => {
  it('round-trips 32 random projects with emoji, CJK, RTL and marks, valid against the XSDs', async () => {
    for (let seed = 1; seed <= 32; seed++) {
      const a = await app();
      await randomProject(a, seed);
      const bytes = await exportFile(a, 'qdpx');
      const xml = qdeOf(bytes);
      expect(validate(xml, 'Project.xsd', a.dir), `seed ${seed}`).toBe('');
      expect(validate(strFromU8(await exportFile(a, 'qdc')), 'Codebook.xsd', a.dir), `seed ${seed}`).toBe('');
      // Sources are UTF-8 plain text under sources/, one per document.
      const entries = Object.keys(unzipSync(bytes));
      expect(entries.filter((e) => /^sources\/[0-9a-f-]{36}\.txt$/.test(e)).length).toBe(
        (await a.call('documents.list', {})).length,
      );

      const b = await app();
      const result = await b.call('documents.import', { files: [file('a.qdpx', bytes)] });
      expect(result.rejected, `seed ${seed}`).toEqual([]);
      expect(result.imported[0]?.warnings, `seed ${seed}`).toEqual([]);
      expect(await snapshot(b), `seed ${seed}`).toEqual(await snapshot(a));

      // Exported again, everything keeps its GUID.
      const again = qdeOf(await exportFile(b, 'qdpx'));
      for (const element of ['Code', 'TextSource', 'PlainTextSelection', 'Coding', 'Note', 'Case', 'Variable']) {
        expect(guids(again, element), `seed ${seed} ${element}`).toEqual(guids(xml, element));
      }
      for (const t of apps.splice(0)) t.dispose();
    }
  }, 240_000);

  it('exports the same GUIDs every time, and positions in code points', async () => {
    const t = await app();
    await t.call('documents.import', { files: [file('a.txt', '😀😀 价格 price')] });
    const code = await t.call('codes.add', { name: 'Price' });
    const doc = (await t.call('documents.list', {}))[0]?.id as DocumentId;
    await t.call('excerpts.tag', { documentId: doc, start: 8, end: 13, codeIds: [code.id] });
    const first = qdeOf(await exportFile(t, 'qdpx'));
    const second = qdeOf(await exportFile(t, 'qdpx'));
    const strip = (xml: string) => xml.replace(/creationDateTime="[^"]*"/, '');
    expect(strip(second)).toBe(strip(first));
    // "😀😀 价格 " is 6 code points (8 UTF-16 units).
    expect(first).toMatch(/<PlainTextSelection [^>]*name="price" startPosition="6" endPosition="11"/);
    expect(guids(first, 'Code')).toEqual(rows<{ guid: string }>(t.path, 'SELECT guid FROM codes').map((r) => r.guid));
  });

  it('a .qdc carries the code tree and code sets; an empty codebook is refused', async () => {
    const t = await app();
    await expect(t.call('export.report', { format: 'qdc' })).rejects.toMatchObject({ kind: 'BadInput' });
    const parent = await t.call('codes.add', {
      name: 'Price & value',
      color: '#112233',
      description: 'What it <costs>',
    });
    await t.call('codes.add', { name: '贵', parentId: parent.id });
    const qdc = strFromU8(await exportFile(t, 'qdc'));
    expect(validate(qdc, 'Codebook.xsd', t.dir)).toBe('');
    const b = await app();
    await b.call('documents.import', { files: [file('book.qdc', qdc)] });
    expect((await b.call('codes.list', {})).map((c) => [c.name, c.parent, c.color, c.description])).toEqual([
      ['Price & value', null, '#112233', 'What it <costs>'],
      ['贵', 'Price & value', expect.any(String), ''],
    ]);
  });

  it('the real ATLAS.ti sample re-exports valid, with its codes, notes and sets', async () => {
    const { readFileSync } = await import('node:fs');
    const { REFI } = await import('./refi-helpers.js');
    const t = await app();
    const bytes = readFileSync(join(REFI, 'projects', 'atlasti-8.4-mac_sky-loom', 'TestProject.qdpx'));
    await t.call('documents.import', { files: [file('TestProject.qdpx', bytes)] });
    const xml = qdeOf(await exportFile(t, 'qdpx'));
    expect(validate(xml, 'Project.xsd', t.dir)).toBe('');
    expect(xml).toContain('guid="85d17f60-7bb0-481e-b742-b4861dd669df" name="happiness"');
    expect(xml).toContain('name="&lt;3"');
  });

  it('refuses --redact for REFI-QDA', async () => {
    const t = await app();
    await expect(t.call('export.report', { format: 'qdpx', redact: true })).rejects.toMatchObject({
      kind: 'Unsupported',
    });
  });
});
