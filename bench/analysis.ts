/**
 * `npm run bench:analysis`: times the analysis views — code × attribute matrix, code
 * co-occurrence, code frequency across rounds, word frequency, keywords in context and a
 * drill-down — on a generated project (2 million words by default, in two rounds, with coded
 * excerpts and a participant attribute), each beside a floor: the same counts taken by one
 * plain SQL statement on a raw better-sqlite3 connection (for words and keywords in context,
 * reading every text out of SQLite). Prints figures; asserts nothing.
 *
 *   node dist/bench/analysis.js [--docs N] [--words M] [--excerpts E] [--codes C] [--runs R] [--dir PATH] [--keep]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createApp } from '../core/app.js';
import type { CodeId, DocumentId } from '../core/contract/types.js';
import { generateCorpus, prng } from './corpus.js';
import { median, renderTable } from './stats.js';

interface Options {
  docs: number;
  words: number;
  excerpts: number;
  codes: number;
  runs: number;
  dir?: string;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { docs: 200, words: 10_000, excerpts: 2_000, codes: 30, runs: 5, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => Number(argv[++i]);
    if (arg === '--docs') o.docs = next();
    else if (arg === '--words') o.words = next();
    else if (arg === '--excerpts') o.excerpts = next();
    else if (arg === '--codes') o.codes = next();
    else if (arg === '--runs') o.runs = next();
    else if (arg === '--dir') o.dir = resolve(argv[++i] ?? '.');
    else if (arg === '--keep') o.keep = true;
    else throw new Error(`Unknown option ${arg}`);
  }
  return o;
}

const MARKETS = ['JP', 'DE', 'US', 'BR', 'IN'];

async function timeRuns(runs: number, fn: () => unknown): Promise<number> {
  await fn(); // warm-up: prepared statements and page cache, on both sides alike
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const options = parseArgs(process.argv.slice(2));
const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'quarry-bench-analysis-'));
mkdirSync(dir, { recursive: true });
const projectPath = join(dir, 'analysis.quarry');
rmSync(projectPath, { force: true });
console.log(
  `Quarry analysis bench · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · load ${loadavg()[0]?.toFixed(1)}`,
);
const corpus = generateCorpus({ dir: join(dir, 'corpus'), docs: options.docs, wordsPerDoc: options.words });
console.log(`Corpus: ${corpus.files.length} transcripts, ${corpus.words.toLocaleString('en')} words`);

const app = createApp({ configDir: join(dir, 'config'), coderName: 'bench' });
const call = app.dispatcher.call.bind(app.dispatcher);
try {
  await call('project.create', { path: projectPath, name: 'Analysis bench' });
  for (const [i, file] of corpus.files.entries()) {
    await call('documents.import', {
      files: [{ name: file.name, dataBase64: readFileSync(file.path).toString('base64') }],
      participantFromSpeaker: true,
      study: 'Bench',
      round: i % 2 === 0 ? 'Round 1' : 'Round 2',
    });
  }
  await call('attributes.add', { name: 'market', type: 'choice', choices: MARKETS });
  const random = prng(7);
  const people = await call('participants.list', {});
  for (const person of people) {
    await call('participants.setAttributes', {
      id: person.id,
      attributes: { market: MARKETS[Math.floor(random() * MARKETS.length)] ?? 'JP' },
    });
  }
  const codes: CodeId[] = [];
  for (let i = 0; i < options.codes; i++) codes.push((await call('codes.add', { name: `Theme ${i + 1}` })).id);
  const docs = await call('documents.list', {});
  const lengths = new Map<DocumentId, number>();
  for (const d of docs) lengths.set(d.id, d.chars);
  for (let i = 0; i < options.excerpts; i++) {
    const doc = docs[Math.floor(random() * docs.length)];
    if (!doc) continue;
    const chars = lengths.get(doc.id) ?? 0;
    const start = Math.floor(random() * Math.max(1, chars - 500));
    const end = Math.min(chars, start + 50 + Math.floor(random() * 400));
    const picked = new Set([codes[Math.floor(random() * codes.length)], codes[Math.floor(random() * codes.length)]]);
    await call('excerpts.tag', { documentId: doc.id, start, end, codeIds: [...picked] as CodeId[] });
  }
  console.log(`Project: ${people.length} participants, ${options.codes} codes, ${options.excerpts} excerpts`);

  const raw = new Database(projectPath, { readonly: true });
  const floorMatrix = raw.prepare(
    `SELECT cg.code_id, v.value, count(DISTINCT e.id), count(DISTINCT d.participant_id)
       FROM codings cg JOIN excerpts e ON e.id = cg.excerpt_id JOIN documents d ON d.id = e.document_id
       LEFT JOIN attribute_values v ON v.participant_id = d.participant_id
        AND v.attribute_id = (SELECT id FROM attributes WHERE name = 'market')
      GROUP BY 1, 2`,
  );
  const floorCooccurrence = raw.prepare(
    `SELECT c1.code_id, c2.code_id, count(DISTINCT min(e1.id, e2.id) || ':' || max(e1.id, e2.id))
       FROM codings c1 JOIN excerpts e1 ON e1.id = c1.excerpt_id
       JOIN excerpts e2 ON e2.document_id = e1.document_id AND e2.start < e1."end" AND e1.start < e2."end"
       JOIN codings c2 ON c2.excerpt_id = e2.id AND c2.code_id > c1.code_id
      GROUP BY 1, 2`,
  );
  const floorTexts = raw.prepare(`SELECT text FROM documents`);
  const floorFrequency = raw.prepare(
    `SELECT cg.code_id, r.name, count(DISTINCT e.id), count(DISTINCT d.participant_id)
       FROM codings cg JOIN excerpts e ON e.id = cg.excerpt_id JOIN documents d ON d.id = e.document_id
       LEFT JOIN rounds r ON r.id = d.round_id
      GROUP BY 1, 2`,
  );
  const floorDrill = raw.prepare(
    `SELECT e.id, e.document_id, e.start, e."end", substr(e.text, 1, 400)
       FROM excerpts e WHERE EXISTS (SELECT 1 FROM codings cg WHERE cg.excerpt_id = e.id AND cg.code_id = ?)
      ORDER BY e.document_id, e.start LIMIT 500`,
  );

  const rows: string[][] = [];
  const figures: Record<string, { quarryMs: number; floorMs: number; ratio: number }> = {};
  const measure = async (name: string, quarry: () => unknown, floor: () => unknown) => {
    const quarryMs = await timeRuns(options.runs, quarry);
    const floorMs = await timeRuns(options.runs, floor);
    figures[name] = { quarryMs, floorMs, ratio: quarryMs / floorMs };
    rows.push([name, quarryMs.toFixed(1), floorMs.toFixed(1), `${(quarryMs / floorMs).toFixed(1)}×`]);
  };
  await measure(
    'matrix by market',
    () => call('analysis.matrix', { attribute: 'market' }),
    () => floorMatrix.all(),
  );
  await measure(
    'co-occurrence',
    () => call('analysis.cooccurrence', {}),
    () => floorCooccurrence.all(),
  );
  await measure(
    'word frequency (all)',
    () => call('analysis.words', { limit: 100 }),
    () => floorTexts.all(),
  );
  await measure(
    'word frequency (one code)',
    () => call('analysis.words', { limit: 100, codeId: codes[0] as CodeId }),
    () => floorTexts.all(),
  );
  await measure(
    'frequency across rounds',
    () => call('analysis.frequency', {}),
    () => floorFrequency.all(),
  );
  // A word from the middle of the frequency list: common enough to have many hits, not a stop word.
  const counted = await call('analysis.words', { limit: 50 });
  const keyword = counted[Math.min(counted.length - 1, 10)]?.word ?? 'delivery';
  const found = await call('analysis.kwic', { word: keyword, limit: 200 });
  console.log(`Keyword in context: "${keyword}", ${found.total.toLocaleString('en')} occurrences`);
  await measure(
    `keywords in context ("${keyword}", 200 shown)`,
    () => call('analysis.kwic', { word: keyword, limit: 200 }),
    () => {
      // Floor: read every text and find the word as a plain substring (no tokens, no folding).
      let n = 0;
      for (const row of floorTexts.iterate() as Iterable<{ text: string }>) {
        for (let i = row.text.indexOf(keyword); i >= 0; i = row.text.indexOf(keyword, i + 1)) n++;
      }
      return n;
    },
  );
  await measure(
    'drill-down (one code)',
    () => call('analysis.drill', { cell: { kind: 'code', codeId: codes[0] as CodeId } }),
    () => floorDrill.all(codes[0]),
  );
  raw.close();
  console.log('');
  for (const line of renderTable(['view', 'Quarry ms', 'floor ms', 'ratio'], rows)) console.log(line);
  console.log('');
  console.log(
    'Floors: one SQL statement with the same joins on a raw connection; for words, reading every document text.',
  );
  console.log(JSON.stringify({ bench: 'analysis', options: { ...options, dir: undefined }, figures }));
} finally {
  app.close();
  if (!options.keep && !options.dir) rmSync(dir, { recursive: true, force: true });
}
