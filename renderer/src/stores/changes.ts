/**
 * After a write, the store that made it announces which contract method ran; the sync
 * module (registered at boot) refreshes whatever that method can have changed. Keeps data
 * stores from importing each other.
 */
import type { MethodName } from '../../../core/contract/index.js';

/** `keptBoard`: the board store already holds what the write returned, so the wall is not refetched. */
type Refresher = (methods: MethodName[], options?: { keptBoard?: boolean }) => Promise<void>;

let refresher: Refresher | null = null;

export function setRefresher(next: Refresher | null): void {
  refresher = next;
}

/** Resolves once every view affected by `methods` has reloaded. */
export async function changed(...methods: MethodName[]): Promise<void> {
  if (refresher) await refresher(methods);
}

/**
 * As `changed`, for a write whose answer the board store has already applied (a drop on the
 * wall): everything else it touched is refreshed, the 2,000-card board is not refetched.
 */
export async function changedBesideBoard(...methods: MethodName[]): Promise<void> {
  if (refresher) await refresher(methods, { keptBoard: true });
}
