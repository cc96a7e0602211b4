/**
 * Maps a DOM selection in the reader back to document offsets. Every text span carries
 * data-start (its offset in the stored text) and holds exactly one text node, so a DOM
 * point inside it is data-start + the point's offset. DOM offsets are UTF-16 code units,
 * like the contract's, so emoji and CJK map exactly. Points outside any span (speaker
 * column, margins) snap to the nearest span in document order.
 */

const SPAN_SELECTOR = 'span[data-start]';

function spanBounds(span: Element): { start: number; end: number } {
  const start = Number((span as HTMLElement).dataset.start);
  const end = Number((span as HTMLElement).dataset.end);
  return { start, end };
}

/** Offset of a point known to be inside `span`. */
function pointInSpan(span: Element, node: Node, offset: number): number {
  const { start, end } = spanBounds(span);
  if (node.nodeType === Node.TEXT_NODE) return Math.min(end, start + offset);
  // An element point counts child nodes: before the text node → start, after → end.
  return offset === 0 ? start : end;
}

/** -1: point is before the span, 0: inside (or on its edge), 1: after. */
function compare(span: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(span);
  try {
    return range.comparePoint(node, offset);
  } catch {
    return -1;
  }
}

function mapPoint(spans: Element[], node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const direct = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest?.(SPAN_SELECTOR);
  if (direct && spans.includes(direct)) return pointInSpan(direct, node, offset);
  // Binary search for the first span that is not entirely before the point.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(spans[mid] as Element, node, offset) > 0) lo = mid + 1;
    else hi = mid;
  }
  if (edge === 'start') {
    const span = spans[lo];
    if (!span) return null;
    return compare(span, node, offset) === 0 ? pointInSpan(span, node, offset) : spanBounds(span).start;
  }
  const inside = spans[lo];
  if (inside && compare(inside, node, offset) === 0) return pointInSpan(inside, node, offset);
  const before = spans[lo - 1];
  return before ? spanBounds(before).end : null;
}

/** Document offsets of `range` within `root`, or null when it covers no document text. */
export function rangeToOffsets(root: Element, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.commonAncestorContainer)) return null;
  const spans = Array.from(root.querySelectorAll(SPAN_SELECTOR));
  if (spans.length === 0) return null;
  const start = mapPoint(spans, range.startContainer, range.startOffset, 'start');
  const end = mapPoint(spans, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The DOM range covering document offsets [start, end) in `root`, or null when not rendered. */
export function offsetsToRange(root: Element, start: number, end: number): Range | null {
  const spans = Array.from(root.querySelectorAll<HTMLElement>(SPAN_SELECTOR));
  const locate = (offset: number, edge: 'start' | 'end') => {
    for (const span of spans) {
      const { start: s, end: e } = spanBounds(span);
      const inside = edge === 'start' ? offset >= s && offset < e : offset > s && offset <= e;
      const text = span.firstChild;
      if (inside && text) return { node: text, offset: offset - s };
    }
    return null;
  };
  const a = locate(start, 'start');
  const b = locate(end, 'end');
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
