/**
 * The participant label a pattern finds in a file name, shared by the import service and the
 * renderer's preview, so what the import dialog shows is what the import does.
 */

/** The part of a file name a pattern sees: long enough for any label, short enough to bound matching. */
export const MAX_STEM = 120;

/** The label a pattern finds in a file name (folders and extension left out): its first capture group, else the whole match. */
export function labelFromFileName(name: string, pattern: RegExp): string | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const stem = base.replace(/\.[^.]+$/, '').slice(0, MAX_STEM);
  const match = pattern.exec(stem);
  if (!match) return null;
  return (match[1] ?? match[0]).trim() || null;
}

/** The most unbounded repetitions (`*`, `+`, `{n,}`) a participant pattern may have. */
const MAX_REPEATS = 3;

/**
 * Why a pattern could take exponential (or high-polynomial) time on some file name, or null.
 * JavaScript's regular expressions backtrack and cannot be given a time limit, so the shapes
 * that backtrack without bound are refused up front: a repeated group that itself repeats or
 * has alternatives ((a+)+, (a|ab)*), back-references, and more than three unbounded repeats.
 * Written by hand: the libraries for this (safe-regex and kin) check star height only.
 */
export function regexRisk(source: string): string | null {
  const frames: { repeats: boolean; alternatives: boolean }[] = [{ repeats: false, alternatives: false }];
  let last: 'group-risky' | 'atom' | null = null;
  let unbounded = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const frame = frames[frames.length - 1] as { repeats: boolean; alternatives: boolean };
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return 'it uses a back-reference';
      i++;
      last = 'atom';
      continue;
    }
    if (c === '[') {
      // A character class is one atom: skip to its closing bracket.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      last = 'atom';
      continue;
    }
    if (c === '(') {
      frames.push({ repeats: false, alternatives: false });
      last = null;
      continue;
    }
    if (c === ')') {
      const closed = frames.length > 1 ? (frames.pop() as { repeats: boolean; alternatives: boolean }) : frame;
      last = closed.repeats || closed.alternatives ? 'group-risky' : 'atom';
      // What a nested group does, its enclosing group does too: ((a+)b)+ is as risky as (a+)+.
      const parent = frames[frames.length - 1];
      if (parent && parent !== closed) {
        parent.repeats ||= closed.repeats;
        parent.alternatives ||= closed.alternatives;
      }
      continue;
    }
    if (c === '|') {
      frame.alternatives = true;
      last = null;
      continue;
    }
    const braces = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i)) : null;
    if (c === '*' || c === '+' || c === '?' || braces) {
      const isUnbounded = c === '*' || c === '+' || (braces !== null && braces[2] !== undefined && braces[3] === '');
      if (last === 'group-risky') return 'it repeats a group that itself repeats or has alternatives';
      if (isUnbounded && ++unbounded > MAX_REPEATS) return `it has more than ${MAX_REPEATS} unbounded repeats`;
      frame.repeats = true;
      if (braces) i += braces[0].length - 1;
      if (source[i + 1] === '?') i++; // lazy
      last = null;
      continue;
    }
    last = 'atom';
  }
  return null;
}

/** The pattern as import compiles it (case-insensitive, Unicode), or the reason it is not one. */
export function participantPattern(source: string): RegExp | { error: string } {
  const risk = regexRisk(source);
  if (risk) {
    return {
      error: `The participant pattern "${source}" could take forever on some file names: ${risk}. Use a simpler pattern, such as p(\\d+) or ^(\\w+)_.`,
    };
  }
  try {
    return new RegExp(source, 'iu');
  } catch (err) {
    return {
      error: `The participant pattern "${source}" is not a valid regular expression: ${(err as Error).message}.`,
    };
  }
}
