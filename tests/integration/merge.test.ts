/**
 * Merging a teammate's copy: two people code copies of one project apart, then one merges the
 * other's file (.quarry, or the .qdpx it exports). Counts are checked by hand.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type QuarryApp } from '../../core/app.js';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { ensureBuilt, makeTempDir, quarry, quarryJson, removeDir, sha256 } from './cli-harness.js';
import { file, tempDir } from './helpers.js';

const dirs: string[] = [];
const apps: QuarryApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

function appAs(dir: string, coder: string) {
  const app = createApp({ configDir: join(dir, `cfg-${coder}`), coderName: coder });
  apps.push(app);
  return { app, call: app.dispatcher.call.bind(app.dispatcher) as QuarryApp['dispatcher']['call'] };
}

const INTERVIEW = 'Interviewer: How was checkout?\n\nMaria: The coupon 🎟 field was hidden. 配送很快。';

/** Ana's project and Ben's copy of it, each coded apart afterwards. Returns both paths. */
async function teamProjects(): Promise<{ dir: string; ours: string; theirs: string }> {
  const dir = tempDir();
  dirs.push(dir);
  const ours = join(dir, 'ours.quarry');
  const theirs = join(dir, 'theirs.quarry');
  const ana = appAs(dir, 'Ana');
  await ana.call('project.create', { path: ours, name: 'Team study' });
  const imported = await ana.call('documents.import', {
    files: [file('p01.txt', INTERVIEW), file('notes.md', 'Field notes: prices compared on phones.')],
  });
  const p01 = imported.imported[0]?.documentIds[0] as DocumentId;
  const coupons = (await ana.call('codes.add', { name: 'Coupons' })).id as CodeId;
  await ana.call('codes.add', { name: 'Delivery' });
  await ana.call('excerpts.tag', { documentId: p01, start: 39, end: 65, codeIds: [coupons] });
  ana.app.close();
  copyFileSync(ours, theirs);

  // Ben, on his copy: codes the same span and another one, adds a code, a memo and a document.
  const ben = appAs(dir, 'Ben');
  await ben.call('project.open', { path: theirs });
  const codes = await ben.call('codes.list', {});
  const benCoupons = codes.find((c) => c.name === 'Coupons')?.id as CodeId;
  const trust = (await ben.call('codes.add', { name: 'Trust', description: 'Doubts about the shop' })).id as CodeId;
  await ben.call('excerpts.tag', { documentId: p01, start: 39, end: 65, codeIds: [benCoupons, trust] });
  await ben.call('excerpts.tag', { documentId: p01, start: 66, end: 71, codeIds: [trust] });
  await ben.call('memos.add', { targetKind: 'code', targetId: trust, body: 'Seen in 3 of 5 sessions' });
  await ben.call('documents.import', { files: [file('p02.txt', 'Interviewer: Hi\n\nJoon: 가격이 비싸요.')] });
  await ben.call('codes.update', { id: codes.find((c) => c.name === 'Delivery')?.id as CodeId, color: '#112233' });
  ben.app.close();

  // Ana, meanwhile, codes on in her file.
  const again = appAs(dir, 'Ana');
  await again.call('project.open', { path: ours });
  await again.call('excerpts.tag', { documentId: p01, start: 66, end: 71, codeIds: [coupons] });
  again.app.close();
  return { dir, ours, theirs };
}

describe('merge', () => {
  beforeAll(() => ensureBuilt());

  it('dry-runs with the real counts and writes nothing, then merges once and only once', async () => {
    const { dir, ours, theirs } = await teamProjects();
    const config = makeTempDir();
    dirs.push(config);
    const before = sha256(ours);
    const dry = quarryJson<Record<string, unknown>>(config, ['merge', ours, theirs, '--dry-run', '--json']);
    expect(sha256(ours)).toBe(before);
    expect(dry).toMatchObject({
      dryRun: true,
      documents: { matched: 2, added: 1 },
      codes: { matched: 2, added: 1 },
      // The shared span is matched; Ben's second span was Ana's too: both matched, none added.
      excerpts: { matched: 2, added: 0 },
      // Ben's Coupons + Trust on span 1, Trust on span 2.
      codings: { added: 3 },
      memos: { added: 1 },
    });
    expect((dry.conflicts as string[]).join('\n')).toMatch(/Delivery.*#112233/);

    const real = quarryJson<Record<string, unknown>>(config, ['merge', ours, theirs, '--json']);
    expect({ ...real, dryRun: true }).toEqual(dry);

    const { call } = appAs(dir, 'Ana');
    await call('project.open', { path: ours });
    expect((await call('documents.list', {})).map((d) => d.title).sort()).toEqual(['notes', 'p01', 'p02']);
    expect((await call('codes.list', {})).map((c) => c.name).sort()).toEqual(['Coupons', 'Delivery', 'Trust']);
    const coders = await call('coders.list', {});
    expect(coders.map((c) => [c.name, c.codings]).sort()).toEqual([
      ['Ana', 2],
      ['Ben', 3],
    ]);
    // Kept per coder, so agreement can compare them.
    const agreement = await call('analysis.agreement', { coders: ['Ana', 'Ben'], code: 'Coupons' });
    // Both coded 39–65 (26 UTF-16 units, 25 characters: 🎟 counts once); Ana alone 66–71.
    expect(agreement.codes[0]?.table).toEqual(expect.objectContaining({ both: 25, firstOnly: 5, secondOnly: 0 }));

    // A second merge of the same file adds nothing.
    const twice = quarryJson<Record<string, unknown>>(config, ['merge', ours, theirs, '--json']);
    expect(twice).toMatchObject({
      documents: { matched: 3, added: 0 },
      codes: { added: 0 },
      excerpts: { added: 0 },
      codings: { added: 0 },
      memos: { added: 0 },
    });
  });

  it('merges the .qdpx a teammate exported the same way as their .quarry', async () => {
    const { dir, ours, theirs } = await teamProjects();
    const config = makeTempDir();
    dirs.push(config);
    const qdpx = join(dir, 'theirs.qdpx');
    expect(quarry(config, ['export', theirs, '--format', 'qdpx', '--out', qdpx]).code).toBe(0);
    const copy = join(dir, 'ours-2.quarry');
    copyFileSync(ours, copy);
    const fromQuarry = quarryJson<Record<string, unknown>>(config, ['merge', ours, theirs, '--json']);
    const fromQdpx = quarryJson<Record<string, unknown>>(config, ['merge', copy, qdpx, '--json']);
    for (const key of ['documents', 'codes', 'excerpts', 'codings', 'memos']) {
      expect({ key, counts: fromQdpx[key] }).toEqual({ key, counts: fromQuarry[key] });
    }
  });

  it('refuses what it cannot merge, clearly, and changes nothing', async () => {
    const { dir, ours } = await teamProjects();
    const config = makeTempDir();
    dirs.push(config);
    const before = sha256(ours);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just text');
    const wrong = quarry(config, ['merge', ours, text]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/cannot be merged.*\.quarry.*\.qdpx/s);
    const fake = join(dir, 'fake.quarry');
    writeFileSync(fake, 'SQLite format 3\u0000 but not really');
    const bad = quarry(config, ['merge', ours, fake]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(quarry(config, ['merge', ours, ours]).stderr).toMatch(/open project itself/);
    expect(quarry(config, ['merge', ours, join(dir, 'missing.qdpx')]).code).toBe(1);
    expect(sha256(ours)).toBe(before);
    expect(readFileSync(ours).length).toBeGreaterThan(0);
  });
});
