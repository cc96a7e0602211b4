/**
 * Coded spans, find matches and the focused excerpt drawn with the CSS Custom Highlight API:
 * the reader renders each block's text as one text node, and highlights are DOM Ranges over
 * those nodes registered in CSS.highlights and styled with ::highlight(name). A 150,000-word
 * transcript then has one span per turn instead of one per excerpt boundary, and painting a
 * coding does not re-render React at all.
 */

/** Registered highlight names (the stylesheet styles them). */
export const HL = {
  focus: 'q-focus',
  hover: 'q-hover',
  pending: 'q-pending',
  find: 'q-find',
  findCurrent: 'q-find-current',
  /** Excerpts whose last code was removed: kept, marked without a colour. */
  uncoded: 'q-uncoded',
  /** One highlight per code colour: `qc-<slot>`. */
  codePrefix: 'qc-',
} as const;

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** The rendered text nodes of the reader in document order with their document offsets. */
export interface TextIndex {
  starts: number[];
  ends: number[];
  nodes: Text[];
}

export function indexText(root: Element): TextIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const nodes: Text[] = [];
  for (const span of root.querySelectorAll<HTMLElement>('span[data-start]')) {
    const node = span.firstChild;
    if (!(node instanceof Text)) continue;
    starts.push(Number(span.dataset.start));
    ends.push(Number(span.dataset.end));
    nodes.push(node);
  }
  return { starts, ends, nodes };
}

/** Index of the first node whose end is after `offset`. */
function firstAfter(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((index.ends[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranges covering [start, end), one per text node, so a span crossing turns never paints the
 * speaker labels in between.
 */
export function rangesFor(index: TextIndex, start: number, end: number): Range[] {
  const out: Range[] = [];
  for (let i = firstAfter(index, start); i < index.nodes.length; i++) {
    const s = index.starts[i] as number;
    const e = index.ends[i] as number;
    if (s >= end) break;
    const node = index.nodes[i] as Text;
    const a = Math.max(start, s) - s;
    const b = Math.min(end, e) - s;
    if (b <= a) continue;
    const range = document.createRange();
    range.setStart(node, a);
    range.setEnd(node, b);
    out.push(range);
  }
  return out;
}

/** The document offset of a DOM point inside a rendered text node, or null. */
export function offsetOfPoint(index: TextIndex, node: Node, offset: number): number | null {
  if (!(node instanceof Text)) return null;
  const at = index.nodes.indexOf(node);
  return at < 0 ? null : (index.starts[at] as number) + offset;
}

/** Sets (or clears, with no ranges) one named highlight. */
export function setHighlight(name: string, ranges: Range[], priority = 0): void {
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const h = new Highlight(...ranges);
  h.priority = priority;
  CSS.highlights.set(name, h);
}

/** Removes every highlight the reader registered (on unmount or document change). */
export function clearHighlights(): void {
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith(HL.codePrefix) || Object.values(HL).includes(name as never)) CSS.highlights.delete(name);
  }
}

/** Rules for the per-colour code highlights (colours come from the codebook, so they are generated). */
export function codeHighlightCss(colors: readonly string[]): string {
  return colors
    .map(
      (color, slot) =>
        `::highlight(${HL.codePrefix}${slot}){background-color:color-mix(in srgb, ${safeColor(color)} var(--hl-alpha), transparent);text-decoration:underline 2px color-mix(in srgb, ${safeColor(color)} 75%, transparent);text-underline-offset:3px}`,
    )
    .join('\n');
}

/** Codebook colours are #rrggbb; anything else becomes grey rather than reaching a stylesheet. */
function safeColor(color: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#888888';
}
