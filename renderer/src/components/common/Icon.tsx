/** A small set of line icons (24px grid, currentColor), decorative: controls carry their own names. */
const PATHS = {
  documents: 'M7 3h7l5 5v13H7z M14 3v5h5 M10 13h6 M10 17h6',
  codes: 'M4 5h9l7 7-8 8-8-8z M8.5 9.5h.01',
  excerpts: 'M6 7h4v4H6z M6 11c0 3-1 5-2 6 M14 7h4v4h-4z M14 11c0 3-1 5-2 6',
  board: 'M4 4h7v9H4z M13 4h7v5h-7z M13 11h7v9h-7z M4 15h7v5H4z',
  import: 'M12 3v12 M7 10l5 5 5-5 M5 21h14',
  export: 'M12 15V3 M7 8l5-5 5 5 M5 21h14',
  plus: 'M12 5v14 M5 12h14',
  close: 'M6 6l12 12 M18 6L6 18',
  edit: 'M4 20h4L19 9l-4-4L4 16z M13 7l4 4',
  trash: 'M5 7h14 M10 7V4h4v3 M7 7l1 13h8l1-13',
  chevron: 'M8 10l4 4 4-4',
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14z M16 16l4 4',
  grip: 'M9 6h.01 M15 6h.01 M9 12h.01 M15 12h.01 M9 18h.01 M15 18h.01',
  folder: 'M3 6h6l2 2h10v11H3z',
  retrieve: 'M4 6h16 M4 12h10 M4 18h7 M17 14l3 3-3 3',
  memo: 'M5 4h14v12l-4 4H5z M15 20v-4h4 M8 9h8 M8 13h5',
  undo: 'M9 14L4 9l5-5 M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5 M20 9H10a6 6 0 0 0 0 12h3',
  keyboard: 'M3 7h18v10H3z M7 11h.01 M11 11h.01 M15 11h.01 M8 14h8',
  participants: 'M9 11a3 3 0 1 0 0-6a3 3 0 1 0 0 6z M3 20c0-3 3-5 6-5s6 2 6 5 M16 5a3 3 0 0 1 0 6 M18 15c2 .5 3 2 3 5',
  insight: 'M9 18h6 M10 21h4 M12 3a6 6 0 0 0-4 10.5c.8.8 1 1.5 1 2.5h6c0-1 .2-1.7 1-2.5A6 6 0 0 0 12 3z',
  analysis: 'M4 20h16 M7 16v-4 M12 16V6 M17 16V9',
  metrics: 'M4 20h16 M6 16l4-5 3 3 5-7 M18 7h.01',
  hypothesis: 'M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .8-1 1.5V14 M12 18h.01 M4 4h16v16H4z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
