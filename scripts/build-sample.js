#!/usr/bin/env node
/**
 * Builds the bundled sample project: `node scripts/build-sample.js [out.quarry] [--force]`.
 * The default output, resources/sample.quarry, is generated (git-ignored), so `npm start`
 * and the desktop shell can create it on demand. Needs the node build (npm run build:node).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const usage = 'Usage: node scripts/build-sample.js [out.quarry] [--force]';

const args = process.argv.slice(2);
const force = args.includes('--force');
const positional = args.filter((a) => a !== '--force');
const unknown = positional.filter((a) => a.startsWith('-'));
if (unknown.length > 0 || positional.length > 1 || args.includes('--help')) {
  console.error(unknown.length > 0 ? `Unknown option ${unknown[0]}.\n${usage}` : usage);
  process.exit(2);
}
const out = resolve(positional[0] ?? join(root, 'resources', 'sample.quarry'));

const built = join(root, 'dist', 'core', 'sample', 'build.js');
if (!existsSync(built)) {
  console.error(`The sample builder is not compiled yet (${built} is missing). Run "npm run build:node" first.`);
  process.exit(1);
}
const { buildSampleProject } = await import(pathToFileURL(built).href);

try {
  const summary = await buildSampleProject(out, { overwrite: force });
  const c = summary.counts;
  console.error(
    `Built ${summary.path}: ${c.documents} documents (${summary.languages.join(', ')}), ${c.participants} participants, ` +
      `${c.codes} codes, ${c.excerpts} excerpts, ${summary.groups} board groups, ${c.cards} cards, ${c.insights} insights.`,
  );
} catch (err) {
  const hint = err?.kind === 'Conflict' ? ' Pass --force to replace it.' : '';
  console.error(`Could not build the sample project: ${err?.message ?? err}${hint}`);
  process.exit(1);
}
