/**
 * better-sqlite3 12 frees a prepared statement in its ObjectWrap destructor; on Node 24.19–24.21
 * that aborts the process (SIGABRT, "Assertion failed: (env) != nullptr") when the statement is
 * garbage-collected outside a JavaScript context, as at exit. Node 24.22 fixed it; package.json
 * `engines` and the README keep those releases out, and this test (run on every Node CI uses,
 * see scripts/test-node.js) fails on a runtime that still has the bug.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-harness.js';

const SCRIPT = `
const Database = require('better-sqlite3');
const db = new Database(':memory:');
for (let i = 0; i < 100000; i++) db.prepare('SELECT ' + i).get();
db.close();
console.log('done');
`;

describe('the Node runtime with better-sqlite3', () => {
  it('exits cleanly after freeing many prepared statements', () => {
    const run = spawnSync(process.execPath, ['-e', SCRIPT], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).not.toMatch(/Assertion failed/);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('done');
  }, 90_000);
});
