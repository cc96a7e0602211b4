/**
 * The Analysis section's decisions: which view, the shared filters (round, segment, coder),
 * what each view shows, the drill-down list behind a cell, keywords in context for a word,
 * and saving a view's table (CSV/XLSX, built by the core) or its chart (PNG/SVG, drawn here).
 */
import { create } from 'zustand';
import type {
  CodeFrequency,
  Drill,
  DrillCell,
  DrillExcerpt,
  Kwic,
  KwicHit,
} from '../../../core/contract/analysis-types.js';
import type { CodeMatrix, Cooccurrence, WordCount } from '../../../core/contract/measures-types.js';
import type { Attribute, ExportResult } from '../../../core/contract/types.js';
import { bridge, getClient, unwrap } from '../client/index.js';
import { downloadFile } from '../lib/files.js';
import { guard, latestOnly, useActivity } from './activity.js';
import { useDocuments } from './documents.js';
import { useNav } from './nav.js';

export type AnalysisTab = 'matrix' | 'cooccurrence' | 'frequency' | 'words';
export const ANALYSIS_TABS: { id: AnalysisTab; label: string }[] = [
  { id: 'matrix', label: 'Matrix' },
  { id: 'cooccurrence', label: 'Co-occurrence' },
  { id: 'frequency', label: 'Across rounds' },
  { id: 'words', label: 'Words' },
];

export interface AnalysisFilterState {
  round: string | null;
  /** A segment: one participant attribute and the value it must have. */
  segment: { name: string; value: string } | null;
  coder: string | null;
}

/** What a view shows in its numbers: excerpt counts, or the share of participants. */
export type Measure = 'excerpts' | 'share';

interface DrillState {
  /** "Cost × JP", shown above the list. */
  title: string;
  cell: DrillCell;
  result: Drill | null;
}

interface AnalysisState {
  tab: AnalysisTab;
  filters: AnalysisFilterState;
  /** What the filters offer. */
  rounds: string[];
  coders: string[];
  attributes: Attribute[];
  /** Values held per attribute name (for the segment picker). */
  values: Record<string, string[]>;
  codeCount: number;
  metaLoaded: boolean;
  /** The matrix's column attribute (defaults to the first). */
  attribute: string | null;
  measure: Measure;
  matrix: CodeMatrix | null;
  pairs: Cooccurrence[] | null;
  cooccurrenceShow: 'network' | 'heatmap';
  frequency: CodeFrequency | null;
  words: WordCount[] | null;
  word: string | null;
  kwic: Kwic | null;
  drill: DrillState | null;
  busy: boolean;
  load(): Promise<void>;
  reload(): Promise<void>;
  setTab(tab: AnalysisTab): void;
  setFilters(filters: Partial<AnalysisFilterState>): void;
  setAttribute(attribute: string): void;
  setMeasure(measure: Measure): void;
  setCooccurrenceShow(show: 'network' | 'heatmap'): void;
  openDrill(cell: DrillCell, title: string): Promise<void>;
  closeDrill(): void;
  showWord(word: string): Promise<void>;
  closeWord(): void;
  openExcerpt(e: Pick<DrillExcerpt, 'documentId' | 'start' | 'end'>): void;
  openHit(h: KwicHit): void;
  exportTable(format: 'csv' | 'xlsx'): Promise<void>;
  saveChart(kind: 'png' | 'svg', data: string): Promise<void>;
}

const seq = latestOnly();
const drillSeq = latestOnly();
const kwicSeq = latestOnly();

export function filtersInput(f: AnalysisFilterState) {
  return {
    ...(f.round !== null ? { round: f.round } : {}),
    ...(f.coder !== null ? { coder: f.coder } : {}),
    ...(f.segment && f.segment.value !== '' ? { attributes: { [f.segment.name]: f.segment.value } } : {}),
  };
}

/** The stem of a saved file: the view and its filters, readable in a folder listing. */
function fileStem(s: Pick<AnalysisState, 'tab' | 'filters' | 'attribute' | 'word'>): string {
  const parts: string[] = ['analysis', s.tab];
  if (s.tab === 'matrix' && s.attribute) parts.push(s.attribute);
  if (s.tab === 'words' && s.word) parts.push(s.word);
  if (s.filters.round) parts.push(s.filters.round);
  if (s.filters.segment?.value) parts.push(`${s.filters.segment.name}-${s.filters.segment.value}`);
  if (s.filters.coder) parts.push(s.filters.coder);
  return parts
    .join('-')
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .slice(0, 120);
}

async function save(result: ExportResult): Promise<void> {
  const activity = useActivity.getState();
  const saveDialog = bridge()?.saveDialog;
  if (saveDialog) {
    // Electron: a native "save as" writes the file where the researcher chooses.
    const saved = await guard(async () =>
      unwrap(
        await saveDialog({
          purpose: 'export',
          fileName: result.fileName,
          encoding: result.encoding,
          data: result.data,
        }),
      ),
    );
    if (saved && !saved.canceled) activity.toast('success', `Saved ${saved.path}`);
    return;
  }
  downloadFile(result.fileName, result.mediaType, result.data, result.encoding);
  activity.toast('success', `Exported ${result.fileName}`);
}

