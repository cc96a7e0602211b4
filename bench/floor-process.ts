/**
 * The floor as a whole process, for the bench's whole-process figures: what a bare
 * better-sqlite3 program pays to do the same work as `quarry import` and `quarry search`.
 *
 *   node dist/bench/floor-process.js import <floor.sqlite> <file>...
 *   node dist/bench/floor-process.js search <project.quarry> <words|trigrams|cjk> <fts5 expression> <limit>
 *
 * The search runs Quarry's own repository statement (bench/floor.ts); the expression is
 * planned by the parent, so this process loads only better-sqlite3 and that statement.
 */
import { basename } from 'node:path';
import { openFloor } from './floor.js';

const [command, path, ...rest] = process.argv.slice(2);
if (command === 'import' && path) {
  const floor = openFloor(path, { create: true });
  for (const file of rest) floor.importFile(file, basename(file));
  floor.close();
  process.stdout.write(`${rest.length}\n`);
} else if (command === 'search' && path && rest.length === 3) {
  const [index, expression, limit] = rest as ['words' | 'trigrams' | 'cjk', string, string];
  const floor = openFloor(path, { readonly: true });
  process.stdout.write(`${floor.match(index, expression, Number(limit))}\n`);
  floor.close();
} else {
  process.stderr.write('Usage: floor-process.js import <db> <file>... | search <db> <index> <expression> <limit>\n');
  process.exitCode = 2;
}
