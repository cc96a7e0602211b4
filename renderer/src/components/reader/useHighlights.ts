/**
 * Paints the reader's highlights (codes per colour, the focused and hovered excerpt, the
 * range being coded, find matches) as CSS Custom Highlights over the rendered text nodes.
 * Painting touches no React state: a coding re-renders only the margin stripes it changes.
 */
import { type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Excerpt, ExcerptId } from '../../../../core/contract/index.js';
import {
  clearHighlights,
  codeHighlightCss,
  HL,
  indexText,
  offsetOfPoint,
  rangesFor,
  setHighlight,
  type TextIndex,
} from '../../lib/highlights.js';
import type { Block } from '../../lib/segments.js';

interface Span {
  start: number;
  end: number;
}

interface Options {
  enabled: boolean;
  root: RefObject<HTMLElement | null>;
  blocks: readonly Block[];
  excerpts: readonly Excerpt[];
  focusedId: ExcerptId | null;
  hoveredId: ExcerptId | null;
  pending: Span | null;
  find: { matches: readonly Span[]; current: number; seq: number };
}

let sheet: CSSStyleSheet | null = null;
/** What the sheet holds: replacing it restyles the whole page, so the same rules are never set again. */
let sheetCss = '';

function codeSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  return sheet;
}

/** Returns a hit test: the document offset under a viewport point. */
export function useHighlights(o: Options): { offsetAt(x: number, y: number): number | null } {
  const { enabled, root, blocks, excerpts, focusedId, hoveredId, pending, find } = o;
  const scrolledSeq = useRef(0);
  const cached = useRef<{ blocks: readonly Block[]; index: TextIndex } | null>(null);
  const index = useCallback((): TextIndex | null => {
    if (!root.current) return null;
    if (cached.current?.blocks !== blocks) cached.current = { blocks, index: indexText(root.current) };
    return cached.current.index;
  }, [root, blocks]);

  const colors = useMemo(() => {
    const seen = new Map<string, number>();
    for (const x of excerpts) for (const c of x.codes) if (!seen.has(c.color)) seen.set(c.color, seen.size);
    return seen;
  }, [excerpts]);

  useEffect(() => {
    const idx = enabled ? index() : null;
    if (!idx) return;
    const perSlot: Range[][] = [...colors.keys()].map(() => []);
    const uncoded: Range[] = [];
    for (const x of excerpts) {
      const slots = new Set(x.codes.map((c) => colors.get(c.color) as number));
      if (slots.size === 0) {
        uncoded.push(...rangesFor(idx, x.start, x.end));
        continue;
      }
      const ranges = rangesFor(idx, x.start, x.end);
      for (const slot of slots) perSlot[slot]?.push(...ranges);
    }
    perSlot.forEach((ranges, slot) => {
      setHighlight(`${HL.codePrefix}${slot}`, ranges, 0);
    });
    setHighlight(HL.uncoded, uncoded, 0);
    // Colours no longer used (a code recoloured or removed) must not linger.
    for (const name of CSS.highlights.keys()) {
      if (name.startsWith(HL.codePrefix) && Number(name.slice(HL.codePrefix.length)) >= perSlot.length) {
        CSS.highlights.delete(name);
      }
    }
  }, [enabled, index, excerpts, colors]);

  useEffect(() => {
    const idx = enabled ? index() : null;
    if (!idx) return;
    const span = (id: ExcerptId | null) => {
      const x = id === null ? undefined : excerpts.find((e) => e.id === id);
      return x ? rangesFor(idx, x.start, x.end) : [];
    };
    setHighlight(HL.focus, span(focusedId), 2);
    setHighlight(HL.hover, hoveredId === focusedId ? [] : span(hoveredId), 1);
  }, [enabled, index, excerpts, focusedId, hoveredId]);

  const pendingStart = pending?.start;
  const pendingEnd = pending?.end;
  useEffect(() => {
    const idx = enabled ? index() : null;
    if (!idx) return;
    const ranges =
      pendingStart !== undefined && pendingEnd !== undefined ? rangesFor(idx, pendingStart, pendingEnd) : [];
    setHighlight(HL.pending, ranges, 3);
  }, [enabled, index, pendingStart, pendingEnd]);

  useEffect(() => {
    const idx = enabled ? index() : null;
    if (!idx) return;
    setHighlight(
      HL.find,
      find.matches.flatMap((m) => rangesFor(idx, m.start, m.end)),
      4,
    );
    const current = find.matches[find.current];
    const currentRanges = current ? rangesFor(idx, current.start, current.end) : [];
    setHighlight(HL.findCurrent, currentRanges, 5);
    // Bring the current match's turn into view (content-visibility skips off-screen layout).
    const node = currentRanges[0]?.startContainer.parentElement?.closest('.block');
    if (node && find.seq !== scrolledSeq.current) node.scrollIntoView({ block: 'center' });
    scrolledSeq.current = find.seq;
  }, [enabled, index, find]);

  useEffect(() => (enabled ? () => clearHighlights() : undefined), [enabled]);

  const offsetAt = useCallback(
    (x: number, y: number) => {
      const idx = index();
      if (!idx) return null;
      const doc = document as Document & {
        caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
      };
      const pos = doc.caretPositionFromPoint?.(x, y);
      if (pos) return offsetOfPoint(idx, pos.offsetNode, pos.offset);
      const range = document.caretRangeFromPoint?.(x, y);
      return range ? offsetOfPoint(idx, range.startContainer, range.startOffset) : null;
    },
    [index],
  );

  // Code colours come from the codebook, so their rules are generated; a constructed sheet
  // (CSSOM, not an inline <style>) is allowed by the strict style-src CSP.
  useEffect(() => {
    if (!enabled) return;
    const css = codeHighlightCss([...colors.keys()]);
    if (css === sheetCss) return;
    codeSheet().replaceSync(css);
    sheetCss = css;
  }, [enabled, colors]);

  return { offsetAt };
}
