/**
 * The `quarry` command end to end: the real built CLI on real .quarry files in a temp dir,
 * checked against the shapes and exit codes of the CLI contract (spec/cli.md).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATA,
  ensureBuilt,
  makeTempDir,
  quarry,
  quarryJson,
  ROOT,
  type Run,
  removeDir,
  sha256,
} from './cli-harness.js';

let dir: string;
let project: string;
const TRANSCRIPT = join(DATA, 'transcripts', 'qualcoder', 'transcript.txt');

interface Info {
  schemaVersion: number;
  counts: Record<string, number>;
}
interface Doc {
  id: number;
  title: string;
  format: string;
  participant: string | null;
  chars: number;
  turns: number;
}
interface Shown {
  id: number;
  title: string;
  text: string;
  language: string | null;
  turns: { speaker: string | null; start: number; end: number; startMs: number | null; endMs: number | null }[];
}
interface ImportOut {
  imported: { file: string; documentIds: number[]; format: string }[];
  rejected: { file: string; error: string }[];
}
interface CodeOut {
  id: number;
  name: string;
  parent: string | null;
  color: string;
  excerpts: number;
}
interface ExcerptOut {
  id: number;
  documentId: number;
  start: number;
  end: number;
  text: string;
  codes: string[];
}

/** Stands for the project's path in test tables, which are built before beforeAll runs. */
const P = '<project>';
const run = (...args: string[]): Run => quarry(dir, args);
const json = <T>(...args: string[]): T => quarryJson<T>(dir, args);
const info = (path = project): Info => quarryJson<Info>(dir, ['info', path, '--json']);
const keys = (o: object) => Object.keys(o).sort();

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir();
  project = join(dir, 'study.quarry');
  const created = run('new', project, '--name', 'Checkout study');
  if (created.code !== 0) throw new Error(`quarry new failed: ${created.stderr}`);
}, 240_000);

afterAll(() => removeDir(dir));

