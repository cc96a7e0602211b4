/**
 * WebVTT cue text → plain text with its voices, after the spec's cue text tokenizer and
 * tree-building rules (https://www.w3.org/TR/webvtt1/#cue-text-parsing-rules): tags are
 * dropped, character references decoded, `<v Name>` spans name their speaker, inline
 * timestamps are dropped, and ruby annotations (`<rt>`) are left out of the text — a
 * transcript wants the words once, not their reading aids.
 */
import { decodeHTML } from 'entities';

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'start'; name: string; classes: string[]; annotation: string }
  | { kind: 'end'; name: string }
  | { kind: 'timestamp' };

const WS = new Set(['\t', '\n', '\f', ' ', '\r']);

/** Decodes character references in a run of text the way the HTML tokenizer does. */
function references(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (input[i] !== '<') {
      const lt = input.indexOf('<', i);
      const end = lt === -1 ? input.length : lt;
      tokens.push({ kind: 'text', text: references(input.slice(i, end)) });
      i = end;
      continue;
    }
    i++; // '<'
    let result = '';
    let buffer = '';
    const classes: string[] = [];
    let state: 'tag' | 'start' | 'class' | 'annotation' | 'end' | 'timestamp' = 'tag';
    let done = false;
    while (!done) {
      const ch = input[i];
      switch (state) {
        case 'tag':
          if (ch === undefined) {
            tokens.push({ kind: 'start', name: '', classes, annotation: '' });
            done = true;
          } else if (WS.has(ch)) {
            state = 'annotation';
            i++;
          } else if (ch === '.') {
            state = 'class';
            i++;
          } else if (ch === '/') {
            state = 'end';
            i++;
          } else if (ch >= '0' && ch <= '9') {
            result += ch;
            state = 'timestamp';
            i++;
          } else if (ch === '>') {
            i++;
            tokens.push({ kind: 'start', name: '', classes, annotation: '' });
            done = true;
          } else {
            result += ch;
            state = 'start';
            i++;
          }
          break;
        case 'start':
          if (ch === undefined || ch === '>') {
            if (ch === '>') i++;
            tokens.push({ kind: 'start', name: result, classes, annotation: '' });
            done = true;
          } else if (WS.has(ch)) {
            state = 'annotation';
            i++;
          } else if (ch === '.') {
            state = 'class';
            i++;
          } else {
            result += ch;
            i++;
          }
          break;
        case 'class':
          if (ch === undefined || ch === '>') {
            classes.push(buffer);
            buffer = '';
            if (ch === '>') i++;
            tokens.push({ kind: 'start', name: result, classes, annotation: '' });
            done = true;
          } else if (WS.has(ch)) {
            classes.push(buffer);
            buffer = '';
            state = 'annotation';
            i++;
          } else if (ch === '.') {
            classes.push(buffer);
            buffer = '';
            i++;
          } else {
            buffer += ch;
            i++;
          }
          break;
        case 'annotation':
          if (ch === undefined || ch === '>') {
            if (ch === '>') i++;
            const annotation = references(buffer)
              .trim()
              .replace(/[\t\n\f\r ]+/g, ' ');
            tokens.push({ kind: 'start', name: result, classes, annotation });
            done = true;
          } else {
            buffer += ch;
            i++;
          }
          break;
        case 'end':
          if (ch === undefined || ch === '>') {
            if (ch === '>') i++;
            tokens.push({ kind: 'end', name: result });
            done = true;
          } else {
            result += ch;
            i++;
          }
          break;
        case 'timestamp':
          if (ch === undefined || ch === '>') {
            if (ch === '>') i++;
            tokens.push({ kind: 'timestamp' });
            done = true;
          } else {
            result += ch;
            i++;
          }
          break;
      }
    }
  }
  return tokens;
}

const ELEMENTS = new Set(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang']);

export interface CueRun {
  text: string;
  /** The `<v>` annotation around this text (may be ''), or null outside any voice span. */
  voice: string | null;
}

interface Node {
  name: string;
  annotation: string;
  parent: Node | null;
}

/** Cue text as runs of plain text, each with the voice it was spoken in. */
export function cueRuns(text: string): CueRun[] {
  const root: Node = { name: '', annotation: '', parent: null };
  let current = root;
  const runs: CueRun[] = [];
  const voiceOf = (node: Node): string | null => {
    for (let n: Node | null = node; n; n = n.parent) if (n.name === 'v') return n.annotation;
    return null;
  };
  const inRt = (node: Node): boolean => {
    for (let n: Node | null = node; n; n = n.parent) if (n.name === 'rt') return true;
    return false;
  };
  for (const token of tokenize(text)) {
    if (token.kind === 'text') {
      if (inRt(current)) continue;
      const voice = voiceOf(current);
      const last = runs[runs.length - 1];
      if (last && last.voice === voice) last.text += token.text;
      else runs.push({ text: token.text, voice });
    } else if (token.kind === 'start') {
      if (!ELEMENTS.has(token.name)) continue;
      if (token.name === 'rt' && current.name !== 'ruby') continue;
      current = { name: token.name, annotation: token.annotation, parent: current };
    } else if (token.kind === 'end') {
      if (token.name === current.name && current.parent) current = current.parent;
      else if (token.name === 'ruby' && current.name === 'rt' && current.parent?.parent)
        current = current.parent.parent;
    }
  }
  return runs.filter((r) => r.text.length > 0);
}

/** The cue's plain text: tags gone, references decoded, ruby annotations left out. */
export function cuePlainText(text: string): string {
  return cueRuns(text)
    .map((r) => r.text)
    .join('');
}
