/** Pleasant, distinguishable code colours (mid-saturation, readable behind dark text at low alpha). */
export const CODE_PALETTE = [
  '#4C9A2A',
  '#2E86AB',
  '#E07A5F',
  '#8E6C8A',
  '#F2A541',
  '#3D9970',
  '#C2185B',
  '#5C6BC0',
  '#00897B',
  '#D4A017',
  '#6D4C41',
  '#7CB342',
  '#EF6C57',
  '#1E88E5',
  '#AB47BC',
  '#26A69A',
] as const;

export function randomPaletteColor(random: () => number = Math.random): string {
  return CODE_PALETTE[Math.floor(random() * CODE_PALETTE.length)] ?? CODE_PALETTE[0];
}
