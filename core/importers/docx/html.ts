/**
 * mammoth's HTML → readable text. Paragraphs and headings are blocks separated by a blank
 * line; list items are lines with "• " or "1. " (nested ones indented); a table row is one
 * line with its cells separated by " | "; footnotes and endnotes are gathered separately so
 * they can be appended under a "Notes" heading. Images are dropped.
 */
import { decodeHTML } from 'entities';

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = El | string;

const VOID = new Set(['br', 'img', 'hr']);

function parse(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const re = /<(\/?)([a-zA-Z0-9]+)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    const top = stack[stack.length - 1] as El;
    if (m[5] !== undefined) {
      top.children.push(decodeHTML(m[5]));
      continue;
    }
    const tag = (m[2] as string).toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([^\s=]+)="([^"]*)"/g)) attrs[a[1] as string] = decodeHTML(a[2] as string);
    const el: El = { tag, attrs, children: [] };
    top.children.push(el);
    if (!VOID.has(tag) && !m[4]) stack.push(el);
  }
  return root;
}

/** Note id → the label its reference shows in the body ("[1]"); mammoth numbers endnotes by id. */
let noteLabels = new Map<string, string>();

function inline(node: Node): string {
  if (typeof node === 'string') return node;
  const ref = /^#((?:footnote|endnote)-\d+)$/.exec(node.attrs.href ?? '');
  if (node.tag === 'a' && ref) noteLabels.set(ref[1] as string, node.children.map(inline).join(''));
  if (node.tag === 'br') return '\n';
  if (node.tag === 'img') return '';
  // The "↑" back-link mammoth puts at the end of each note.
  if (node.tag === 'a' && (node.attrs.href ?? '').match(/^#(footnote|endnote)-ref-/)) return '';
  return node.children.map(inline).join('');
}

const clean = (s: string) =>
  s
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim();

function isNoteList(el: El): boolean {
  return (
    el.tag === 'ol' && el.children.some((c) => typeof c !== 'string' && /^(footnote|endnote)-/.test(c.attrs.id ?? ''))
  );
}

function listLines(el: El, depth: number, out: string[]): void {
  let n = 1;
  for (const item of el.children) {
    if (typeof item === 'string' || item.tag !== 'li') continue;
    const marker = el.tag === 'ol' ? `${n++}. ` : '• ';
    const own: string[] = [];
    const nested: string[] = [];
    for (const child of item.children) {
      if (typeof child !== 'string' && (child.tag === 'ul' || child.tag === 'ol')) listLines(child, depth + 1, nested);
      else own.push(inline(child));
    }
    out.push(`${'  '.repeat(depth)}${marker}${clean(own.join(' ')).replace(/\n/g, ' ')}`.trimEnd());
    out.push(...nested);
  }
}

function tableLines(el: El, out: string[]): void {
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (['thead', 'tbody', 'tfoot'].includes(child.tag)) tableLines(child, out);
    else if (child.tag === 'tr') {
      const cells = child.children
        .filter((c): c is El => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
        .map((c) =>
          clean(c.children.map((x) => (typeof x !== 'string' && x.tag === 'table' ? '' : inline(x))).join(' ')).replace(
            /\s*\n\s*/g,
            ' ',
          ),
        );
      if (cells.some((c) => c !== '')) out.push(cells.join(' | '));
    }
  }
}

export function htmlToText(html: string): { blocks: string[]; notes: string[] } {
  const blocks: string[] = [];
  const notes: string[] = [];
  noteLabels = new Map();
  const visit = (el: El) => {
    for (const node of el.children) {
      if (typeof node === 'string') {
        if (node.trim()) blocks.push(clean(node));
        continue;
      }
      if (isNoteList(node)) {
        for (const li of node.children) {
          if (typeof li === 'string') continue;
          const id = li.attrs.id ?? '';
          const label = noteLabels.get(id) ?? `[${/\d+/.exec(id)?.[0] ?? ''}]`;
          const text = clean(li.children.map(inline).join('\n'));
          if (text) notes.push(`${label} ${text.replace(/\n+/g, ' ')}`);
        }
      } else if (node.tag === 'ul' || node.tag === 'ol') {
        const lines: string[] = [];
        listLines(node, 0, lines);
        if (lines.length) blocks.push(lines.join('\n'));
      } else if (node.tag === 'table') {
        const lines: string[] = [];
        tableLines(node, lines);
        if (lines.length) blocks.push(lines.join('\n'));
      } else if (['div', 'section', 'blockquote', 'dl', 'dd', 'dt'].includes(node.tag)) {
        visit(node);
      } else {
        const text = clean(inline(node));
        if (text) blocks.push(text);
      }
    }
  };
  visit(parse(html));
  return { blocks, notes };
}
