/**
 * Keeps every view current: after a local write (announced through changes.ts) at once,
 * and after writes made elsewhere (another window, the CLI) when the host's change event
 * arrives. Each method maps to the data it can have changed.
 */
import type { MethodName } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { useBoard } from './board.js';
import { setRefresher } from './changes.js';
import { useCodes } from './codes.js';
import { useDocuments } from './documents.js';
import { useExcerpts } from './excerpts.js';
import { useHistory } from './history.js';
import { useMemos } from './memos.js';
import { useParticipants } from './participants.js';
import { useProject } from './project.js';
import { useRetrieval } from './retrieval.js';

type Area =
  | 'status'
  | 'documents'
  | 'openDocument'
  | 'openExcerpts'
  | 'codes'
  | 'excerpts'
  | 'board'
  | 'participants'
  | 'retrieval'
  | 'memos';

const EVERYTHING: Area[] = [
  'documents',
  'openDocument',
  'codes',
  'excerpts',
  'board',
  'participants',
  'retrieval',
  'memos',
];

function areasOf(method: MethodName): Area[] {
  // A REFI-QDA project (.qdpx) brings codes, memos and participants with its documents.
  if (method === 'documents.import') return EVERYTHING;
  const family = method.split('.')[0];
  switch (family) {
    case 'project':
    case 'app':
      return ['status'];
    case 'history':
      // An undo can touch anything undoable.
      return EVERYTHING;
    case 'documents':
    case 'participants':
    case 'attributes':
      return ['documents', 'openDocument', 'excerpts', 'board', 'participants', 'retrieval'];
    case 'codes':
      return ['codes', 'openExcerpts', 'excerpts', 'board', 'retrieval', 'memos'];
    case 'excerpts':
    case 'search':
      return ['codes', 'documents', 'openExcerpts', 'excerpts', 'board', 'retrieval'];
    case 'memos':
      return ['memos', 'openExcerpts', 'excerpts'];
    case 'boards':
      return ['board'];
    default:
      return [];
  }
}

export async function refreshFor(methods: MethodName[]): Promise<void> {
  const areas = new Set(methods.flatMap(areasOf));
  if (areas.has('status')) {
    await useProject.getState().refreshStatus();
    return;
  }
  if (!useProject.getState().status?.project) return;
  const jobs: Promise<void>[] = [];
  if (areas.has('documents')) jobs.push(useDocuments.getState().load());
  if (areas.has('openDocument')) jobs.push(useDocuments.getState().reloadOpen());
  else if (areas.has('openExcerpts')) jobs.push(useDocuments.getState().reloadExcerpts());
  if (areas.has('codes')) jobs.push(useCodes.getState().load());
  if (areas.has('excerpts')) jobs.push(useExcerpts.getState().load());
  if (areas.has('board') && useBoard.getState().loaded) jobs.push(useBoard.getState().load());
  if (areas.has('participants')) jobs.push(useParticipants.getState().load());
  if (areas.has('retrieval')) jobs.push(useRetrieval.getState().reload());
  if (areas.has('memos')) jobs.push(useMemos.getState().reload());
  // Whatever changed, the next undo/redo label may have too.
  if (areas.size > 0) jobs.push(useHistory.getState().load());
  await Promise.all(jobs);
}

/** Starts syncing; returns the unsubscribe. Remote events are batched briefly. */
export function startSync(): () => void {
  setRefresher(refreshFor);
  const queued = new Set<MethodName>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = getClient().onChange((method) => {
    queued.add(method);
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      const batch = [...queued];
      queued.clear();
      void refreshFor(batch);
    }, 120);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    setRefresher(null);
  };
}
