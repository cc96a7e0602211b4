/**
 * The bundled sample project: built from resources/sample through the contract into a real
 * .quarry file in a temp dir, then reopened and inspected as a researcher would see it.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type QuarryApp } from '../../core/app.js';
import { buildSampleProject, defaultSampleDir, type SampleSummary } from '../../core/sample/build.js';
import { loadManifest } from '../../core/sample/manifest.js';

const work = mkdtempSync(join(tmpdir(), 'quarry-sample-test-'));
// A folder that does not exist yet: hosts build the sample on demand into a fresh data folder.
const projectPath = join(work, 'user-data', 'sample.quarry');
const manifest = loadManifest(defaultSampleDir());
let summary: SampleSummary;
let app: QuarryApp;
let listingAfterBuild: string[];

beforeAll(async () => {
  summary = await buildSampleProject(projectPath);
  listingAfterBuild = readdirSync(join(work, 'user-data'));
  app = createApp({ configDir: join(work, 'config'), coderName: 'test' });
  await app.dispatcher.call('project.open', { path: projectPath });
}, 60_000);

afterAll(() => {
  app?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the sample project', () => {
  it('holds the study the manifest declares', async () => {
    const info = await app.dispatcher.call('project.info', {});
    expect(info.name).toBe('Checkout study (sample)');
    expect(info.counts.documents).toBeGreaterThanOrEqual(6);
    expect(info.counts.documents).toBe(manifest.documents.length);
    expect(info.counts.participants).toBe(manifest.participants.length);
    expect(info.counts.codes).toBeGreaterThanOrEqual(12);
    expect(info.counts.codes).toBeLessThanOrEqual(18);
    expect(info.counts.excerpts).toBeGreaterThanOrEqual(25);
    expect(info.counts.excerpts).toBeLessThanOrEqual(40);
    expect(info.counts.boards).toBe(1);
    expect(info.counts.cards).toBe(manifest.board.groups.flatMap((g) => g.cards).length);
    expect(info.counts.insights).toBeGreaterThanOrEqual(2);
    expect(summary.counts).toEqual(info.counts);
  });

  it('leaves nothing but the project in its folder', () => {
    expect(listingAfterBuild).toEqual(['sample.quarry']);
  });

  it('has transcripts in at least three languages, with speakers as turns', async () => {
    expect(summary.languages.length).toBeGreaterThanOrEqual(3);
    const docs = await app.dispatcher.call('documents.list', {});
    const texts = await Promise.all(docs.map((d) => app.dispatcher.call('documents.get', { id: d.id })));
    expect(texts.some((d) => /[\u3040-\u30ff]/.test(d.text))).toBe(true); // Japanese kana
    expect(texts.some((d) => /[äöüß]/.test(d.text) && d.text.includes('Versand'))).toBe(true);
    expect(texts.some((d) => /\p{Extended_Pictographic}/u.test(d.text))).toBe(true);
    for (const d of texts) {
      const speakers = new Set(d.turns.map((t) => t.speaker));
      expect(speakers.size, d.title).toBe(2);
      expect(d.participant, d.title).not.toBeNull();
    }
    const japanese = texts.find((d) => d.text.includes('インタビュアー'));
    expect(japanese?.turns[0]?.speaker).toBe('インタビュアー');
  });

  it('gives every participant market and segment attributes', async () => {
    const participants = await app.dispatcher.call('participants.list', {});
    expect(participants.map((p) => p.label).sort()).toEqual(manifest.participants.map((p) => p.label).sort());
    const markets = new Set(participants.map((p) => p.attributes.market));
    expect(markets.size).toBeGreaterThanOrEqual(4);
    for (const p of participants) expect(['new', 'returning', 'business']).toContain(p.attributes.segment);
  });

  it('codes a hierarchy with colours and descriptions, every code used', async () => {
    const codes = await app.dispatcher.call('codes.list', {});
    const children = codes.filter((c) => c.parentId !== null);
    expect(children.length).toBeGreaterThanOrEqual(8);
    expect(children.find((c) => c.name === 'Cost')?.parent).toBe('Delivery');
    for (const c of codes) {
      expect(c.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expect(c.description.length).toBeGreaterThan(10);
    }
    const leaves = codes.filter((c) => !codes.some((other) => other.parentId === c.id));
    for (const leaf of leaves) expect(leaf.excerpts, leaf.name).toBeGreaterThan(0);
  });

  it('spreads excerpts over every transcript, each span reading exactly as quoted', async () => {
    const excerpts = await app.dispatcher.call('excerpts.list', {});
    const docs = await app.dispatcher.call('documents.list', {});
    expect(new Set(excerpts.map((e) => e.documentId)).size).toBe(docs.length);
    const quotes = new Set(manifest.codings.map((c) => c.quote));
    for (const e of excerpts) {
      expect(quotes.has(e.text), e.text).toBe(true);
      const doc = await app.dispatcher.call('documents.get', { id: e.documentId });
      expect(doc.text.slice(e.start, e.end)).toBe(e.text);
    }
    // An excerpt ending in an emoji (a surrogate pair) keeps both halves.
    expect(excerpts.some((e) => e.text.endsWith('😄'))).toBe(true);
  });

  it('lays the excerpts out as cards in the named groups of one board', async () => {
    const [board] = await app.dispatcher.call('boards.list', {});
    expect(board?.name).toBe('Checkout synthesis');
    const detail = await app.dispatcher.call('boards.get', { id: board?.id as never });
    expect(detail.groups.map((g) => g.name)).toEqual(manifest.board.groups.map((g) => g.name));
    expect(detail.groups.length).toBeGreaterThanOrEqual(4);
    for (const group of manifest.board.groups) {
      const id = detail.groups.find((g) => g.name === group.name)?.id;
      const cards = detail.cards.filter((c) => c.groupId === id);
      expect(cards.length, group.name).toBe(group.cards.length);
      expect(cards.every((c) => c.kind === 'excerpt' && c.excerpt !== null)).toBe(true);
    }
  });

  it('states insights backed by evidence from several participants', async () => {
    const insights = await app.dispatcher.call('insights.list', {});
    expect(insights.map((i) => i.title)).toEqual(manifest.insights.map((i) => i.title));
    for (const insight of insights) {
      expect(insight.evidence.length).toBeGreaterThanOrEqual(3);
      expect(insight.participants).toBeGreaterThanOrEqual(3);
    }
  });

  it('finds Japanese and German text by search, with offsets on the hit', async () => {
    for (const query of ['送料', 'コンビニ払い', 'Rücksendung']) {
      const hits = await app.dispatcher.call('search.query', { query });
      expect(hits.length, query).toBeGreaterThan(0);
      const hit = hits[0];
      const doc = await app.dispatcher.call('documents.get', { id: hit?.documentId as never });
      expect(doc.text.slice(hit?.start, hit?.end).toLowerCase()).toContain(query.toLowerCase());
    }
  });
});

describe('building the sample', () => {
  it('refuses to overwrite an existing file unless asked, leaving it untouched', async () => {
    const target = join(work, 'existing.quarry');
    writeFileSync(target, 'not mine');
    await expect(buildSampleProject(target)).rejects.toThrow(/already exists/);
    expect(readFileSync(target, 'utf8')).toBe('not mine');
  });

  it('fails loudly on a quote that is not in its transcript, and writes nothing', async () => {
    const broken = join(work, 'broken-sample');
    cpSync(defaultSampleDir(), broken, { recursive: true });
    const json = JSON.parse(readFileSync(join(broken, 'sample.json'), 'utf8'));
    json.codings[3].quote = 'a sentence nobody ever said';
    writeFileSync(join(broken, 'sample.json'), JSON.stringify(json));
    const target = join(work, 'broken.quarry');
    await expect(buildSampleProject(target, { sampleDir: broken })).rejects.toThrow(
      /a sentence nobody ever said" is not in the stored document text/,
    );
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(work).filter((n) => n.includes('building'))).toEqual([]);
  });

  it('rejects a manifest whose references do not resolve, before creating anything', async () => {
    const broken = join(work, 'dangling-sample');
    cpSync(defaultSampleDir(), broken, { recursive: true });
    const json = JSON.parse(readFileSync(join(broken, 'sample.json'), 'utf8'));
    json.codings[0].codes = ['Delivery › Teleportation'];
    json.board.groups[0].cards.push('no-such-coding');
    writeFileSync(join(broken, 'sample.json'), JSON.stringify(json));
    const target = join(work, 'dangling.quarry');
    await expect(buildSampleProject(target, { sampleDir: broken })).rejects.toThrow(
      /unknown code "Delivery › Teleportation".*unknown coding "no-such-coding"/,
    );
    expect(existsSync(target)).toBe(false);
  });
});