export const useAnalysis = create<AnalysisState>()((set, get) => ({
  tab: 'matrix',
  filters: { round: null, segment: null, coder: null },
  rounds: [],
  coders: [],
  attributes: [],
  values: {},
  codeCount: 0,
  metaLoaded: false,
  attribute: null,
  measure: 'excerpts',
  matrix: null,
  pairs: null,
  cooccurrenceShow: 'network',
  frequency: null,
  words: null,
  word: null,
  kwic: null,
  drill: null,
  busy: false,

  async load() {
    const client = getClient();
    const meta = await guard(() =>
      Promise.all([
        client.call('rounds.list', {}),
        client.call('coders.list', {}),
        client.call('attributes.list', {}),
        client.call('participants.list', {}),
        client.call('codes.list', {}),
      ]),
    );
    if (!meta) return;
    const [rounds, coders, attributes, people, codes] = meta;
    const values: Record<string, string[]> = {};
    for (const a of attributes) {
      const held = new Set(people.map((p) => p.attributes[a.name] ?? '').filter((v) => v !== ''));
      values[a.name] = [...a.choices.filter((c) => held.has(c)), ...[...held].filter((v) => !a.choices.includes(v))];
    }
    const attribute = get().attribute;
    set({
      rounds: [...new Set(rounds.map((r) => r.name))],
      coders: coders.filter((c) => c.codings > 0).map((c) => c.name),
      attributes,
      values,
      codeCount: codes.length,
      metaLoaded: true,
      attribute: attribute && attributes.some((a) => a.name === attribute) ? attribute : (attributes[0]?.name ?? null),
    });
    await get().reload();
  },

  async reload() {
    const { tab, filters: f, attribute, word } = get();
    const client = getClient();
    const filters = filtersInput(f);
    set({ busy: true });
    try {
      if (tab === 'matrix') {
        if (attribute === null) return set({ matrix: null });
        const answer = await guard(() => seq(() => client.call('analysis.matrix', { attribute, filters })));
        if (answer) set({ matrix: answer.value });
      } else if (tab === 'cooccurrence') {
        const answer = await guard(() => seq(() => client.call('analysis.cooccurrence', { filters })));
        if (answer) set({ pairs: answer.value });
      } else if (tab === 'frequency') {
        const answer = await guard(() => seq(() => client.call('analysis.frequency', { filters })));
        if (answer) set({ frequency: answer.value });
      } else {
        const answer = await guard(() => seq(() => client.call('analysis.words', { limit: 200, filters })));
        if (answer) set({ words: answer.value });
        if (word !== null) await get().showWord(word);
      }
    } finally {
      set({ busy: false });
    }
    // A drill-down list stays in step with the filters it was opened under.
    const drill = get().drill;
    if (drill) await get().openDrill(drill.cell, drill.title);
  },

  setTab(tab) {
    if (tab === get().tab) return;
    set({ tab, drill: null });
    void get().reload();
  },

  setFilters(filters) {
    set({ filters: { ...get().filters, ...filters } });
    void get().reload();
  },

  setAttribute(attribute) {
    set({ attribute, drill: null });
    void get().reload();
  },

  setMeasure(measure) {
    set({ measure });
  },

  setCooccurrenceShow(cooccurrenceShow) {
    set({ cooccurrenceShow });
  },

  async openDrill(cell, title) {
    set({ drill: { title, cell, result: get().drill?.cell === cell ? (get().drill?.result ?? null) : null } });
    const filters = filtersInput(get().filters);
    const answer = await guard(() => drillSeq(() => getClient().call('analysis.drill', { cell, filters })));
    if (answer && get().drill?.cell === cell) set({ drill: { title, cell, result: answer.value } });
  },

  closeDrill() {
    set({ drill: null });
  },

  async showWord(word) {
    set({ word, kwic: get().word === word ? get().kwic : null });
    const filters = filtersInput(get().filters);
    const answer = await guard(() =>
      kwicSeq(() => getClient().call('analysis.kwic', { word, limit: 500, context: 50, filters })),
    );
    if (answer && get().word === word) set({ kwic: answer.value });
  },

  closeWord() {
    set({ word: null, kwic: null });
  },

  openExcerpt(e) {
    useNav.getState().go('documents');
    void useDocuments.getState().open(e.documentId, { start: e.start, end: e.end }, true);
  },

  openHit(h) {
    get().openExcerpt(h);
  },

  async exportTable(format) {
    const s = get();
    const view = s.tab === 'words' && s.word !== null ? 'kwic' : s.tab;
    if (view === 'matrix' && s.attribute === null) return;
    const result = await guard(() =>
      getClient().call('analysis.export', {
        view,
        format,
        filters: filtersInput(s.filters),
        ...(view === 'matrix' && s.attribute ? { attribute: s.attribute } : {}),
        ...(view === 'kwic' && s.word ? { word: s.word } : {}),
      }),
    );
    if (result) await save(result);
  },

  async saveChart(kind, data) {
    const stem = fileStem(get());
    if (kind === 'svg') {
      await save({ fileName: `${stem}.svg`, mediaType: 'image/svg+xml', encoding: 'utf8', data });
      return;
    }
    const comma = data.indexOf(',');
    await save({ fileName: `${stem}.png`, mediaType: 'image/png', encoding: 'base64', data: data.slice(comma + 1) });
  },
}));
