/**
 * PDF through the real CLI and the real Chromium: the text comes out shaped (CJK and Arabic
 * present in `pdftotext`), redacted names are absent, and a missing Chromium is a clear error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, quarry, removeDir } from './cli-harness.js';
import { newTestApp, type TestApp } from './helpers.js';
import { buildStudy, SECRETS } from './report-study.js';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
let dir: string;
let project: string;
let t: TestApp;

beforeAll(async () => {
  ensureBuilt();
  t = await newTestApp({ name: 'Interviews with Anna and 由紀' });
  await buildStudy(t);
  t.app.close();
  dir = makeTempDir();
  project = t.path;
}, 240_000);
afterAll(() => {
  removeDir(dir);
  t.dispose();
});

const text = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

describe.skipIf(!chromium)('quarry export --format pdf', () => {
  it('prints the report with CJK and Arabic shaped, and redacted names absent', () => {
    const out = join(dir, 'report.pdf');
    const r = quarry(dir, ['export', project, '--format', 'pdf', '--out', out, '--redact']);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const body = text(out);
    expect(body).toContain('Show the delivery fee early');
    expect(body).toContain('送料が最後の画面で初めて表示された');
    // Arabic comes out as Arabic letters in logical order (pdftotext undoes the shaping)
    expect(body).toMatch(/التوصيل/);
    expect(body).toContain('3 participants · 4 documents · 4 excerpts');
    for (const secret of SECRETS) expect({ secret, found: body.includes(secret) }).toEqual({ secret, found: false });
    // the document's metadata (title) is redacted too
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).not.toMatch(/Anna|由紀/);
  }, 120_000);

  it('writes headings in the chosen language', () => {
    const out = join(dir, 'report-de.pdf');
    const r = quarry(dir, [
      'export',
      project,
      '--format',
      'pdf',
      '--out',
      out,
      '--lang',
      'de',
      '--sections',
      'insights,participants',
    ]);
    expect(r.code).toBe(0);
    const body = text(out);
    expect(body).toContain('Erkenntnisse');
    expect(body).toContain('Teilnehmende');
    expect(body).not.toContain('Anhang');
  }, 120_000);

  it('says what to install when no Chromium is found, exits 1 and writes nothing', () => {
    const folder = join(dir, 'none');
    execFileSync('mkdir', ['-p', folder]);
    const r = quarry(dir, ['export', project, '--format', 'pdf', '--out', join(folder, 'r.pdf')], {
      env: { QUARRY_CHROMIUM: join(dir, 'no-such-browser') },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PDF export needs Chromium, Google Chrome or Microsoft Edge/);
    expect(r.stderr).toMatch(/apt install chromium/);
    expect(readdirSync(folder)).toEqual([]);
  });
});
