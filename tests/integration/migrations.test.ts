/**
 * Migrations as history: the fixture projects in tests/fixtures/projects were written by the
 * Quarry builds of schema v1, v2, v3, v6 and v7 (tests/fixtures/projects/build.sh). Each opens with its
 * data, is backed up before it is migrated, and ends with the same schema as a new project.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type QuarryApp } from '../../core/app.js';
import type { MetricId } from '../../core/contract/measures-types.js';
import type { BoardId, CodeId, DocumentId, GroupId } from '../../core/contract/types.js';
import { APPLICATION_ID, createProjectDb, migrate } from '../../db/connection.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations/index.js';
import { Repositories } from '../../db/repositories/index.js';
import { tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'projects');
const VERSIONS = [1, 2, 3, 6, 7] as const;

const apps: QuarryApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

/** A copy of fixture vN in a temp dir (the committed file is never opened for writing). */
function fixtureCopy(version: number): { dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, `study-v${version}.quarry`);
  copyFileSync(join(FIXTURES, `v${version}.quarry`), path);
  return { dir, path };
}

/** sqlite_master as comparable rows: every table, index and trigger with its SQL, whitespace folded. */
function schemaOf(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (
      db.prepare(`SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master ORDER BY type, name`).all() as {
        type: string;
        name: string;
        tbl: string;
        sql: string | null;
      }[]
    ).map((r) => `${r.type} ${r.name} ON ${r.tbl}: ${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`);
  } finally {
    db.close();
  }
}

