/**
 * SVG → PNG through a system Chromium in headless screenshot mode, for formats that cannot
 * embed SVG reliably (DOCX, PPTX). No Chromium, or one that fails, yields null and a reason:
 * the caller drops the chart with a notice, the export itself never fails for it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './chromium.js';

export type Raster = { png: Uint8Array } | { png: null; reason: string };

const TIMEOUT_MS = 30_000;
/** Twice the CSS size: crisp in Word and PowerPoint at full width. */
const SCALE = 2;

export async function svgToPng(svg: string, width: number, height: number): Promise<Raster> {
  const chromium = findChromium();
  if (!chromium) return { png: null, reason: 'no Chromium was found to draw charts (set QUARRY_CHROMIUM to one)' };
  const dir = mkdtempSync(join(tmpdir(), 'quarry-chart-'));
  try {
    const page = join(dir, 'chart.html');
    const out = join(dir, 'chart.png');
    writeFileSync(
      page,
      `<!doctype html><meta charset="utf-8"><style>html,body{margin:0;background:#fff;overflow:hidden}</style>${svg}`,
    );
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        [
          '--headless',
          // Our own SVG, no scripts; root in containers cannot use the sandbox.
          '--no-sandbox',
          '--disable-gpu',
          '--hide-scrollbars',
          '--no-first-run',
          '--disable-extensions',
          `--user-data-dir=${join(dir, 'profile')}`,
          `--force-device-scale-factor=${SCALE}`,
          `--window-size=${width},${height}`,
          `--screenshot=${out}`,
          `file://${page}`,
        ],
        { timeout: TIMEOUT_MS, windowsHide: true },
        (err) => (err && !existsSync(out) ? reject(err) : resolve()),
      );
    });
    if (!existsSync(out)) return { png: null, reason: 'Chromium wrote no image' };
    return { png: new Uint8Array(readFileSync(out)) };
  } catch (err) {
    return { png: null, reason: `Chromium could not draw the chart: ${(err as Error).message.split('\n')[0]}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
