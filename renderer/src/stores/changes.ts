/**
 * After a write, the store that made it announces which contract method ran; the sync
 * module (registered at boot) refreshes whatever that method can have changed. Keeps data
 * stores from importing each other.
 */
import type { MethodName } from '../../../core/contract/index.js';

type Refresher = (methods: MethodName[]) => Promise<void>;

let refresher: Refresher | null = null;

export function setRefresher(next: Refresher | null): void {
  refresher = next;
}

/** Resolves once every view affected by `methods` has reloaded. */
export async function changed(...methods: MethodName[]): Promise<void> {
  if (refresher) await refresher(methods);
}
