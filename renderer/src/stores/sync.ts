/**
 * Keeps every view current: after a local write (announced through changes.ts) at once, and
 * after writes made elsewhere (another window or tab, the CLI) when the host's change event
 * arrives. Hosts do not echo a window's own writes back to it. A local write maps its method
 * to the data it can have changed; a remote event names the tables and rows it touched. Only
 * what the current section shows is refetched; the rest is marked stale and refetched when
 * its section is opened.
 */
import type { Code, MethodName } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { useAnalysis } from './analysis.js';
import { useBoard } from './board.js';
import { setRefresher } from './changes.js';
import { useCodes } from './codes.js';
import { useDocuments } from './documents.js';
import { useExcerpts } from './excerpts.js';
import { useHistory } from './history.js';
import { useHypotheses } from './hypotheses.js';
import { useInsights } from './insights.js';
import { useMemos } from './memos.js';
import { useMetrics } from './metrics.js';
import { type Section, useNav } from './nav.js';
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
  | 'memos'
  | 'insights'
  | 'hypotheses'
  | 'metrics'
  | 'analysis';

const EVERYTHING: Area[] = [
  'documents',
  'openDocument',
  'codes',
  'excerpts',
  'board',
  'participants',
  'retrieval',
  'memos',
  'insights',
  'hypotheses',
  'metrics',
  'analysis',
];

function areasOf(method: MethodName): Area[] {
  // A REFI-QDA project (.qdpx) brings codes, memos and participants with its documents.
  if (method === 'documents.import') return EVERYTHING;
  // A teammate's work brings everything the same way.
  if (method === 'project.merge') return [...EVERYTHING, 'status'];
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
      return ['documents', 'openDocument', 'excerpts', 'board', 'participants', 'retrieval', 'analysis'];
    case 'codes':
      return ['codes', 'openExcerpts', 'excerpts', 'board', 'retrieval', 'memos', 'analysis'];
    case 'excerpts':
    case 'search':
      return [
        'codes',
        'documents',
        'openExcerpts',
        'excerpts',
        'board',
        'retrieval',
        'insights',
        'hypotheses',
        'metrics',
        'analysis',
      ];
    case 'memos':
      return ['memos', 'openExcerpts', 'excerpts'];
    case 'boards':
      // A card moved into or out of a group bound to a code codes or uncodes its excerpt.
      return ['board', 'codes', 'openExcerpts', 'excerpts', 'retrieval', 'analysis'];
    case 'insights':
      return ['insights', 'metrics'];
    case 'hypotheses':
      return ['hypotheses', 'metrics'];
    case 'metrics':
      return ['metrics'];
    default:
      return [];
  }
}

/** What rows of each table can change in the views (a remote change event names its tables). */
function areasOfTable(table: string): Area[] {
  switch (table) {
    case 'codes':
      return ['codes', 'openExcerpts', 'excerpts', 'board', 'retrieval', 'memos', 'analysis'];
    case 'excerpts':
    case 'codings':
      return ['codes', 'documents', 'openExcerpts', 'excerpts', 'board', 'retrieval', 'metrics', 'analysis'];
    case 'memos':
      return ['memos', 'openExcerpts', 'excerpts'];
    case 'participants':
    case 'attributes':
    case 'attribute_values':
    case 'participant_rounds':
    case 'documents':
    case 'turns':
      return ['documents', 'openDocument', 'excerpts', 'board', 'participants', 'retrieval', 'analysis'];
    case 'boards':
    case 'board_groups':
    case 'cards':
    case 'votes':
      return ['board'];
    case 'insights':
    case 'insight_evidence':
      return ['insights'];
    case 'hypotheses':
    case 'hypothesis_evidence':
    case 'hypothesis_status_changes':
      return ['hypotheses'];
    case 'metrics':
    case 'metric_values':
    case 'links':
      return ['metrics'];
    default:
      return [];
  }
}

/** Lists each section shows (the codebook is in every section's picker and sidebar). */
const SHOWN_IN: Record<Section, Area[]> = {
  // The selection panel beside the reader says whether an excerpt is on the board.
  documents: ['documents', 'openDocument', 'openExcerpts', 'board'],
  codes: [],
  excerpts: ['excerpts', 'board'],
  retrieve: ['retrieval'],
  memos: ['memos'],
  participants: ['participants'],
  board: ['board'],
  insights: ['insights', 'metrics'],
  hypotheses: ['hypotheses', 'insights', 'metrics'],
  metrics: ['metrics'],
  // Analysis also counts afresh each time its section opens (AnalysisView loads on mount).
  analysis: ['analysis'],
  search: [],
};
const ALWAYS_SHOWN: Area[] = ['codes'];

