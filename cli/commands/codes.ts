import type { Code } from '../../core/contract/types.js';
import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson, printLine } from '../output.js';
import { withProject } from '../project.js';
import { codeJson } from '../shapes.js';

/** Depth-first order with indentation, so the printed codebook reads as the tree it is. */
function treeLines(codes: Code[]): string[] {
  const children = new Map<number | null, Code[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const code of codes) {
    const key = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    children.set(key, [...(children.get(key) ?? []), code]);
  }
  const lines: string[] = [];
  const visit = (parent: number | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.position - b.position);
    for (const code of list) {
      lines.push(`${'  '.repeat(depth)}${code.name}  ${code.color}  (${code.excerpts}) [id ${code.id}]`);
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  return lines;
}

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const codes = await withProject(project, (d) => d.call('codes.list', {}));
  if (flag(values, 'json')) {
    printJson(codes.map(codeJson));
    return EXIT.ok;
  }
  if (codes.length === 0) {
    notice('The codebook is empty. Add a code with "quarry code add <project> <name>".');
    return EXIT.ok;
  }
  for (const line of treeLines(codes)) printLine(line);
  return EXIT.ok;
}
