import type { CSSProperties, KeyboardEvent } from 'react';

/**
 * Arrow keys move between the cell buttons of a table (each carries data-row and data-col);
 * Enter and Space press the button, which drills down.
 */
export function gridKeys(e: KeyboardEvent<HTMLElement>): void {
  const from = (e.target as HTMLElement).closest<HTMLElement>('[data-row][data-col]');
  if (!from) return;
  const step = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] }[e.key];
  if (!step) return;
  e.preventDefault();
  const [dy = 0, dx = 0] = step;
  const row = Number(from.dataset.row);
  const col = Number(from.dataset.col);
  // The nearest cell that way on the same row or column (the co-occurrence diagonal has none).
  let best: { el: HTMLElement; distance: number } | null = null;
  for (const el of e.currentTarget.querySelectorAll<HTMLElement>('[data-row][data-col]')) {
    const r = Number(el.dataset.row);
    const c = Number(el.dataset.col);
    const distance = dy !== 0 ? (r - row) * dy : (c - col) * dx;
    const inLine = dy !== 0 ? c === col : r === row;
    if (inLine && distance > 0 && (!best || distance < best.distance)) best = { el, distance };
  }
  best?.el.focus();
}

/** A heat shade for a value out of the largest: the accent colour, stronger with the value. */
export function heat(value: number, max: number): CSSProperties {
  if (value <= 0 || max <= 0) return {};
  const strength = Math.round(8 + 62 * (value / max));
  return {
    background: `color-mix(in srgb, var(--accent) ${strength}%, transparent)`,
    color: strength > 45 ? 'var(--accent-text)' : undefined,
  };
}

export const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '–');