function header(path: string): { version: number; applicationId: number } {
  const bytes = readFileSync(path).subarray(0, 100);
  return { version: bytes.readUInt32BE(60), applicationId: bytes.readUInt32BE(68) };
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… with no gap, the last one being the schema this build writes', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.description.trim()).not.toBe('');
  });

  it('import no live domain code (only their frozen copies and each other)', () => {
    const dir = join(ROOT, 'db', 'migrations');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(MIGRATIONS.length);
    for (const f of files) {
      const source = readFileSync(join(dir, f), 'utf8');
      const imports = [...source.matchAll(/^import[^;]*?from '([^']+)'/gms)].map((m) => m[1]);
      const outside = imports.filter((i) => i?.startsWith('..') || (!i?.startsWith('.') && i !== 'better-sqlite3'));
      expect({ file: f, outside }).toEqual({ file: f, outside: [] });
    }
  });

  it('have fixtures written by every earlier schema version, committed as those builds wrote them', () => {
    for (const version of VERSIONS) {
      // Builds before schema 6 did not stamp the application id yet.
      const applicationId = version < 6 ? 0 : 0x51525259;
      expect(header(join(FIXTURES, `v${version}.quarry`))).toEqual({ version, applicationId });
    }
    // A new schema version needs a fixture of the one before it, written by the last build that
    // wrote it. Versions 4 and 5 never landed on their own (4, 5 and 6 arrived in one build),
    // so no file of theirs can exist outside development.
    const NEVER_LANDED = [4, 5];
    const covered = new Set([...VERSIONS, ...NEVER_LANDED]);
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(covered.has(v), `a v${v} fixture`).toBe(true);
  });

  for (const version of VERSIONS) {
    it(`opens a v${version} file with its documents, codes, excerpts, memos and board`, async () => {
      const { dir, path } = fixtureCopy(version);
      const app = createApp({ configDir: join(dir, 'cfg'), coderName: 'Reader' });
      apps.push(app);
      const call = app.dispatcher.call.bind(app.dispatcher) as QuarryApp['dispatcher']['call'];
      const info = await call('project.open', { path });
      expect(info).toMatchObject({ name: 'Fixture study', schemaVersion: SCHEMA_VERSION });
      expect(info.counts).toMatchObject({ documents: 3, codes: 4, excerpts: 4, boards: 1, cards: 5 });

      const codes = await call('codes.list', {});
      expect(codes.map((c) => c.name).sort()).toEqual(['Coupon friction', 'Friction', 'Price 💶', '配送速度']);
      const excerpts = await call('excerpts.list', {});
      expect(excerpts.map((e) => e.text).sort()).toEqual(
        ['The coupon field was hidden', 'The price changed at the last step 😕', '价格太贵了', '配送很快'].sort(),
      );
      // Search works on the migrated indexes, CJK included, with exact offsets.
      const zh = (await call('documents.list', {})).find((d) => d.title.startsWith('p02'));
      const zhText = (await call('documents.get', { id: zh?.id as DocumentId })).text;
      const hits = await call('search.query', { query: '价格' });
      expect(hits.filter((h) => h.documentId === zh?.id).map((h) => zhText.slice(h.start, h.end))).toEqual([
        '价格',
        '价格',
      ]);
      expect((await call('search.query', { query: 'coupon' })).length).toBeGreaterThan(0);
      // Memos: v1 had no memo method (only the excerpt memo); later builds add two more.
      const memos = await call('memos.list', {});
      expect(memos.length).toBe(version === 1 ? 1 : 3);
      if (version > 1) expect((await call('search.memos', { query: '价格' })).length).toBe(1);
      const [board] = await call('boards.list', {});
      const detail = await call('boards.get', { id: board?.id as BoardId });
      expect(detail.groups.map((g) => g.name).sort()).toEqual(['Good', 'Pain points']);
      expect(detail.cards).toHaveLength(5);
      // Still writable, as the researcher's coder.
      await call('codes.add', { name: 'Added after migration' });
      app.close();

      expect(header(path)).toEqual({ version: SCHEMA_VERSION, applicationId: APPLICATION_ID });
      const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'));
      if (version < SCHEMA_VERSION) {
        // The copy taken before migrating is the old file, as it was.
        expect(backups).toEqual([`study-v${version}.quarry.v${version}.bak`]);
        const backup = join(dir, backups[0] as string);
        // Builds before schema 6 did not stamp the application id; the backup is the file as it was.
        expect(header(backup)).toEqual({ version, applicationId: version < 6 ? 0 : APPLICATION_ID });
        expect(schemaOf(backup)).toEqual(schemaOf(join(FIXTURES, `v${version}.quarry`)));
        const old = new Database(backup, { readonly: true });
        expect(old.prepare('SELECT count(*) AS n FROM codes').get()).toEqual({ n: 4 });
        old.close();
      } else {
        expect(backups).toEqual([]);
      }
    });

    it(`gives a migrated v${version} file the same schema as a new project`, async () => {
      const { dir, path } = fixtureCopy(version);
      const app = createApp({ configDir: join(dir, 'cfg') });
      await app.dispatcher.call('project.open', { path });
      app.close();
      const fresh = join(dir, 'fresh.quarry');
      createProjectDb(fresh).close();
      expect(schemaOf(path)).toEqual(schemaOf(fresh));
    });
  }

  it("keeps a v7 file's measure values (no task yet) and reads them through the v8 views", async () => {
    const { dir, path } = fixtureCopy(7);
    const app = createApp({ configDir: join(dir, 'cfg') });
    apps.push(app);
    const [nps] = await app.dispatcher
      .call('project.open', { path })
      .then(() => app.dispatcher.call('metrics.list', {}));
    expect(nps?.rounds.map((r) => [r.round, r.n])).toEqual([
      ['R1', 3],
      ['R2', 3],
    ]);
    app.close();
    const db = new Database(path, { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT metric, kind, study, round, participant, segment, task, value FROM v_metric_values ORDER BY value_id`,
        )
        .all();
      expect(rows[0]).toEqual({
        metric: 'NPS',
        kind: 'nps',
        study: 'Checkout',
        round: 'R1',
        participant: 'P01',
        segment: 'DE',
        task: null,
        value: 9,
      });
      expect(rows).toHaveLength(6);
      const excerpts = db.prepare(`SELECT text, codes FROM v_excerpts ORDER BY excerpt_id`).all();
      expect(excerpts).toContainEqual({ text: 'The price changed at the last step 😕', codes: 'Friction; Price 💶' });
      expect(db.prepare(`SELECT count(*) AS n FROM v_codings`).get()).toEqual({ n: 5 });
    } finally {
      db.close();
    }
  });

  it('keeps an earlier backup: a second migration of the same version gets its own name', async () => {
    const { dir, path } = fixtureCopy(1);
    copyFileSync(path, join(dir, 'again.quarry'));
    const first = createApp({ configDir: join(dir, 'cfg') });
    await first.dispatcher.call('project.open', { path });
    first.close();
    copyFileSync(join(FIXTURES, 'v1.quarry'), path);
    const second = createApp({ configDir: join(dir, 'cfg') });
    await second.dispatcher.call('project.open', { path });
    second.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([
      'study-v1.quarry.v1-2.bak',
      'study-v1.quarry.v1.bak',
    ]);
  });
});

/** EXPLAIN QUERY PLAN of `sql`, one detail line per step; parameters are bound as 1. */
function plan(db: Database.Database, sql: string): string[] {
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  for (let n = 0; n < 20; n++) {
    try {
      return (stmt.all(...Array(n).fill(1)) as { detail: string }[]).map((r) => r.detail);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
    }
  }
  throw new Error(`could not bind the parameters of ${sql}`);
}

describe('query plans of the hot queries', () => {
  /** Runs `work` on a migrated fixture and returns the SQL it prepared (the repositories' statement cache). */
  function preparedBy(work: (repos: Repositories) => void): { db: Database.Database; sql: string[] } {
    const { dir } = fixtureCopy(3);
    const path = join(dir, 'plans.quarry');
    copyFileSync(join(dir, 'study-v3.quarry'), path);
    const db = new Database(path);
    migrate(db);
    const repos = new Repositories(db);
    work(repos);
    const cache = (repos as unknown as { sql: { cache: Map<string, unknown> } }).sql.cache;
    return { db, sql: [...cache.keys()] };
  }

  const cases: { name: string; run: (r: Repositories) => void; table: RegExp; index: RegExp }[] = [
    {
      name: 'excerpts of a document',
      run: (r) => r.excerpts.list({ documentId: 1 as DocumentId }),
      table: /FROM excerpts e/,
      index: /SEARCH e USING INDEX excerpts_document \(document_id=\?\)/,
    },
    {
      name: 'excerpts with a code',
      run: (r) => r.excerpts.list({ codeId: 1 as CodeId }),
      table: /FROM excerpts e/,
      index: /SEARCH g USING (COVERING )?INDEX codings_code \(code_id=\?\)/,
    },
    {
      name: 'cards of a group',
      run: (r) => r.boards.cardKeysIn(1 as BoardId, 1 as GroupId),
      table: /FROM cards WHERE board_id = \?/,
      index: /SEARCH cards USING (COVERING )?INDEX cards_order \(board_id=\? AND group_id=\?/,
    },
    {
      name: 'search segments of an owner',
      run: (r) => r.search.segmentsOf('document', 1),
      table: /FROM search_segments WHERE owner_kind = \?/,
      index: /SEARCH search_segments USING INDEX search_segments_owner \(owner_kind=\? AND owner_id=\?\)/,
    },
    {
      name: 'links of a measure',
      run: (r) => r.metrics.links(1 as MetricId),
      table: /FROM links l/,
      index: /SEARCH l USING (COVERING )?INDEX links_to \(to_kind=\? AND to_id=\?\)/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: an index search, no table scan`, () => {
      const { db, sql } = preparedBy(c.run);
      try {
        const hot = sql.filter((s) => c.table.test(s));
        expect(hot.length).toBeGreaterThan(0);
        for (const s of hot) {
          const steps = plan(db, s);
          expect(steps.join('\n')).toMatch(c.index);
          expect(steps.filter((d) => /^SCAN (e|g|cards|search_segments)\b/.test(d))).toEqual([]);
        }
      } finally {
        db.close();
      }
    });
  }
});
