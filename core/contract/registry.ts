/**
 * The contract for processes that call a few methods: each method group's schemas load on the
 * first call into the group, so `quarry search` builds the search and app schemas, not all
 * sixteen groups. The groups under ./methods/ stay the single source of truth; this is only an
 * index from a method's name prefix to the groups that may hold it (tests/unit/contract-registry
 * checks it finds every method of `contract` and nothing else).
 */
import type { MethodSpec } from './define.js';

type Group = Record<string, MethodSpec<never, unknown>>;

const GROUPS = {
  analysis: () => import('./methods/analysis.js').then((m) => m.analysisMethods),
  app: () => import('./methods/app.js').then((m) => m.appMethods),
  attributes: () => import('./methods/attributes.js').then((m) => m.attributesMethods),
  boards: () => import('./methods/boards.js').then((m) => m.boardsMethods),
  codes: () => import('./methods/codes.js').then((m) => m.codesMethods),
  documents: () => import('./methods/documents.js').then((m) => m.documentsMethods),
  excerpts: () => import('./methods/excerpts.js').then((m) => m.excerptsMethods),
  exporting: () => import('./methods/exporting.js').then((m) => m.exportingMethods),
  history: () => import('./methods/history.js').then((m) => m.historyMethods),
  hypotheses: () => import('./methods/hypotheses.js').then((m) => m.hypothesesMethods),
  insights: () => import('./methods/insights.js').then((m) => m.insightsMethods),
  measures: () => import('./methods/measures.js').then((m) => m.measuresMethods),
  memos: () => import('./methods/memos.js').then((m) => m.memosMethods),
  participants: () => import('./methods/participants.js').then((m) => m.participantsMethods),
  rounds: () => import('./methods/rounds.js').then((m) => m.roundsMethods),
  search: () => import('./methods/search.js').then((m) => m.searchMethods),
} satisfies Record<string, () => Promise<object>>;

type GroupName = keyof typeof GROUPS;

/** The groups that may define a method, by the part of its name before the dot. */
export const GROUPS_BY_PREFIX: Readonly<Record<string, readonly GroupName[]>> = {
  analysis: ['analysis'],
  app: ['app'],
  project: ['app'],
  coders: ['app'],
  attributes: ['attributes'],
  boards: ['boards'],
  codes: ['codes'],
  documents: ['documents', 'participants'],
  excerpts: ['excerpts'],
  export: ['exporting'],
  history: ['history'],
  hypotheses: ['hypotheses'],
  insights: ['insights'],
  metrics: ['measures'],
  memos: ['memos'],
  participants: ['participants'],
  rounds: ['rounds'],
  search: ['search'],
};

const loaded = new Map<GroupName, Group>();

function groupsOf(method: string): readonly GroupName[] {
  const prefix = method.slice(0, method.indexOf('.'));
  return Object.hasOwn(GROUPS_BY_PREFIX, prefix) ? (GROUPS_BY_PREFIX[prefix] ?? []) : [];
}

/**
 * The method's spec if its group is loaded already; undefined when it is not (yet) or the
 * name is unknown. Synchronous, so calls into loaded groups take no extra turn.
 */
export function loadedSpec(method: string): MethodSpec<never, unknown> | undefined {
  for (const name of groupsOf(method)) {
    const group = loaded.get(name);
    if (group && Object.hasOwn(group, method)) return group[method];
  }
  return undefined;
}

/** Loads the groups that may hold `method`; its spec, or undefined for an unknown name. */
export async function loadSpec(method: string): Promise<MethodSpec<never, unknown> | undefined> {
  for (const name of groupsOf(method)) {
    if (!loaded.has(name)) loaded.set(name, (await GROUPS[name]()) as Group);
  }
  return loadedSpec(method);
}
