/**
 * Cutting text for names and previews by what a reader sees as characters (grapheme clusters):
 * `slice` counts UTF-16 units, so it split emoji, flags and accents written as combining marks,
 * and left a lone surrogate (drawn as �, read out as garbage) in a card's or a button's name.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `max` characters of `text` (all of it when it is shorter). */
export function head(text: string, max: number): string {
  // No more characters than UTF-16 units: a text this short is whole.
  if (text.length <= max) return text;
  let count = 0;
  for (const { index } of segmenter.segment(text)) {
    if (count === max) return text.slice(0, index);
    count++;
  }
  return text;
}

/** `text` cut to `max` characters, with "…" when anything was cut. */
export function clip(text: string, max: number): string {
  const kept = head(text, max);
  return kept.length < text.length ? `${kept}…` : text;
}
