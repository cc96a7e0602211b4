/**
 * `npm run build && npm run bench:exports [-- --docs N --codes C --excerpts E --insights I
 * --runs R --pages]`: what the stakeholder exports cost on a generated study. Builds a project of N
 * generated transcripts (some Chinese/Japanese turns) linked to 40 participants in three
 * segments, C codes (ten themes and their children), E coded excerpts and I insights of 3–6 quotes each, then times
 * `export.report` in-process for pptx (the I-insight deck), docx (the report: every excerpt
 * under its code, at most three per code and none twice: ~200 pages at the defaults), xlsx and csv. Charts are drawn by Chromium when
 * one is found; the runs are repeated without Chromium (QUARRY_CHROMIUM=none) so the writer's
 * own cost is visible. `--pages` converts the DOCX with LibreOffice and counts its pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../core/app.js';
import { generateCorpus } from './corpus.js';
import { median } from './stats.js';

interface Options {
  docs: number;
  codes: number;
  excerpts: number;
  insights: number;
  runs: number;
  pages: boolean;
}

function parse(argv: readonly string[]): Options {
  const o: Options = { docs: 40, codes: 600, excerpts: 2_400, insights: 50, runs: 3, pages: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => Number(argv[++i] ?? '');
    if (a === '--docs') o.docs = next();
    else if (a === '--codes') o.codes = next();
    else if (a === '--excerpts') o.excerpts = next();
    else if (a === '--insights') o.insights = next();
    else if (a === '--runs') o.runs = next();
    else if (a === '--pages') o.pages = true;
    else throw new Error(`Unknown option ${a}`);
  }
  return o;
}

type Call = (method: string, input: unknown) => Promise<unknown>;

const CODES = ['Price', 'Delivery', 'Trust', 'Checkout', 'Returns', 'Support', '价格', 'Mobile', 'Account', 'Search'];
const SEGMENTS = ['new', 'returning', 'lapsed'];

async function build(call: Call, o: Options, dir: string): Promise<void> {
  await call('attributes.add', { name: 'Segment', type: 'choice', choices: SEGMENTS });
  const corpus = generateCorpus({ dir: join(dir, 'corpus'), docs: o.docs, wordsPerDoc: 6_000, cjkShare: 0.1 });
  for (let p = 1; p <= 40; p++) {
    const label = `P${String(p).padStart(2, '0')}`;
    await call('participants.add', { label, attributes: { Segment: SEGMENTS[p % 3] } });
  }
  for (const [i, f] of corpus.files.entries()) {
    await call('documents.import', {
      files: [{ name: f.name, dataBase64: readFileSync(f.path).toString('base64') }],
      participant: `P${String((i % 40) + 1).padStart(2, '0')}`,
    });
  }
  // Ten top-level themes, the rest as their children: the report gives every code a section
  // with up to three quotes not shown above, which is what makes the DOCX long.
  const codes: number[] = [];
  for (const name of CODES) codes.push(((await call('codes.add', { name })) as { id: number }).id);
  for (let c = CODES.length; c < o.codes; c++) {
    const parentId = codes[c % CODES.length];
    codes.push(((await call('codes.add', { name: `${CODES[c % CODES.length]} ${c}`, parentId })) as { id: number }).id);
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
    const turn = turns[(Math.floor(i / docs.length) * 2 + 1) % Math.max(1, turns.length)];
    if (!turn) continue;
    const r = (await call('excerpts.tag', {
      documentId: doc.id,
      start: turn.start,
      end: Math.min(turn.end, turn.start + 260),
      codeIds: [codes[i % codes.length], ...(i % 5 === 0 ? [codes[(i + 3) % codes.length]] : [])],
    })) as { excerptId: number };
    excerptIds.push(r.excerptId);
  }
  for (let i = 0; i < o.insights; i++) {
    const n = 3 + (i % 4);
    const evidence = Array.from({ length: n }, (_, k) => excerptIds[(i * 7 + k * 13) % excerptIds.length] as number);
    await call('insights.add', {
      title: `Insight ${i + 1}: ${CODES[i % CODES.length]} decides whether people come back`,
      statement: `Participants linked ${CODES[i % CODES.length]} to trust; where it surprised them late they left the checkout.`,
      evidence: [...new Set(evidence)],
      priority: ['high', 'medium', 'low'][i % 3],
    });
  }
}

interface Row {
  what: string;
  charts: string;
  ms: number;
  kb: number;
}

async function measure(call: Call, format: string, runs: number, extra: object = {}) {
  const times: number[] = [];
  let bytes = 0;
  let data = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = (await call('export.report', { format, ...extra })) as { data: string; encoding: string };
    times.push(performance.now() - t);
    data = r.data;
    bytes = Buffer.byteLength(r.data, r.encoding === 'base64' ? 'base64' : 'utf8');
  }
  return { ms: median(times), kb: bytes / 1024, data };
}

function pagesOf(docx: Buffer, dir: string): string {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  if (!soffice) return 'no soffice';
  const file = join(dir, 'report.docx');
  writeFileSync(file, docx);
  spawnSync(
    soffice,
    [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    {
      timeout: 900_000,
    },
  );
  const info = spawnSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' });
  return info.stdout.match(/Pages:\s+(\d+)/)?.[1] ?? 'unknown';
}

async function main() {
  const o = parse(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'quarry-bench-exports-'));
  const app = createApp({ configDir: join(dir, 'config'), coderName: 'bench' });
  const call: Call = (m, i) => app.dispatcher.dispatch(m, i);
  try {
    await call('project.create', { path: join(dir, 'bench.quarry'), name: 'Exports bench' });
    const t = performance.now();
    await build(call, o, dir);
    console.log(
      `built ${o.docs} documents, ${o.codes} codes, ${o.excerpts} excerpts, ${o.insights} insights in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const [load] = loadavg();
    console.log(`node ${process.version}, ${cpus().length} cpus, load ${load?.toFixed(1)}, runs ${o.runs} (median)`);
    const rows: Row[] = [];
    let docx = '';
    const chromium = process.env.QUARRY_CHROMIUM;
    for (const mode of ['Chromium', 'none'] as const) {
      if (mode === 'none') process.env.QUARRY_CHROMIUM = 'none';
      for (const [what, format] of [
        [`pptx (${o.insights}-insight deck)`, 'pptx'],
        ['docx (report)', 'docx'],
      ] as const) {
        const m = await measure(call, format, o.runs);
        if (format === 'docx') docx = m.data;
        rows.push({ what, charts: mode === 'none' ? 'left out' : 'drawn', ms: m.ms, kb: m.kb });
      }
    }
    if (chromium === undefined) delete process.env.QUARRY_CHROMIUM;
    else process.env.QUARRY_CHROMIUM = chromium;
    for (const [what, format, extra] of [
      ['xlsx (3 sheets)', 'xlsx', {}],
      ['csv (excerpts)', 'csv', {}],
      ['csv (matrix, long)', 'csv', { table: 'matrix' }],
    ] as const) {
      const m = await measure(call, format, o.runs, extra);
      rows.push({ what, charts: '—', ms: m.ms, kb: m.kb });
    }
    console.log('\n| export | charts | median ms | size KB |\n|---|---|---:|---:|');
    for (const r of rows) console.log(`| ${r.what} | ${r.charts} | ${r.ms.toFixed(0)} | ${r.kb.toFixed(0)} |`);
    if (o.pages) console.log(`\nDOCX pages (LibreOffice): ${pagesOf(Buffer.from(docx, 'base64'), dir)}`);
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
