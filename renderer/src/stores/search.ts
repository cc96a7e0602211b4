/** Full-text search over the project (the contract's FTS5 search), typed as you go. */
import { create } from 'zustand';
import type {
  CodeAllPreview,
  CodeExtent,
  CodeId,
  DocumentId,
  MemoHit,
  Round,
  SearchHit,
} from '../../../core/contract/index.js';
import { errorMessage, getClient } from '../client/index.js';
import { guard, latestOnly, mutate, useActivity } from './activity.js';
import { changed } from './changes.js';

/** What the search is narrowed to; empty fields do not narrow. */
export interface SearchFilterState {
  codeId: CodeId | null;
  documentId: DocumentId | null;
  /** A round's name (round names are what the contract filters on). */
  round: string | null;
  /** One participant attribute and the value it must have. */
  attribute: { name: string; value: string } | null;
}

const NO_FILTERS: SearchFilterState = { codeId: null, documentId: null, round: null, attribute: null };

/** The contract's `filters`, or undefined when nothing narrows the search. */
export function filtersInput(f: SearchFilterState) {
  const out: { codeId?: CodeId; documentId?: DocumentId; round?: string; attributes?: Record<string, string> } = {};
  if (f.codeId !== null) out.codeId = f.codeId;
  if (f.documentId !== null) out.documentId = f.documentId;
  if (f.round !== null) out.round = f.round;
  if (f.attribute && f.attribute.name !== '' && f.attribute.value.trim() !== '')
    out.attributes = { [f.attribute.name]: f.attribute.value.trim() };
  return Object.keys(out).length > 0 ? out : undefined;
}

export const activeFilterCount = (f: SearchFilterState) => Object.keys(filtersInput(f) ?? {}).length;

export const hitKey = (h: Pick<SearchHit, 'documentId' | 'start' | 'end'>) => `${h.documentId}:${h.start}:${h.end}`;

interface SearchState {
  query: string;
  hits: SearchHit[];
  /** Memos whose body matches the query (filters do not apply to memos). */
  memoHits: MemoHit[];
  filters: SearchFilterState;
  /** The project's study rounds, offered as a filter when there are any. */
  rounds: Round[];
  loadRounds(): Promise<void>;
  /** The query the hits belong to (null before the first search). */
  searched: string | null;
  /** Why the last search was refused (e.g. an emoji alone); its results are cleared. */
  error: string | null;
  busy: boolean;
  /** How many hits the search asks for; "Show more" raises it (the list is windowed). */
  limit: number;
  /** "Code all hits": every occurrence, each with a checkbox, before anything is coded. */
  review: {
    query: string;
    /** The filters the hits were found with, passed on to search.codeAll. */
    filters: ReturnType<typeof filtersInput>;
    hits: SearchHit[];
    checked: Set<string>;
    /** How much text each excerpt holds. */
    extent: CodeExtent;
    /** The code chosen so far (null: a new code, not created yet). */
    codeId: CodeId | null;
    /** What confirming would do; null while it is being counted. */
    preview: CodeAllPreview | null;
  } | null;
  setQuery(query: string): void;
  /** Changes some filters and searches again. */
  setFilters(patch: Partial<SearchFilterState>): void;
  clearFilters(): void;
  run(): Promise<void>;
  /** Asks the same search for the next page of hits (a longer list; the host ranks the same way). */
  showMore(): Promise<void>;
  startReview(): Promise<void>;
  toggle(key: string): void;
  setAll(on: boolean): void;
  setExtent(extent: CodeExtent): void;
  setReviewCode(codeId: CodeId | null): void;
  /** Counts again what confirming would create and skip. */
  refreshPreview(): Promise<void>;
  cancelReview(): void;
  /** Codes the checked hits at the chosen extent; returns how many excerpts got the code. */
  applyReview(codeId: CodeId): Promise<number | undefined>;
  reset(): void;
}

const previewSeq = latestOnly();
let runSeq = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
const LIMIT = 200;
/** Each "Show more" asks for this many hits more, up to the contract's most. */
export const MORE = 500;
export const MOST = 10_000;

/** The checked hits of a review, as the contract takes them. */
function checkedHits(review: NonNullable<SearchState['review']>) {
  return review.hits
    .filter((h) => review.checked.has(hitKey(h)))
    .map(({ documentId, start, end }) => ({ documentId, start, end }));
}

