/** The bench's human-readable report: tables of the figures `run.ts` measured. */
import type { ProcessesFigure, ProcessSide } from './processes.js';
import { type BenchResult, SEARCH_LIMIT, type Throughput } from './run.js';
import { renderTable } from './stats.js';

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const thousands = (n: number) => Math.round(n).toLocaleString('en');

/** The human-readable tables. */
export function report(r: BenchResult): string[] {
  const lines: string[] = ['', 'Import throughput'];
  const row = (name: string, t: Throughput) => [
    name,
    f2(t.seconds),
    f2(t.mbPerSec),
    thousands(t.wordsPerSec),
    f1(t.filesPerSec),
  ];
  lines.push(
    ...renderTable(
      ['', 's', 'MB/s', 'words/s', 'files/s'],
      [row('Quarry documents.import', r.import.quarry), row('floor (raw better-sqlite3)', r.import.floor)],
    ),
    `Quarry/floor throughput: ${f2(r.import.ratio)} (1.00 = as fast as the floor)`,
    '',
    `Search latency (ms, ${r.options.runs} runs each, limit ${SEARCH_LIMIT})`,
    ...renderTable(
      ['kind', 'query', 'hits', 'Quarry median', 'Quarry p95', 'direct median', 'direct p95', 'Quarry/direct'],
      r.search.map((s) => [
        s.kind,
        s.query,
        String(s.quarry.hits),
        f2(s.quarry.medianMs),
        f2(s.quarry.p95Ms),
        f2(s.direct.medianMs),
        f2(s.direct.p95Ms),
        f1(s.ratio),
      ]),
    ),
    '',
    'CLI start-up',
    'skipped' in r.cli
      ? `${r.cli.command}: skipped — ${r.cli.skipped}`
      : `${r.cli.command}: median ${f1(r.cli.medianMs)} ms, best ${f1(r.cli.minMs)} ms over ${r.cli.runs} runs`,
    '',
  );
  lines.push(...processLines(r.processes));
  return lines;
}

const ms = (n: number | null) => (n === null ? '—' : thousands(n));

function processLines(p: ProcessesFigure): string[] {
  if ('skipped' in p) return ['Whole processes', `skipped — ${p.skipped}`, ''];
  const pairs = [...p.search, ...(p.import ? [p.import] : [])];
  const row = (what: string, s: ProcessSide) => [what, ms(s.cpuMs), ms(s.wallMs), s.command];
  return [
    `Whole processes (medians of ${p.runs} runs; one run for the import)`,
    ...renderTable(
      ['', 'CPU ms', 'wall ms', 'command'],
      [
        row('node -e 0', p.node),
        ...pairs.flatMap((x) => [row(`${x.what}: Quarry`, x.quarry), row(`${x.what}: floor`, x.floor)]),
      ],
    ),
    ...pairs.map((x) => `${x.what}: Quarry/floor ${f1(x.ratio)}× (${x.ratioBy === 'cpu' ? 'CPU time' : 'wall time'})`),
    '',
  ];
}
