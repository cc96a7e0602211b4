/** Finds an excerpt wherever it is loaded (open document, excerpts list, board cards). */
import type { Excerpt, ExcerptId } from '../../../core/contract/index.js';
import { useBoard } from './board.js';
import { useDocuments } from './documents.js';
import { useExcerpts } from './excerpts.js';

export function useExcerpt(id: ExcerptId | null): Excerpt | null {
  const fromDoc = useDocuments((s) => (id === null ? undefined : s.excerpts.find((x) => x.id === id)));
  const fromList = useExcerpts((s) => (id === null ? undefined : s.list.find((x) => x.id === id)));
  const fromBoard = useBoard((s) =>
    id === null ? undefined : (s.current?.cards.find((c) => c.excerpt?.id === id)?.excerpt ?? undefined),
  );
  return fromDoc ?? fromList ?? fromBoard ?? null;
}
