/**
 * The Metrics dashboard: the measures with their rounds, segments, tasks and links; the study
 * shown; the codes whose prevalence moved in that study; defining a measure; the import flow
 * (file → preview and column mapping → import, with its counts or its error); links from
 * insights and hypotheses; and the measure table export.
 */
import { create } from 'zustand';
import type { HypothesisId } from '../../../core/contract/hypotheses-types.js';
import type { InsightId, Round } from '../../../core/contract/index.js';
import type {
  CodeTrends,
  MeasureKind,
  Metric,
  MetricFilePreview,
  MetricId,
  MetricImportResult,
} from '../../../core/contract/measures-types.js';
import { bridge, errorMessage, getClient, unwrap } from '../client/index.js';
import { downloadFile, readFileBase64 } from '../lib/files.js';
import { guard, latestOnly, mutate, useActivity } from './activity.js';
import { changed } from './changes.js';

export interface MeasureDraft {
  name: string;
  kind: MeasureKind;
  unit: string;
  target: string;
  higherIsBetter: boolean;
}

export interface ImportMapping {
  metric: string;
  round: string;
  sheet: string | null;
  columns: string[];
  participantColumn: string;
  segmentColumn: string;
  taskColumn: string;
}

export interface ImportFlow {
  file: { name: string; dataBase64: string };
  preview: MetricFilePreview;
  mapping: ImportMapping;
  busy: boolean;
  result: MetricImportResult | null;
  error: string | null;
}

interface MetricsState {
  list: Metric[];
  rounds: Round[];
  loaded: boolean;
  study: string | null;
  trends: CodeTrends | null;
  /** The two rounds the code trends compare, when the user picked them (else the last two). */
  compare: { from: string; to: string } | null;
  /** The "define a measure" form, open or not. */
  defining: boolean;
  flow: ImportFlow | null;
  load(): Promise<void>;
  setStudy(study: string): Promise<void>;
  /** Compares the codes between two rounds of the study (either order). */
  setCompare(from: string, to: string): Promise<void>;
  setDefining(open: boolean): void;
  define(draft: MeasureDraft): Promise<boolean>;
  startImport(file: File, metric?: string): Promise<void>;
  setSheet(sheet: string): Promise<void>;
  setMapping(patch: Partial<ImportMapping>): void;
  runImport(): Promise<void>;
  closeImport(): void;
  /** Links a finding to a measure; with a note, also (re)writes how it explains the measure. */
  link(metricId: MetricId, end: { insightId?: InsightId; hypothesisId?: HypothesisId }, note?: string): Promise<void>;
  unlink(metricId: MetricId, end: { insightId?: InsightId; hypothesisId?: HypothesisId }): Promise<void>;
  exportTable(metricId: MetricId | undefined, format: 'csv' | 'xlsx'): Promise<void>;
  reset(): void;
}

const seq = latestOnly();

/** The studies measures and documents belong to, in the order rounds list them. */
export function studiesOf(list: readonly Metric[], rounds: readonly Round[]): string[] {
  const names = [...rounds.map((r) => r.study), ...list.flatMap((m) => m.rounds.map((r) => r.study))];
  return [...new Set(names)];
}

/** A mapping to start from: the file's guess, the measure chosen, and the latest round of the study. */
function initialMapping(preview: MetricFilePreview, metric: string, round: string): ImportMapping {
  return {
    metric,
    round,
    sheet: preview.sheet,
    columns: preview.suggested.columns,
    participantColumn: preview.suggested.participantColumn ?? '',
    segmentColumn: preview.suggested.segmentColumn ?? '',
    taskColumn: preview.suggested.taskColumn ?? '',
  };
}

type MetricsData = Pick<
  MetricsState,
  'list' | 'rounds' | 'loaded' | 'study' | 'trends' | 'compare' | 'defining' | 'flow'
>;

const initial: MetricsData = {
  list: [],
  rounds: [],
  loaded: false,
  study: null,
  trends: null,
  compare: null,
  defining: false,
  flow: null,
};

