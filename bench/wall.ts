/**
 * `npm run build && node dist/bench/wall.js [--cards N] [--seed S] [--keep]`: how the wall
 * copes with a big board in Chromium. Builds a project with N coded excerpts (default 2,000)
 * in 6 codes, lays a board out from the codes (6 bound groups), starts `quarry serve`, and times:
 * opening the Board section → first cards visible, how many cards are in the DOM (only the
 * visible ones are rendered), then frame times (requestAnimationFrame deltas) during a scripted
 * drag of one card across the screen, at its drop (the longest frame, and whether the board was
 * refetched), during a Ctrl+wheel zoom out and back in, and while the cards that came into view
 * mount after a zoom out stops. Prints figures; asserts nothing.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { createApp } from '../core/app.js';
import type { CodeId, DocumentId } from '../core/contract/index.js';
import { checkBrowserBench, launchChromium, serve, tearDown } from './browser.js';
import { generateCorpus, prng } from './corpus.js';
import { median, percentile } from './stats.js';

interface Options {
  cards: number;
  seed: number;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { cards: 2000, seed: 20_240_601, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') o.keep = true;
    else if (arg === '--cards' || arg === '--seed') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a whole number.`);
      o[arg.slice(2) as 'cards' | 'seed'] = value;
    } else throw new Error(`Unknown option ${arg}`);
  }
  return o;
}

/** N excerpts spread over 20 interviews under six codes, and a board laid out from the codes. */
async function buildProject(dir: string, configDir: string, o: Options) {
  const corpus = generateCorpus({ dir: join(dir, 'corpus'), docs: 20, wordsPerDoc: 12_000, seed: o.seed });
  const path = join(dir, 'wall.quarry');
  const app = createApp({ configDir, coderName: 'bench' });
  try {
    await app.dispatcher.call('project.create', { path, name: 'Wall bench' });
    const imported = await app.dispatcher.call('documents.import', {
      files: corpus.files.map((f) => ({ name: f.name, dataBase64: readFileSync(f.path).toString('base64') })),
    });
    const docIds = imported.imported.flatMap((i) => i.documentIds) as DocumentId[];
    const docs = await Promise.all(docIds.map((id) => app.dispatcher.call('documents.get', { id })));
    const names = ['Price', 'Delivery', 'Trust', 'Checkout', 'Mobile', 'Support'];
    const codes: CodeId[] = [];
    for (const name of names) codes.push((await app.dispatcher.call('codes.add', { name })).id);
    const rand = prng(o.seed);
    const items: { documentId: DocumentId; start: number; end: number; codes: string[] }[] = [];
    const used = new Set<string>();
    while (items.length < o.cards) {
      const doc = docs[Math.floor(rand() * docs.length)];
      const turn = doc?.turns[Math.floor(rand() * doc.turns.length)];
      if (!doc || !turn || turn.end - turn.start < 40) continue;
      const start = turn.start + Math.floor(rand() * (turn.end - turn.start - 30));
      const end = Math.min(turn.end, start + 30 + Math.floor(rand() * 200));
      const key = `${doc.id}:${start}:${end}`;
      if (used.has(key)) continue;
      used.add(key);
      items.push({ documentId: doc.id, start, end, codes: [names[Math.floor(rand() * names.length)] as string] });
    }
    await app.dispatcher.call('excerpts.tagBatch', { items });
    const { boardId } = await app.dispatcher.call('boards.fromCodes', { name: 'Big wall', codeIds: codes });
    const board = await app.dispatcher.call('boards.get', { id: boardId });
    return { path, cards: board.cards.length, groups: board.groups.length };
  } finally {
    app.close();
  }
}