/** Areas changed while their section was not shown: refetched when it is. */
const stale = new Set<Area>();

const isShown = (area: Area, section: Section) => ALWAYS_SHOWN.includes(area) || SHOWN_IN[section].includes(area);

async function reload(areas: ReadonlySet<Area>): Promise<void> {
  if (!useProject.getState().status?.project) return;
  if (areas.has('codes')) {
    // The codebook first: views filtered on a code that a merge or delete just removed let go
    // of it before they reload, so they never ask for a code that is gone.
    const list = await useCodes.getState().load();
    if (list) forgetGoneCodes(list);
  }
  const jobs: Promise<void>[] = [];
  if (areas.has('documents')) jobs.push(useDocuments.getState().load());
  if (areas.has('openDocument')) jobs.push(useDocuments.getState().reloadOpen());
  else if (areas.has('openExcerpts')) jobs.push(useDocuments.getState().reloadExcerpts());
  if (areas.has('excerpts') && useExcerpts.getState().loaded) jobs.push(useExcerpts.getState().load());
  if (areas.has('board') && useBoard.getState().loaded) jobs.push(useBoard.getState().load());
  if (areas.has('participants')) jobs.push(useParticipants.getState().load());
  if (areas.has('retrieval')) jobs.push(useRetrieval.getState().reload());
  if (areas.has('memos') && useMemos.getState().loaded) jobs.push(useMemos.getState().reload());
  if (areas.has('insights') && useInsights.getState().loaded) jobs.push(useInsights.getState().load());
  if (areas.has('hypotheses') && useHypotheses.getState().loaded) jobs.push(useHypotheses.getState().load());
  if (areas.has('metrics') && useMetrics.getState().loaded) jobs.push(useMetrics.getState().load());
  if (areas.has('analysis') && useAnalysis.getState().metaLoaded) jobs.push(useAnalysis.getState().reload());
  await Promise.all(jobs);
}

/** Refetches what the current section shows of `areas`, marks the rest stale. */
async function refreshAreas(areas: ReadonlySet<Area>): Promise<void> {
  if (areas.has('status')) {
    await useProject.getState().refreshStatus();
    return;
  }
  if (areas.size === 0) return;
  const section = useNav.getState().section;
  const now = new Set<Area>();
  for (const area of areas) {
    if (isShown(area, section)) now.add(area);
    // Analysis counts afresh whenever its section opens, so it is never left stale.
    else if (area !== 'analysis') stale.add(area);
  }
  // Whatever changed, the next undo/redo label may have too.
  await Promise.all([reload(now), useHistory.getState().load()]);
}

export async function refreshFor(methods: MethodName[], options?: { keptBoard?: boolean }): Promise<void> {
  const areas = new Set(methods.flatMap(areasOf));
  if (options?.keptBoard) areas.delete('board');
  await refreshAreas(areas);
}

function forgetGoneCodes(list: readonly Code[]): void {
  const ids = new Set(list.map((c) => c.id));
  const filter = useExcerpts.getState().codeFilter;
  if (filter !== null && !ids.has(filter)) useExcerpts.setState({ codeFilter: null });
  const retrieved = useRetrieval.getState().codeId;
  if (retrieved !== null && !ids.has(retrieved)) useRetrieval.setState({ codeId: null, list: [] });
}

/** Starts syncing; returns the unsubscribe. Remote events are batched briefly. */
export function startSync(): () => void {
  setRefresher(refreshFor);
  const methods = new Set<MethodName>();
  const tables = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = getClient().onChange((method, changed) => {
    if (changed === undefined) methods.add(method);
    else for (const table of Object.keys(changed)) tables.add(table);
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      const areas = new Set([...[...methods].flatMap(areasOf), ...[...tables].flatMap(areasOfTable)]);
      methods.clear();
      tables.clear();
      void refreshAreas(areas);
    }, 120);
  });
  const unwatch = useNav.subscribe((state, previous) => {
    if (state.section === previous.section) return;
    const due = new Set([...stale].filter((area) => isShown(area, state.section)));
    for (const area of due) stale.delete(area);
    if (due.size > 0) void reload(due);
  });
  return () => {
    unsubscribe();
    unwatch();
    if (timer) clearTimeout(timer);
    setRefresher(null);
    stale.clear();
  };
}