describe('usage', () => {
  it('prints help on stdout with exit 0', () => {
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: quarry <command>');
    for (const command of ['new', 'info', 'import', 'docs', 'show', 'codes', 'code add', 'tag', 'excerpts', 'search']) {
      expect(help.stdout).toContain(command);
    }
    const tagHelp = run('tag', '--help');
    expect(tagHelp.code).toBe(0);
    expect(tagHelp.stdout).toContain('Usage: quarry tag <project> <docId> <start> <end> <code>...');
    expect(run('code', 'add', '--help').stdout).toContain('--parent NAME');
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = run('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it.each([
    [['frobnicate']],
    [[]],
    [['--bogus']],
    [['info', P, '--bogus']],
    [['docs', P, '--limit', '3']],
    [['code']],
    [['code', 'remove', P, 'x']],
    [['show', P]],
    [['show', P, 'abc']],
    [['show', P, '0']],
    [['show', P, '1', 'extra']],
    [['tag', P, '1', '-1', '4', 'X']],
    [['tag', P, '1', '0', '4']],
    [['search', P, 'x', '--limit', 'many']],
    [['export', P, '--format', 'rtf', '--out', 'x.rtf']],
    [['export', P, '--format', 'md']],
    [['insight', 'add', P, '--title', 'T']],
    [['insight', 'add', P, '--title', 'T', '--statement', 'S', '--priority', 'urgent']],
    [['insight', 'add', P, '--title', 'T', '--statement', 'S', '--evidence', '1,x']],
    [['serve', P, '--port', '70000']],
  ])('exits 2 with usage on stderr for %j', (args) => {
    // The table is built before beforeAll creates the project: P stands for its path.
    const before = sha256(project);
    const result = run(...args.map((a) => (a === P ? project : a)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: quarry/);
    expect(result.stdout).toBe('');
    expect(sha256(project)).toBe(before);
  });
});

describe('projects', () => {
  it('creates a project and reports its counts', () => {
    const fresh = join(dir, 'fresh.quarry');
    const created = json<{ path: string; name: string; schemaVersion: number }>('new', fresh, '--json');
    expect(created.path).toBe(fresh);
    expect(created.schemaVersion).toBeGreaterThanOrEqual(1);
    const facts = info(fresh);
    expect(keys(facts)).toEqual(['counts', 'schemaVersion']);
    expect(facts.schemaVersion).toBe(created.schemaVersion);
    for (const key of ['documents', 'participants', 'codes', 'excerpts', 'boards', 'cards', 'insights']) {
      expect(facts.counts[key]).toBeTypeOf('number');
    }
    expect(facts.counts.documents).toBe(0);
  });

  it('refuses to overwrite an existing file', () => {
    const before = sha256(project);
    const again = run('new', project);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(sha256(project)).toBe(before);
  });

  it('prints a readable summary without --json', () => {
    const human = run('info', project);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Checkout study');
    expect(human.stdout).toMatch(/documents\s+\d+/);
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const fake = join(dir, 'notes.quarry');
    writeFileSync(fake, 'These are my notes, not a database.\n');
    const before = sha256(fake);
    const result = run('info', fake, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a Quarry project|not a SQLite/i);
    expect(result.stdout).toBe('');
    expect(sha256(fake)).toBe(before);
  });

  it('refuses a project from a newer Quarry and leaves its bytes unchanged', () => {
    const newer = join(dir, 'newer.quarry');
    expect(run('new', newer).code).toBe(0);
    const db = new Database(newer);
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 999');
    db.close();
    const before = sha256(newer);
    for (const args of [
      ['info', newer, '--json'],
      ['docs', newer],
      ['code', 'add', newer, 'X'],
    ]) {
      const result = run(...args);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/newer version of Quarry/);
    }
    expect(sha256(newer)).toBe(before);
  });

  it('says there is no project at a missing path', () => {
    const result = run('docs', join(dir, 'nowhere.quarry'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no project at/i);
  });
});

describe('import, docs and show', () => {
  let transcriptId: number;

  it('imports files and folders and reports them in the documented shape', () => {
    const folder = join(dir, 'batch');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    mkdirSync(join(folder, '.hidden'));
    writeFileSync(
      join(folder, 'p01.txt'),
      'Interviewer: How was checkout?\nAnna: The coupon field was hidden.\nInterviewer: Anything else?\nAnna: Shipping costs were a surprise.\n',
    );
    writeFileSync(join(folder, 'nested', 'p02.md'), '# Notes\n\nBob said shipping costs surprised him.\n');
    writeFileSync(join(folder, '.hidden', 'secret.txt'), 'should not be imported');
    writeFileSync(join(folder, '.DS_Store'), 'junk');

    const out = json<ImportOut>('import', project, TRANSCRIPT, folder, '--json');
    expect(keys(out)).toEqual(['duplicates', 'imported', 'rejected']);
    expect(out.rejected).toEqual([]);
    expect(out.imported.map((r) => r.file)).toEqual([
      TRANSCRIPT,
      join(folder, 'nested', 'p02.md'),
      join(folder, 'p01.txt'),
    ]);
    for (const entry of out.imported) {
      expect(keys(entry)).toEqual(['documentIds', 'file', 'format']);
      expect(entry.documentIds.length).toBeGreaterThan(0);
    }
    expect(out.imported.map((r) => r.format)).toEqual(['txt', 'md', 'txt']);
    transcriptId = out.imported[0]?.documentIds[0] ?? 0;
    expect(info().counts.documents).toBe(3);
  });

  it('lists documents in the documented shape', () => {
    const docs = json<Doc[]>('docs', project, '--json');
    expect(docs).toHaveLength(3);
    for (const doc of docs) expect(keys(doc)).toEqual(['chars', 'format', 'id', 'participant', 'title', 'turns']);
    const transcript = docs.find((d) => d.id === transcriptId);
    expect(transcript?.chars).toBeGreaterThan(500);
    const human = run('docs', project);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^ID\s+FORMAT/m);
  });

  it('shows a document with its text and turns', () => {
    const doc = json<Shown>('show', project, String(transcriptId), '--json');
    expect(keys(doc)).toEqual(['id', 'language', 'text', 'title', 'turns']);
    expect(doc.id).toBe(transcriptId);
    expect(doc.text).toContain('I am struggling with the lecture slides');
    expect(doc.text).not.toContain('\r');
    for (const turn of doc.turns) {
      expect(keys(turn)).toEqual(['end', 'endMs', 'speaker', 'start', 'startMs']);
      expect(turn.end).toBeGreaterThanOrEqual(turn.start);
      expect(turn.end).toBeLessThanOrEqual(doc.text.length);
    }
  });

  it('finds a speaker turn in a Name: transcript', () => {
    const docs = json<Doc[]>('docs', project, '--json');
    const p01 = docs.find((d) => d.title.includes('p01'));
    expect(p01).toBeDefined();
    const doc = json<Shown>('show', project, String(p01?.id), '--json');
    expect(doc.turns.map((t) => t.speaker)).toContain('Anna');
  });

  it('assigns imported documents to --participant', () => {
    const file = join(dir, 'p07.txt');
    writeFileSync(
      file,
      'Interviewer: Which step was slow?\nDana: The address form.\nInterviewer: Why?\nDana: It reset.\n',
    );
    const out = json<ImportOut>('import', project, file, '--participant', 'P07', '--json');
    const id = out.imported[0]?.documentIds[0];
    const docs = json<Doc[]>('docs', project, '--json');
    expect(docs.find((d) => d.id === id)?.participant).toBe('P07');
  });

  it('fails with exit 1 for an unknown document id', () => {
    const result = run('show', project, '9999', '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/9999|not found|no document/i);
    expect(result.stdout).toBe('');
  });

  it('rejects missing, empty and binary files with exit 3, imports the rest, and leaves no trace of them', () => {
    const before = info().counts;
    const empty = join(dir, 'empty.txt');
    const binary = join(dir, 'photo.txt');
    const good = join(dir, 'good.txt');
    const missing = join(dir, 'missing.txt');
    writeFileSync(empty, '');
    writeFileSync(
      binary,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0, 1, 2, 3, 0]),
    );
    writeFileSync(good, 'Carla: I paid with PayPal because the card form failed.\n');

    const result = run('import', project, missing, empty, binary, good, '--json');
    expect(result.code).toBe(3);
    const out = JSON.parse(result.stdout) as ImportOut;
    expect(out.imported.map((r) => r.file)).toEqual([good]);
    expect(out.rejected.map((r) => r.file).sort()).toEqual([binary, empty, missing].sort());
    for (const rejection of out.rejected) {
      expect(rejection.error.length).toBeGreaterThan(5);
      expect(result.stderr).toContain(rejection.file);
    }
    const after = info().counts;
    expect(after.documents).toBe((before.documents ?? 0) + 1);
  });

  it('rejects everything with exit 3 and changes nothing when every file is bad', () => {
    const before = info().counts;
    const empty = join(dir, 'empty2.txt');
    writeFileSync(empty, '');
    const emptyFolder = join(dir, 'empty-folder');
    mkdirSync(emptyFolder);
    const result = run('import', project, empty, emptyFolder);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(empty);
    expect(result.stderr).toContain(emptyFolder);
    expect(info().counts).toEqual(before);
  });
});