export const useSearch = create<SearchState>()((set, get) => ({
  query: '',
  hits: [],
  memoHits: [],
  filters: NO_FILTERS,
  rounds: [],
  searched: null,
  error: null,
  busy: false,
  limit: LIMIT,
  review: null,

  async loadRounds() {
    const rounds = await guard(() => getClient().call('rounds.list', {}));
    if (rounds) set({ rounds });
  },

  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch }, limit: LIMIT });
    void get().run();
  },

  clearFilters() {
    set({ filters: NO_FILTERS, limit: LIMIT });
    void get().run();
  },

  setQuery(query) {
    set({ query, limit: LIMIT });
    if (timer) clearTimeout(timer);
    // Search while typing, but not on every key press.
    timer = setTimeout(() => void get().run(), 180);
  },

  async run() {
    const query = get().query.trim();
    const mine = ++runSeq;
    if (query === '') {
      set({ hits: [], memoHits: [], searched: null, error: null, busy: false });
      return;
    }
    set({ busy: true });
    const filters = filtersInput(get().filters);
    try {
      const client = getClient();
      const [hits, memoHits] = await Promise.all([
        client.call('search.query', { query, limit: get().limit, ...(filters ? { filters } : {}) }),
        client.call('search.memos', { query, limit: LIMIT }),
      ]);
      if (mine === runSeq) set({ hits, memoHits, searched: query, error: null, busy: false });
    } catch (err) {
      // A refused search leaves nothing of the previous one on screen to act on.
      if (mine === runSeq) set({ hits: [], memoHits: [], searched: query, error: errorMessage(err), busy: false });
    }
  },

  async showMore() {
    const { limit, hits, busy } = get();
    if (busy || hits.length < limit || limit >= MOST) return;
    set({ limit: Math.min(MOST, limit + MORE) });
    await get().run();
  },

  async startReview() {
    const query = get().searched;
    if (!query) return;
    const filters = filtersInput(get().filters);
    const hits = await guard(() =>
      getClient().call('search.query', { query, limit: 2000, every: true, ...(filters ? { filters } : {}) }),
    );
    if (!hits) return;
    set({
      review: {
        query,
        filters,
        hits,
        checked: new Set(hits.map(hitKey)),
        extent: 'sentence',
        codeId: null,
        preview: null,
      },
    });
    await get().refreshPreview();
  },

  setExtent(extent) {
    const review = get().review;
    if (!review || review.extent === extent) return;
    set({ review: { ...review, extent, preview: null } });
    void get().refreshPreview();
  },

  setReviewCode(codeId) {
    const review = get().review;
    if (!review || review.codeId === codeId) return;
    set({ review: { ...review, codeId, preview: null } });
    void get().refreshPreview();
  },

  async refreshPreview() {
    const review = get().review;
    if (!review) return;
    const hits = checkedHits(review);
    if (hits.length === 0) {
      set({ review: { ...review, preview: { hits: 0, excerpts: 0, alreadyCoded: 0 } } });
      return;
    }
    const answer = await guard(() =>
      previewSeq(() =>
        getClient().call('search.codeAllPreview', {
          query: review.query,
          hits,
          extent: review.extent,
          ...(review.codeId !== null ? { codeId: review.codeId } : {}),
          ...(review.filters ? { filters: review.filters } : {}),
        }),
      ),
    );
    const now = get().review;
    if (answer && now) set({ review: { ...now, preview: answer.value } });
  },

  toggle(key) {
    const review = get().review;
    if (!review) return;
    const checked = new Set(review.checked);
    if (checked.has(key)) checked.delete(key);
    else checked.add(key);
    set({ review: { ...review, checked, preview: null } });
    void get().refreshPreview();
  },

  setAll(on) {
    const review = get().review;
    if (!review) return;
    set({ review: { ...review, checked: new Set(on ? review.hits.map(hitKey) : []), preview: null } });
    void get().refreshPreview();
  },

  cancelReview() {
    set({ review: null });
  },

  async applyReview(codeId) {
    const review = get().review;
    if (!review) return undefined;
    const hits = checkedHits(review);
    if (hits.length === 0) return 0;
    const result = await mutate(() =>
      getClient().call('search.codeAll', {
        query: review.query,
        codeId,
        hits,
        extent: review.extent,
        ...(review.filters ? { filters: review.filters } : {}),
      }),
    );
    if (!result) return undefined;
    set({ review: null });
    const skipped = result.alreadyCoded > 0 ? ` (${result.alreadyCoded} already coded)` : '';
    useActivity.getState().toast('success', `Coded ${result.coded} excerpt${result.coded === 1 ? '' : 's'}${skipped}.`);
    await changed('search.codeAll');
    return result.coded;
  },

  reset() {
    if (timer) clearTimeout(timer);
    runSeq++;
    set({
      query: '',
      hits: [],
      memoHits: [],
      filters: NO_FILTERS,
      rounds: [],
      searched: null,
      error: null,
      busy: false,
      limit: LIMIT,
      review: null,
    });
  },
}));
