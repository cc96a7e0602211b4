/**
 * The DOCX and PPTX as another office suite reads them: LibreOffice converts both to PDF,
 * pdftotext must find the quotes, and pdftoppm draws a slide and a page (kept in
 * QUARRY_RENDER_DIR when set, to look at). Skipped with a printed reason without soffice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { multilingualStudy, QUOTES, type Study } from './export-fixture.js';
import { tempDir } from './helpers.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
if (!soffice || !poppler)
  console.log('export-render: skipped, soffice or poppler (pdftotext/pdftoppm) is not installed');

let s: Study;
afterEach(() => s?.t.dispose());

function toPdf(file: string, dir: string): string {
  const r = spawnSync(
    soffice as string,
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
  const pdf = file.replace(/\.\w+$/, '.pdf');
  if (!existsSync(pdf)) throw new Error(`soffice made no PDF (exit ${r.status}): ${r.stderr}${r.stdout}`);
  return pdf;
}

const flat = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!soffice || !poppler)('DOCX and PPTX through LibreOffice', () => {
  it('converts both to PDF with the quotes readable, and draws a slide and a page', async () => {
    s = await multilingualStudy();
    const dir = tempDir('quarry-render-');
    const docx = join(dir, 'report.docx');
    const pptx = join(dir, 'deck.pptx');
    writeFileSync(docx, Buffer.from((await s.t.call('export.report', { format: 'docx' })).data, 'base64'));
    writeFileSync(pptx, Buffer.from((await s.t.call('export.report', { format: 'pptx' })).data, 'base64'));
    for (const file of [docx, pptx]) {
      const pdf = toPdf(file, dir);
      const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      // Whitespace aside (PDF text extraction re-wraps lines), every quote is there.
      expect(text).toContain(flat('They came at the very end.'));
      expect(text).toContain(flat(QUOTES.price));
      expect(text).toContain(flat('الرسوم'));
      expect(text).toContain('Feesmustshowearly');
    }
    // Slide 3 is the first insight; page 1 of the report shows the title and the insights table.
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '3', '-l', '3', join(dir, 'deck.pdf'), join(dir, 'slide')]);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(dir, 'report.pdf'), join(dir, 'page')]);
    const images = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(images.some((f) => f.startsWith('slide'))).toBe(true);
    expect(images.some((f) => f.startsWith('page'))).toBe(true);
    const keep = process.env.QUARRY_RENDER_DIR;
    if (keep)
      for (const f of [...images, 'deck.pdf', 'report.pdf', 'deck.pptx', 'report.docx'])
        copyFileSync(join(dir, f), join(keep, f));
  }, 600_000);
});