/** Records requestAnimationFrame deltas until `stop` runs; returns them (the first, partial one dropped). */
async function frames(page: Page, work: () => Promise<void>): Promise<number[]> {
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await work();
  return (await page.evaluate('(() => { window.__stop = true; return window.__frames.slice(1); })()')) as number[];
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  checkBrowserBench();
  const dir = mkdtempSync(join(tmpdir(), 'quarry-bench-wall-'));
  const configDir = join(dir, 'config');
  let server: ChildProcess | null = null;
  const browser = await launchChromium();
  try {
    const t0 = performance.now();
    const project = await buildProject(dir, configDir, o);
    const buildMs = performance.now() - t0;
    const started = await serve(configDir, project.path);
    server = started.child;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(started.url);
    await page.getByRole('navigation', { name: 'Project' }).waitFor({ timeout: 60_000 });
    // In the page too: from the click's event to the frame that first shows a card (what the user
    // waits for), without the harness's own round trips (its click and its polling).
    await page.evaluate(`(() => {
      window.__first = {};
      document.addEventListener('click', (e) => { window.__first.click = e.timeStamp; }, { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-card-id]')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__first.painted = performance.now(); }));
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    const open = performance.now();
    await page
      .getByRole('navigation', { name: 'Project' })
      .getByRole('button', { name: /^Board( \d+)?$/ })
      .click();
    await page.locator('[data-card-id]').first().waitFor({ state: 'visible', timeout: 120_000 });
    const firstCardsMs = performance.now() - open;
    await page.waitForFunction('window.__first.painted !== undefined');
    const firstPaintedMs = (await page.evaluate('window.__first.painted - window.__first.click')) as number;
    const inDom = (await page.evaluate("document.querySelectorAll('[data-card-id]').length")) as number;
    // A drag of one card across the screen in 60 steps.
    const card = page.locator('[data-card-id]').first();
    const box = await card.boundingBox();
    if (!box) throw new Error('no card on screen');
    let boardReads = 0;
    page.on('request', (r) => {
      if (r.url().includes('/boards.get')) boardReads++;
    });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    const drag = await frames(page, async () => {
      for (let i = 1; i <= 60; i++)
        await page.mouse.move(box.x + box.width / 2 + i * 8, box.y + box.height / 2 + i * 4);
    });
    // The drop (out of its bound group: its coding is removed), and the frames while it settles.
    const drop = await frames(page, async () => {
      await page.mouse.up();
      await page.waitForTimeout(1500);
    });
    // Zoom out far (every card becomes a summary and more of them are drawn) and back in.
    const canvas = await page.locator('.wall-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    let maxInDom = inDom;
    const zoom = await frames(page, async () => {
      await page.keyboard.down('Control');
      for (let i = 0; i < 12; i++) {
        await page.mouse.wheel(0, 120);
        maxInDom = Math.max(
          maxInDom,
          (await page.evaluate("document.querySelectorAll('[data-card-id]').length")) as number,
        );
      }
      for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -120);
      await page.keyboard.up('Control');
    });
    const minZoom = Number(await page.locator('.wall-canvas').getAttribute('data-zoom'));
    // Zoom out to the summary level and stop: the wall then mounts the cards that came into view
    // a few a frame (nothing mounts while the wheel moves). The frames while it catches up.
    await page.keyboard.down('Control');
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 120);
    await page.keyboard.up('Control');
    let settledInDom = 0;
    const settle = await frames(page, async () => {
      await page.waitForTimeout(1500);
      settledInDom = (await page.evaluate("document.querySelectorAll('[data-card-id]').length")) as number;
    });
    const settledZoom = Number(await page.locator('.wall-canvas').getAttribute('data-zoom'));
    const f = (n: number) => n.toFixed(1);
    const stats = (xs: number[]) =>
      `${xs.length} frames: median ${f(median(xs))} ms, p95 ${f(percentile(xs, 95))} ms, longest ${f(Math.max(...xs))} ms`;
    console.log(
      [
        `Wall bench — Chromium ${browser.version()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
        `board: ${project.cards} cards in ${project.groups} groups laid out from codes (project built in ${f(buildMs / 1000)} s)`,
        `Board section opened → first cards visible: ${f(firstCardsMs)} ms (harness); in the page, click → first cards painted: ${f(firstPaintedMs)} ms; cards in the DOM: ${inDom} of ${project.cards}`,
        `drag of one card, 60 pointer steps: ${stats(drag)}`,
        `drop (out of a bound group) and 1.5 s after: longest frame ${f(Math.max(...drop))} ms; boards.get requests: ${boardReads}`,
        `Ctrl+wheel zoom out 12 notches and back: ${stats(zoom)}; most cards in the DOM while zoomed out: ${maxInDom}; zoom after: ${minZoom}`,
        `zoom out 4 notches (to ${settledZoom}) and stop, 1.5 s while the cards that came into view mount: ${stats(settle)}; cards in the DOM after: ${settledInDom}`,
      ].join('\n'),
    );
    console.log(
      JSON.stringify({
        chromium: browser.version(),
        ...project,
        firstCardsMs,
        firstPaintedMs,
        inDom,
        maxInDom,
        drag: { medianMs: median(drag), p95Ms: percentile(drag, 95), maxMs: Math.max(...drag) },
        drop: { maxMs: Math.max(...drop), boardReads },
        zoom: { medianMs: median(zoom), p95Ms: percentile(zoom, 95), maxMs: Math.max(...zoom) },
        settle: {
          zoom: settledZoom,
          medianMs: median(settle),
          p95Ms: percentile(settle, 95),
          maxMs: Math.max(...settle),
          inDom: settledInDom,
        },
      }),
    );
  } finally {
    await tearDown(browser, server, dir, o.keep);
  }
}

main().catch((err: unknown) => {
  console.error(`bench:wall: ${(err as Error).message}`);
  process.exit(1);
});
