import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * Windowing for long lists: only the rows in (or near) the scrolled view are rendered, the rest
 * stand in as padding on the list, so a list of thousands of excerpts, hits or documents costs
 * what its visible rows cost. Rows may differ in height: each rendered row is measured and
 * unmeasured ones count at `estimate`. Short lists (up to `threshold` rows) render whole, so
 * find-in-page and tabbing through them behave as before.
 *
 *   const w = useWindowedList<HTMLUListElement>({ count: items.length, estimate: 120, gap: 10 });
 *   <ul ref={w.ref} style={w.padding(12, 24)}>{items.slice(w.start, w.end).map((x, k) =>
 *     <li ref={w.measure(w.start + k)} …/>)}</ul>
 */
export interface WindowedList<E extends HTMLElement> {
  ref: React.RefObject<E | null>;
  /** First and one-past-last rendered row. */
  start: number;
  end: number;
  /** Whether the list is windowed (longer than the threshold). */
  windowed: boolean;
  /** Padding that stands in for the rows above and below, added to the list's own padding. */
  padding(top: number, bottom: number): React.CSSProperties;
  /** A ref callback that records row `index`'s height. */
  measure(index: number): (el: HTMLElement | null) => void;
  /**
   * Scrolls just enough to bring row `index` into view and renders it in the same commit, so
   * keyboard focus can move to a row that was not in the DOM (then focus it, e.g. in a frame).
   */
  scrollToIndex(index: number): void;
}

/** The element that scrolls the list: the list itself (the document list) or an ancestor. */
function scrollParent(el: HTMLElement): HTMLElement {
  for (let node: HTMLElement | null = el; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return document.scrollingElement as HTMLElement;
}

/** Where the list begins inside its scroller's content. */
function listTopIn(list: HTMLElement, scroller: HTMLElement): number {
  if (scroller === list) return 0;
  return list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

export function useWindowedList<E extends HTMLElement>({
  count,
  estimate,
  gap = 0,
  overscan = 6,
  threshold = 150,
}: {
  count: number;
  estimate: number;
  gap?: number;
  overscan?: number;
  threshold?: number;
}): WindowedList<E> {
  const windowed = count > threshold;
  const ref = useRef<E | null>(null);
  const heights = useRef<number[]>([]);
  const [range, setRange] = useState({ start: 0, end: windowed ? Math.min(count, 40) : count, top: 0, bottom: 0 });
  const frame = useRef(0);

  const rowHeight = useCallback((i: number) => heights.current[i] || estimate + gap, [estimate, gap]);

  const compute = useCallback(() => {
    const list = ref.current;
    if (!windowed || !list) {
      setRange((r) =>
        r.start === 0 && r.end === count && r.top === 0 && r.bottom === 0
          ? r
          : { start: 0, end: count, top: 0, bottom: 0 },
      );
      return;
    }
    const scroller = scrollParent(list);
    const from = scroller.scrollTop - listTopIn(list, scroller);
    const to = from + scroller.clientHeight;
    const h = rowHeight;
    let y = 0;
    let start = 0;
    while (start < count && y + h(start) < from) y += h(start++);
    let end = start;
    let bottomOfView = y;
    while (end < count && bottomOfView < to) bottomOfView += h(end++);
    start = Math.max(0, start - overscan);
    end = Math.min(count, end + overscan);
    let top = 0;
    for (let i = 0; i < start; i++) top += h(i);
    let bottom = 0;
    for (let i = end; i < count; i++) bottom += h(i);
    setRange((r) =>
      r.start === start && r.end === end && Math.abs(r.top - top) < 1 && Math.abs(r.bottom - bottom) < 1
        ? r
        : { start, end, top, bottom },
    );
  }, [count, overscan, windowed, rowHeight]);

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(compute);
  }, [compute]);

  useLayoutEffect(() => {
    compute();
  }, [compute]);

  useEffect(() => {
    const list = ref.current;
    if (!windowed || !list) return;
    const scroller = scrollParent(list);
    const target: HTMLElement | Window = scroller === document.scrollingElement ? window : scroller;
    target.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(scroller);
    return () => {
      target.removeEventListener('scroll', schedule);
      resize.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [schedule, windowed]);

  const measure = useCallback(
    (index: number) => (el: HTMLElement | null) => {
      if (!el || !windowed) return;
      const height = el.offsetHeight + gap;
      if (height > 0 && heights.current[index] !== height) {
        heights.current[index] = height;
        schedule();
      }
    },
    [gap, schedule, windowed],
  );

  const scrollToIndex = useCallback(
    (index: number) => {
      const list = ref.current;
      if (!windowed || !list || index < 0 || index >= count) return;
      const scroller = scrollParent(list);
      let y = listTopIn(list, scroller);
      for (let i = 0; i < index; i++) y += rowHeight(i);
      const bottom = y + rowHeight(index);
      if (y < scroller.scrollTop) scroller.scrollTop = y;
      else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
      compute();
    },
    [compute, count, rowHeight, windowed],
  );

  const start = windowed ? Math.min(range.start, count) : 0;
  const end = windowed ? Math.min(range.end, count) : count;
  return {
    ref,
    start,
    end,
    windowed,
    padding: (top, bottom) =>
      windowed ? { paddingTop: top + range.top, paddingBottom: bottom + Math.max(0, range.bottom) } : {},
    measure,
    scrollToIndex,
  };
}
