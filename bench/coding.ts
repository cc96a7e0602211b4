/**
 * `npm run build && node dist/bench/coding.js [--docs N] [--words M] [--excerpts E] [--runs R]
 * [--project PATH] [--keep]`: what coding and the board cost on a large project. Builds (or
 * reuses, with --project) a project of N generated transcripts with E coded excerpts and a
 * board whose one group holds a card per excerpt, then times the contract calls the renderer
 * makes (in-process, so the figures are the core's work without a transport):
 *
 * - `excerpts.list` of the whole project, of one document and of a page of 100 (time, JSON size);
 * - `excerpts.retrieve` of one code, whole and a page of 50;
 * - `boards.get` of the 2,000-card board;
 * - one card move to the top of its group, its undo, and the undo history's size;
 * - "apply code": `excerpts.tag` plus the reads that follow it in the renderer — before this
 *   work every store reloaded its whole list, twice (the host echoed the change back); now the
 *   Documents section refetches that document's excerpts, the document and code counts and the
 *   undo label (see renderer/src/stores/sync.ts).
 *
 * Methods the build does not know (paging before this work) are reported as skipped, so the
 * same script measures an older build for a before/after.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../core/app.js';
import { generateCorpus } from './corpus.js';
import { median } from './stats.js';

interface Options {
  docs: number;
  words: number;
  excerpts: number;
  runs: number;
  project: string | null;
  keep: boolean;
}

function parse(argv: readonly string[]): Options {
  const o: Options = { docs: 200, words: 10_000, excerpts: 2_000, runs: 10, project: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? '';
    if (a === '--docs') o.docs = Number(next());
    else if (a === '--words') o.words = Number(next());
    else if (a === '--excerpts') o.excerpts = Number(next());
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--project') o.project = next();
    else if (a === '--keep') o.keep = true;
    else throw new Error(`Unknown option ${a}`);
  }
  return o;
}

type Call = (method: string, input: unknown) => Promise<unknown>;

async function build(call: Call, o: Options, dir: string): Promise<void> {
  const corpus = generateCorpus({ dir: join(dir, 'corpus'), docs: o.docs, wordsPerDoc: o.words });
  for (const f of corpus.files) {
    await call('documents.import', { files: [{ name: f.name, dataBase64: readFileSync(f.path).toString('base64') }] });
  }
  const codes: number[] = [];
  for (const name of ['Price', 'Delivery', 'Trust', 'Checkout', 'Returns', 'Support']) {
    codes.push(((await call('codes.add', { name })) as { id: number }).id);
  }
  const docs = (await call('documents.list', {})) as { id: number }[];
  const turnsOf = new Map<number, { start: number; end: number }[]>();
  for (const d of docs) {
    const doc = (await call('documents.get', { id: d.id })) as { turns: { start: number; end: number }[] };
    turnsOf.set(
      d.id,
      doc.turns.filter((t) => t.end - t.start > 40),
    );
  }
  const excerptIds: number[] = [];
  for (let i = 0; i < o.excerpts; i++) {
    const doc = docs[i % docs.length] as { id: number };
    const turns = turnsOf.get(doc.id) ?? [];
    const turn = turns[Math.floor(i / docs.length) * 3 + 1] ?? turns[0];
    if (!turn) continue;
    const r = (await call('excerpts.tag', {
      documentId: doc.id,
      start: turn.start,
      end: Math.min(turn.end, turn.start + 240),
      codeIds: [codes[i % codes.length], ...(i % 4 === 0 ? [codes[(i + 1) % codes.length]] : [])],
    })) as { excerptId: number };
    excerptIds.push(r.excerptId);
  }
  const board = (await call('boards.create', { name: 'Bench board' })) as { id: number };
  const group = (await call('boards.addGroup', { boardId: board.id, name: 'All' })) as { id: number };
  for (const excerptId of excerptIds) await call('boards.addCard', { boardId: board.id, excerptId, groupId: group.id });
}

async function timed(call: Call, method: string, input: unknown, runs: number) {
  try {
    const first = await call(method, input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await call(method, input);
      times.push(performance.now() - t);
    }
    return { ms: median(times), kb: Buffer.byteLength(JSON.stringify(first)) / 1024, value: first };
  } catch (err) {
    return { skipped: (err as Error).message.slice(0, 80) };
  }
}

async function main() {
  const o = parse(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'quarry-bench-coding-'));
  const app = createApp({ configDir: join(dir, 'config'), coderName: 'bench' });
  const call: Call = (m, i) => app.dispatcher.dispatch(m, i);
  try {
    const project = o.project ?? join(dir, 'bench.quarry');
    if (o.project && existsSync(o.project)) {
      await call('project.open', { path: project });
    } else {
      await call('project.create', { path: project, name: 'Coding bench' });
      const t = performance.now();
      await build(call, o, dir);
      console.log(`built ${project} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const [load] = loadavg();
    console.log(`node ${process.version}, ${cpus().length} cpus, load ${load?.toFixed(1)}, runs ${o.runs}`);
    const docs = (await call('documents.list', {})) as { id: number; excerpts: number }[];
    const doc = docs.find((d) => d.excerpts > 0) as { id: number };
    const codes = (await call('codes.list', {})) as { id: number }[];
    const code = codes[0] as { id: number };
    const boards = (await call('boards.list', {})) as { id: number }[];
    const board = boards[0] as { id: number };
    const rows: [string, unknown][] = [
      ['excerpts.list (all)', await timed(call, 'excerpts.list', {}, o.runs)],
      ['excerpts.list (limit 100)', await timed(call, 'excerpts.list', { limit: 100 }, o.runs)],
      ['excerpts.list (one document)', await timed(call, 'excerpts.list', { documentId: doc.id }, o.runs)],
      ['excerpts.retrieve (one code, all)', await timed(call, 'excerpts.retrieve', { codeId: code.id }, o.runs)],
      [
        'excerpts.retrieve (one code, limit 50)',
        await timed(call, 'excerpts.retrieve', { codeId: code.id, limit: 50 }, o.runs),
      ],
      ['boards.get (2,000 cards)', await timed(call, 'boards.get', { id: board.id }, o.runs)],
      ['codes.list', await timed(call, 'codes.list', {}, o.runs)],
      ['documents.list', await timed(call, 'documents.list', {}, o.runs)],
      ['history.status', await timed(call, 'history.status', {}, o.runs)],
    ];
    for (const [name, r] of rows) {
      const f = r as { ms?: number; kb?: number; skipped?: string };
      console.log(
        f.skipped !== undefined
          ? `${name.padEnd(40)} skipped (${f.skipped})`
          : `${name.padEnd(40)} ${(f.ms as number).toFixed(1).padStart(8)} ms ${(f.kb as number).toFixed(1).padStart(9)} KB`,
      );
    }

    // One card move to the top of a 2,000-card group, and its undo.
    const detail = (await call('boards.get', { id: board.id })) as {
      cards: { id: number; groupId: number | null }[];
    };
    const last = detail.cards.at(-1) as { id: number; groupId: number | null };
    const moves: number[] = [];
    const undos: number[] = [];
    let status: unknown;
    for (let i = 0; i < Math.min(o.runs, 5); i++) {
      let t = performance.now();
      await call('boards.moveCard', { id: last.id, groupId: last.groupId, x: 0, y: 0, order: 0 });
      moves.push(performance.now() - t);
      status = await call('history.status', {});
      t = performance.now();
      await call('history.undo', {});
      undos.push(performance.now() - t);
    }
    console.log(`${'boards.moveCard (to the top)'.padEnd(40)} ${median(moves).toFixed(1).padStart(8)} ms`);
    console.log(`${'history.undo of that move'.padEnd(40)} ${median(undos).toFixed(1).padStart(8)} ms`);
    console.log(`history after the move: ${JSON.stringify(status)}`);

    // "Apply code" and the reads the renderer makes after it.
    const target = (await call('documents.get', { id: doc.id })) as { turns: { start: number; end: number }[] };
    const turn = target.turns.at(-2) as { start: number; end: number };
    const before = async () => {
      // Before: every store reloaded (sync.ts areasOf 'excerpts'), and the echo did it again.
      for (let echo = 0; echo < 2; echo++) {
        await Promise.all([
          call('codes.list', {}),
          call('documents.list', {}),
          call('excerpts.list', { documentId: doc.id }),
          call('excerpts.list', {}),
          call('excerpts.retrieve', { codeId: code.id }),
          call('history.status', {}),
        ]);
      }
    };
    const after = async () => {
      // Now (renderer/src/stores/sync.ts, Documents section): no echo; the reader refetches
      // that document's excerpts, the document list and codebook their counts, the status bar
      // its undo label. Lists of other sections are only marked stale.
      await Promise.all([
        call('codes.list', {}),
        call('documents.list', {}),
        call('excerpts.list', { documentId: doc.id }),
        call('history.status', {}),
      ]);
    };
    for (const [name, reads] of [
      ['before', before],
      ['after', after],
    ] as const) {
      const times: number[] = [];
      const tags: number[] = [];
      for (let i = 0; i < Math.min(o.runs, 5); i++) {
        const t = performance.now();
        await call('excerpts.tag', { documentId: doc.id, start: turn.start, end: turn.start + 12, codeIds: [code.id] });
        tags.push(performance.now() - t);
        await reads();
        times.push(performance.now() - t);
        await call('history.undo', {});
      }
      console.log(
        `apply code + reads (${name} plan)`.padEnd(40),
        `${median(times).toFixed(1).padStart(8)} ms (excerpts.tag ${median(tags).toFixed(1)} ms)`,
      );
    }
    if (o.keep) console.log(`kept ${dir}`);
  } finally {
    app.close();
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
