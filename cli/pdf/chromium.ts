/**
 * The PDF printer of the CLI and `quarry serve`: an installed Chromium, Chrome or Edge run
 * headless with --print-to-pdf on the report's HTML, in a temporary folder that is always
 * removed. Loaded by module URL (AppOptions.printerModule), so it also runs in the worker thread.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { QuarryError } from '../../core/errors.js';
import { findChromium } from '../../core/export/chromium.js';
import type { PdfPrinter } from '../../core/export/pdf.js';

export { findChromium };

const TIMEOUT_MS = Number(process.env.QUARRY_PDF_TIMEOUT_MS) || 60_000;

export const NO_CHROMIUM =
  'PDF export needs Chromium, Google Chrome or Microsoft Edge, and none was found. Install one ' +
  '(e.g. "sudo apt install chromium" on Debian/Ubuntu, or Google Chrome from google.com/chrome), ' +
  'or set QUARRY_CHROMIUM to its path. HTML export works without it.';

function run(binary: string, args: string[]): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 8_000) stderr += d.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

export function createPrinter(): PdfPrinter {
  return {
    async print(html: string): Promise<Uint8Array> {
      const binary = findChromium();
      if (!binary) throw new QuarryError('Unsupported', NO_CHROMIUM);
      const dir = mkdtempSync(join(tmpdir(), 'quarry-pdf-'));
      try {
        const input = join(dir, 'report.html');
        const output = join(dir, 'report.pdf');
        writeFileSync(input, html);
        const result = await run(binary, [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--no-default-browser-check',
          '--no-pdf-header-footer',
          `--user-data-dir=${join(dir, 'profile')}`,
          `--print-to-pdf=${output}`,
          pathToFileURL(input).href,
        ]);
        if (result.timedOut) {
          throw new QuarryError('Internal', `${binary} did not finish printing the PDF within ${TIMEOUT_MS / 1000} s.`);
        }
        if (!existsSync(output)) {
          const why = result.stderr.trim().split('\n').slice(-3).join(' ');
          throw new QuarryError('Internal', `${binary} could not print the PDF (exit ${result.code}). ${why}`.trim());
        }
        return readFileSync(output);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
