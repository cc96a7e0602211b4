/**
 * Turns the code names people type into code ids. A name that is unique resolves directly;
 * a `Parent/Child` path (any trailing part of the full path) picks among codes that share a
 * name. Anything unknown or ambiguous is a failure that lists what would work.
 */
import type { Code, CodeId } from '../core/contract/types.js';
import { CliError } from './errors.js';

export function codePath(code: Code, byId: Map<number, Code>): string {
  const parts = [code.name];
  const seen = new Set<number>([code.id]);
  let parentId = code.parentId;
  while (parentId !== null) {
    const parent = byId.get(parentId);
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    parts.unshift(parent.name);
    parentId = parent.parentId;
  }
  return parts.join('/');
}

export interface CodeIndex {
  resolve(nameOrPath: string): Code;
  pathOf(code: Code): string;
}

export function indexCodes(codes: Code[]): CodeIndex {
  const byId = new Map<number, Code>(codes.map((c) => [c.id, c]));
  const paths = new Map<number, string>(codes.map((c) => [c.id, codePath(c, byId)]));
  const pathOf = (code: Code) => paths.get(code.id) ?? code.name;

  function resolve(raw: string): Code {
    const wanted = raw.trim();
    const byName = codes.filter((c) => c.name === wanted);
    if (byName.length === 1 && byName[0]) return byName[0];
    if (byName.length > 1) throw ambiguous(wanted, byName.map(pathOf));

    const byPath = codes.filter((c) => {
      const path = pathOf(c);
      return path === wanted || path.endsWith(`/${wanted}`);
    });
    if (byPath.length === 1 && byPath[0]) return byPath[0];
    if (byPath.length > 1) throw ambiguous(wanted, byPath.map(pathOf));

    const lower = wanted.toLowerCase();
    const similar = codes
      .filter((c) => c.name.toLowerCase() === lower || c.name.toLowerCase().includes(lower))
      .map(pathOf)
      .slice(0, 5);
    const hint =
      similar.length > 0
        ? ` Did you mean: ${similar.map((s) => `"${s}"`).join(', ')}?`
        : codes.length === 0
          ? ' The codebook is empty.'
          : '';
    throw new CliError(
      `There is no code named "${wanted}".${hint} List codes with "quarry codes", or add it with "quarry code add".`,
    );
  }

  return { resolve, pathOf };
}

function ambiguous(name: string, paths: string[]): CliError {
  return new CliError(
    `More than one code is named "${name}": ${paths.map((p) => `"${p}"`).join(', ')}. Give the path instead, e.g. "${paths[0]}".`,
  );
}

export function codeIds(index: CodeIndex, names: string[]): CodeId[] {
  return names.map((n) => index.resolve(n).id);
}