describe('codes, tagging and excerpts', () => {
  let docId: number;
  let text: string;

  beforeAll(() => {
    const docs = json<Doc[]>('docs', project, '--json');
    const transcript = docs.find((d) => d.chars > 500);
    docId = transcript?.id ?? 0;
    text = json<Shown>('show', project, String(docId), '--json').text;
  });

  it('adds codes, nested ones by parent name, and lists them in the documented shape', () => {
    const pain = json<CodeOut>('code', 'add', project, 'Pain points', '--color', '#CC3311', '--json');
    expect(keys(pain)).toEqual(['color', 'excerpts', 'id', 'name', 'parent']);
    expect(pain.color.toLowerCase()).toBe('#cc3311');
    expect(run('code', 'add', project, 'Workload', '--parent', 'Pain points').code).toBe(0);
    expect(run('code', 'add', project, 'Praise', '--description', 'Positive remarks').code).toBe(0);
    // The same name under two parents: needs a path to be told apart.
    expect(run('code', 'add', project, 'Slides', '--parent', 'Pain points').code).toBe(0);
    expect(run('code', 'add', project, 'Slides', '--parent', 'Praise').code).toBe(0);

    const codes = json<CodeOut[]>('codes', project, '--json');
    for (const code of codes) expect(keys(code)).toEqual(['color', 'excerpts', 'id', 'name', 'parent']);
    expect(codes.find((c) => c.name === 'Workload')?.parent).toBe('Pain points');
    expect(
      codes
        .filter((c) => c.name === 'Slides')
        .map((c) => c.parent)
        .sort(),
    ).toEqual(['Pain points', 'Praise']);
    expect(codes.find((c) => c.name === 'Praise')?.parent).toBeNull();

    const human = run('codes', project);
    expect(human.stdout).toMatch(/^Pain points/m);
    expect(human.stdout).toMatch(/^ {2}Workload/m);
  });

  it('fails with exit 1 when --parent names no code, and adds nothing', () => {
    const before = info().counts.codes;
    const result = run('code', 'add', project, 'Orphan', '--parent', 'Nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no code named "Nope"/);
    expect(info().counts.codes).toBe(before);
  });

  it('rejects a bad colour with exit 1', () => {
    const result = run('code', 'add', project, 'Teal', '--color', 'teal');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/#RRGGBB/);
  });

  it('tags a span and returns the excerpt id and exact text', () => {
    const phrase = 'I am struggling with the lecture slides';
    const start = text.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    const end = start + phrase.length;
    const tagged = json<{ excerptId: number; text: string }>(
      'tag',
      project,
      String(docId),
      String(start),
      String(end),
      'Workload',
      'Pain points/Slides',
      '--memo',
      'first pass',
      '--json',
    );
    expect(keys(tagged)).toEqual(['excerptId', 'text']);
    expect(tagged.text).toBe(phrase);

    const excerpts = json<ExcerptOut[]>('excerpts', project, '--json');
    const excerpt = excerpts.find((e) => e.id === tagged.excerptId);
    expect(excerpt).toBeDefined();
    expect(keys(excerpt as ExcerptOut)).toEqual(['codes', 'documentId', 'end', 'id', 'start', 'text']);
    expect(excerpt).toMatchObject({ documentId: docId, start, end, text: phrase });
    expect(excerpt?.codes.sort()).toEqual(['Slides', 'Workload']);
  });

  it('filters excerpts by code and by document', () => {
    const second = 'It really helped me';
    const start = text.indexOf(second);
    expect(run('tag', project, String(docId), String(start), String(start + second.length), 'Praise').code).toBe(0);
    const praise = json<ExcerptOut[]>('excerpts', project, '--code', 'Praise', '--json');
    expect(praise.map((e) => e.text)).toEqual([second]);
    const workload = json<ExcerptOut[]>('excerpts', project, '--code', 'Workload', '--json');
    expect(workload.map((e) => e.text)).toEqual(['I am struggling with the lecture slides']);
    expect(json<ExcerptOut[]>('excerpts', project, '--doc', String(docId), '--json')).toHaveLength(2);
    const codes = json<CodeOut[]>('codes', project, '--json');
    expect(codes.find((c) => c.name === 'Workload')?.excerpts).toBe(1);
  });

  it.each([
    ['an unknown document', ['9999', '0', '5', 'Workload'], /9999|document/i],
    ['offsets past the end', ['DOC', '0', '999999', 'Workload'], /offset|range|end|length|beyond/i],
    ['start after end', ['DOC', '20', '10', 'Workload'], /offset|range|start|end/i],
    ['an unknown code', ['DOC', '0', '5', 'No such code'], /no code named "No such code"/],
    [
      'an ambiguous code name',
      ['DOC', '0', '5', 'Slides'],
      /Pain points\/Slides.*Praise\/Slides|Praise\/Slides.*Pain points\/Slides/,
    ],
  ])('fails with exit 1 and writes nothing for %s', (_what, args, message) => {
    const before = info().counts;
    const result = run('tag', project, ...args.map((a) => (a === 'DOC' ? String(docId) : a)), '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(info().counts).toEqual(before);
  });

  it('fails with exit 1 for an unknown --code filter', () => {
    const result = run('excerpts', project, '--code', 'Nope', '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no code named/);
  });
});

describe('insights, search and export', () => {
  it('adds an insight with evidence and lists it in the documented shape', () => {
    const excerpts = json<ExcerptOut[]>('excerpts', project, '--json');
    const evidence = excerpts.map((e) => e.id);
    const added = json<{ insightId: number }>(
      'insight',
      'add',
      project,
      '--title',
      'Slides overwhelm students',
      '--statement',
      'Busy slides make students switch off.',
      '--evidence',
      evidence.join(','),
      '--priority',
      'high',
      '--json',
    );
    expect(keys(added)).toEqual(['insightId']);
    const insights = json<{ id: number; evidence: number[]; participants: number }[]>('insights', project, '--json');
    const insight = insights.find((i) => i.id === added.insightId);
    expect(insight).toBeDefined();
    expect(keys(insight as object)).toEqual(['evidence', 'id', 'participants', 'statement', 'title']);
    expect(insight?.evidence.sort()).toEqual([...evidence].sort());
    expect(insight?.participants).toBeTypeOf('number');
  });

  it('fails with exit 1 for evidence that does not exist', () => {
    const before = info().counts.insights;
    const result = run('insight', 'add', project, '--title', 'T', '--statement', 'S', '--evidence', '9999');
    expect(result.code).toBe(1);
    expect(info().counts.insights).toBe(before);
  });

  it('searches and returns offsets that point at the match', () => {
    const hits = json<{ documentId: number; start: number; end: number; snippet: string }[]>(
      'search',
      project,
      'coupon',
      '--limit',
      '5',
      '--json',
    );
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(keys(hit)).toEqual(['documentId', 'end', 'snippet', 'start']);
    const hit = hits[0];
    const doc = json<Shown>('show', project, String(hit?.documentId), '--json');
    expect(doc.text.slice(hit?.start, hit?.end).toLowerCase()).toContain('coupon');
    expect(json<unknown[]>('search', project, 'zzzxqqnotaword', '--json')).toEqual([]);
  });

  it('exports a Markdown report atomically to --out', () => {
    const out = join(dir, 'reports', 'report.md');
    mkdirSync(join(dir, 'reports'));
    const result = run('export', project, '--format', 'md', '--out', out);
    expect(result.code).toBe(0);
    const report = readFileSync(out, 'utf8');
    expect(report).toContain('Workload');
    expect(report).toContain('I am struggling with the lecture slides');
    const html = join(dir, 'reports', 'report.html');
    expect(run('export', project, '--format', 'html', '--out', html, '--redact').code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/<html/i);
  });

  it('lists only the formats it writes, and refuses any other as a usage error (exit 2) writing nothing', () => {
    const help = run('export', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format md|html|pdf|docx|pptx|csv|xlsx|qdpx|qdc ');
    expect(help.stdout).not.toMatch(/rtf|odt/);
    const folder = join(dir, 'rtf-out');
    mkdirSync(folder);
    const out = join(folder, 'report.rtf');
    const result = run('export', project, '--format', 'rtf', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--format must be one of md, html, pdf, docx, pptx, csv, xlsx, qdpx, qdc (got "rtf")',
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it('fails with exit 1 and writes no file when the folder does not exist', () => {
    const result = run('export', project, '--format', 'md', '--out', join(dir, 'no', 'such', 'report.md'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not exist/);
  });
});
