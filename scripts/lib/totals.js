/** The closing line every test script prints: `N passed, N failed` (`, N skipped` when any). */
export function formatTotals({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