export const useMetrics = create<MetricsState>()((set, get) => ({
  ...initial,

  async load() {
    const client = getClient();
    const answer = await guard(() =>
      seq(async () => {
        const [list, rounds] = await Promise.all([client.call('metrics.list', {}), client.call('rounds.list', {})]);
        const studies = studiesOf(list, rounds);
        const current = get().study;
        const study = current !== null && studies.includes(current) ? current : (studies[0] ?? null);
        // A picked pair is kept while both rounds still exist (a round can be renamed or deleted).
        const picked = study === current ? get().compare : null;
        const exists = (name: string) => rounds.some((r) => r.study === study && r.name === name);
        const compare = picked && exists(picked.from) && exists(picked.to) ? picked : null;
        const trends = study !== null ? await client.call('metrics.codeTrends', { study, ...compare }) : null;
        return { list, rounds, study, trends, compare };
      }),
    );
    if (answer) set({ ...answer.value, loaded: true });
  },

  async setStudy(study) {
    set({ study, trends: null, compare: null });
    const trends = await guard(() => getClient().call('metrics.codeTrends', { study }));
    if (trends && get().study === study) set({ trends });
  },

  async setCompare(from, to) {
    const { study } = get();
    if (study === null) return;
    const trends = await guard(() => getClient().call('metrics.codeTrends', { study, from, to }));
    if (trends && get().study === study) set({ trends, compare: { from, to } });
  },

  setDefining(defining) {
    set({ defining });
  },

  async define(draft) {
    const target = draft.target.trim() === '' ? undefined : Number(draft.target.replace(',', '.'));
    if (target !== undefined && !Number.isFinite(target)) {
      useActivity.getState().toast('error', 'The target must be a number.');
      return false;
    }
    const answer = await mutate(() =>
      getClient().call('metrics.add', {
        name: draft.name,
        kind: draft.kind,
        unit: draft.unit,
        higherIsBetter: draft.higherIsBetter,
        ...(target !== undefined ? { target } : {}),
      }),
    );
    if (!answer) return false;
    set({ defining: false });
    await changed('metrics.add');
    await get().load();
    return true;
  },

  async startImport(file, metric) {
    let dataBase64: string;
    try {
      dataBase64 = await readFileBase64(file);
    } catch (err) {
      useActivity.getState().toast('error', errorMessage(err));
      return;
    }
    const upload = { name: file.name, dataBase64 };
    const preview = await guard(() => getClient().call('metrics.preview', { file: upload }));
    if (!preview) return;
    const { list, rounds, study } = get();
    const round = rounds.filter((r) => r.study === study).at(-1)?.name ?? 'Round 1';
    set({
      flow: {
        file: upload,
        preview,
        mapping: initialMapping(preview, metric ?? list[0]?.name ?? '', round),
        busy: false,
        result: null,
        error: null,
      },
    });
  },

  async setSheet(sheet) {
    const flow = get().flow;
    if (!flow) return;
    const preview = await guard(() => getClient().call('metrics.preview', { file: flow.file, sheet }));
    if (!preview) return;
    set({ flow: { ...flow, preview, mapping: initialMapping(preview, flow.mapping.metric, flow.mapping.round) } });
  },

  setMapping(patch) {
    const flow = get().flow;
    if (flow) set({ flow: { ...flow, mapping: { ...flow.mapping, ...patch }, result: null, error: null } });
  },

  async runImport() {
    const flow = get().flow;
    if (!flow || flow.busy) return;
    const m = flow.mapping;
    set({ flow: { ...flow, busy: true, error: null, result: null } });
    const optional = (key: string, value: string) => (value ? { [key]: value } : {});
    try {
      const result = await getClient().call('metrics.import', {
        metric: m.metric,
        round: m.round,
        ...(get().study ? { study: get().study as string } : {}),
        file: flow.file,
        ...(m.sheet ? { sheet: m.sheet } : {}),
        columns: m.columns,
        ...optional('participantColumn', m.participantColumn),
        ...optional('segmentColumn', m.segmentColumn),
        ...optional('taskColumn', m.taskColumn),
      });
      set({ flow: { ...flow, busy: false, result } });
      await changed('metrics.import');
      await get().load();
    } catch (err) {
      // The file is refused whole: the message names the row and column to fix.
      set({ flow: { ...flow, busy: false, error: errorMessage(err) } });
    }
  },

  closeImport() {
    set({ flow: null });
  },

  async link(metricId, end, note) {
    const ok = await mutate(() =>
      getClient().call('metrics.link', { metricId, ...end, ...(note !== undefined ? { note } : {}) }),
    );
    if (!ok) return;
    await changed('metrics.link');
    await get().load();
  },

  async unlink(metricId, end) {
    const ok = await mutate(() => getClient().call('metrics.unlink', { metricId, ...end }));
    if (!ok) return;
    await changed('metrics.unlink');
    await get().load();
  },

  async exportTable(metricId, format) {
    const result = await guard(() =>
      getClient().call('metrics.exportTable', { format, ...(metricId !== undefined ? { metricId } : {}) }),
    );
    if (!result) return;
    await saveFile(result.fileName, result.mediaType, result.data, result.encoding);
  },

  reset() {
    set(initial);
  },
}));

/** Saves an exported file: a native "save as" in Electron, a download in a browser. */
export async function saveFile(
  fileName: string,
  mediaType: string,
  data: string,
  encoding: 'utf8' | 'base64',
): Promise<void> {
  const save = bridge()?.saveDialog;
  if (save) {
    const saved = await guard(async () => unwrap(await save({ purpose: 'export', fileName, encoding, data })));
    if (saved && !saved.canceled) useActivity.getState().toast('success', `Saved ${saved.path}`);
    return;
  }
  downloadFile(fileName, mediaType, data, encoding);
  useActivity.getState().toast('success', `Exported ${fileName}`);
}
