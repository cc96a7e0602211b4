/**
 * `quarry search` loads only what a search needs (issue 8: CLI commands load only what they
 * need). A module hook in the child process records every module Node resolves; the search must
 * find its hits without the exporters, the importers' libraries or the services it never calls.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, makeTempDir, quarryJson, removeDir } from './cli-harness.js';

let dir: string;
let project: string;

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir('quarry-startup-');
  project = join(dir, 'p.quarry');
  quarryJson(dir, ['new', project, '--json']);
  const transcript = join(dir, 'interview.txt');
  writeFileSync(transcript, 'Interviewer: How was the delivery?\nAda (P01): The delivery was late, 配送料 too high.\n');
  quarryJson(dir, ['import', project, transcript, '--json']);
}, 180_000);
afterAll(() => removeDir(dir));

/** Runs the CLI with a resolve hook that appends every resolved URL to `log`. */
function runLogged(args: string[], log: string): { status: number | null; stdout: string; modules: string[] } {
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, found.url + '\\n');
  return found;
}`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, ...args], {
    env: { ...process.env, QUARRY_CONFIG_DIR: dir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, modules: readFileSync(log, 'utf8').trim().split('\n') };
}

describe('quarry search at start-up', () => {
  it('finds its hits without loading exporters, importers or unrelated services', () => {
    const run = runLogged(['search', project, 'delivery', '--json'], join(dir, 'search.log'));
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBeGreaterThan(0);
    const loaded = run.modules.join('\n');
    // It did load what a search needs, so the log is real.
    expect(loaded).toMatch(/core\/services\/search\.js/);
    expect(loaded).toMatch(/better-sqlite3/);
    for (const heavy of [
      'exceljs',
      'docx/',
      'pptxgenjs',
      'echarts',
      'mammoth',
      'papaparse',
      'marked',
      'fast-xml-parser',
    ]) {
      expect(loaded, heavy).not.toContain(`node_modules/${heavy}`);
    }
    for (const service of ['boards', 'insights', 'hypotheses', 'exporting', 'importing', 'measures', 'analysis']) {
      expect(loaded, service).not.toMatch(new RegExp(`core/services/${service}\\.js`));
    }
  }, 90_000);
});
