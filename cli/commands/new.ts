import { resolve } from 'node:path';
import { flag, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withApp } from '../project.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [path = ''] = positionals;
  const name = str(values, 'name');
  const info = await withApp((d) =>
    d.call('project.create', { path: resolve(path), ...(name !== undefined ? { name } : {}) }),
  );
  if (flag(values, 'json')) printJson({ path: info.path, name: info.name, schemaVersion: info.schemaVersion });
  else notice(`Created project "${info.name}" at ${info.path}`);
  return EXIT.ok;
}
