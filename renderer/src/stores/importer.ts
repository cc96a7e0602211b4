/**
 * The import flow, for the file picker, drag-and-drop (files and folders), the native
 * dialog and pasted text alike. Survey CSVs are previewed first so the researcher confirms
 * the column roles; then the store loops over the files, one documents.import call per file
 * (each file is its own transaction, so Cancel between files leaves only whole files), and
 * keeps a determinate progress count. The summary goes to a toast; files that were already
 * in the project are listed with a choice to import them anyway.
 */
import { create } from 'zustand';
import { participantPattern } from '../../../core/contract/fileLabel.js';
import type { CsvColumnRole, CsvPreview, DocumentId, ImportResult } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, mutate, useActivity } from './activity.js';
import { changed } from './changes.js';
import { useDocuments } from './documents.js';

/**
 * A file to import whose bytes are read only when its turn comes, or one the desktop dialog
 * picked, sent by its path (the main process lets only the dialog's paths through).
 */
export type PendingFile = { name: string; read(): Promise<string> } | { name: string; path: string };

type Loaded = { name: string; dataBase64: string } | { path: string };

export interface CsvChoice {
  file: Loaded;
  preview: CsvPreview;
  roles: Record<string, CsvColumnRole>;
}

type Mapping = { idColumn: string | null; attributeColumns: string[]; textColumns: string[] };

/**
 * Who the imported transcripts belong to, as `quarry import` offers it: nobody (link later),
 * one participant per file named by a pattern in the file name, each file's main speaker, or
 * one named participant for every file.
 */
export type ParticipantMode = 'none' | 'pattern' | 'speaker' | 'name';

export interface ImportChoices {
  mode: ParticipantMode;
  /** For 'pattern': a regular expression found in each file name (its first group, or the match). */
  pattern: string;
  /** For 'name'. */
  name: string;
}

/** The documents.import options for the choices. */
export function participantOptions(choices: ImportChoices): {
  participant?: string;
  participantPattern?: string;
  participantFromSpeaker?: boolean;
} {
  if (choices.mode === 'pattern' && choices.pattern.trim()) return { participantPattern: choices.pattern.trim() };
  if (choices.mode === 'speaker') return { participantFromSpeaker: true };
  if (choices.mode === 'name' && choices.name.trim()) return { participant: choices.name.trim() };
  return {};
}

/** The choices can be imported with: a valid pattern, a name when one is asked for. */
export function choicesProblem(choices: ImportChoices): string | null {
  if (choices.mode === 'pattern') {
    if (!choices.pattern.trim()) return 'Type a pattern to find in the file names, or choose another option.';
    const compiled = participantPattern(choices.pattern.trim());
    if ('error' in compiled) return compiled.error;
  }
  if (choices.mode === 'name' && !choices.name.trim()) return 'Type the participant’s name.';
  return null;
}
type Duplicate = ImportResult['duplicates'][number];

interface ImporterState {
  running: boolean;
  done: number;
  total: number;
  current: string | null;
  cancelRequested: boolean;
  /** The CSV whose column roles are being confirmed, if any. */
  csv: CsvChoice | null;
  /** The transcripts of a batch waiting for the participant choice (names only), or null. */
  batch: string[] | null;
  choices: ImportChoices;
  setChoices(patch: Partial<ImportChoices>): void;
  /** Resolves the open batch choice: import with the choices, or import nothing. */
  confirmBatch(use: boolean): void;
  /** Files skipped because their bytes were already in the project, kept for "import anyway". */
  duplicates: { file: Loaded; duplicate: Duplicate }[];
  pasteOpen: boolean;
  start(files: PendingFile[]): Promise<void>;
  cancel(): void;
  setRole(column: string, role: CsvColumnRole): void;
  /** Resolves the open CSV preview: import with the chosen roles, or leave the file out. */
  confirmCsv(use: boolean): void;
  importDuplicatesAnyway(): Promise<void>;
  dismissDuplicates(): void;
  setPasteOpen(open: boolean): void;
  paste(title: string, text: string): Promise<boolean>;
}

let csvDecision: ((mapping: Mapping | null) => void) | null = null;
let batchDecision: ((use: boolean) => void) | null = null;

const isCsv = (name: string) => /\.(csv|tsv)$/i.test(name);
/** Files that name their own participants: survey exports (respondents) and REFI-QDA projects (cases). */
const namesItsParticipants = (name: string) => isCsv(name) || /\.(qdpx|qdc)$/i.test(name);

function mappingOf(roles: Record<string, CsvColumnRole>): Mapping {
  const of = (role: CsvColumnRole) => Object.keys(roles).filter((c) => roles[c] === role);
  return { idColumn: of('id')[0] ?? null, attributeColumns: of('attribute'), textColumns: of('text') };
}

function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function report(result: ImportResult, unreadable: string[], cancelled: number): void {
  const activity = useActivity.getState();
  const rejected = [...unreadable, ...result.rejected.map((r) => `${r.file} — ${r.error}`)];
  // What a REFI-QDA project could not bring over (a selection that cannot be placed, a video source…).
  const warnings = result.imported.flatMap((r) => (r.warnings ?? []).map((w) => `${r.file} — ${w}`));
  const n = result.imported.length;
  const tail = cancelled > 0 ? ` (cancelled; ${cancelled} not imported)` : '';
  if (n > 0) {
    const title = `Imported ${n} file${n === 1 ? '' : 's'}${rejected.length ? `, ${rejected.length} rejected` : ''}${tail}`;
    const details = [...rejected, ...warnings];
    activity.toast(rejected.length ? 'error' : 'success', title, details.length ? details : undefined);
  } else if (rejected.length > 0) {
    activity.toast('error', `No file was imported (${rejected.length} rejected)${tail}`, rejected);
  } else if (cancelled > 0) {
    activity.toast('info', `Import cancelled; ${cancelled} file${cancelled === 1 ? '' : 's'} not imported`);
  }
}

export const useImporter = create<ImporterState>()((set, get) => ({
  running: false,
  done: 0,
  total: 0,
  current: null,
  cancelRequested: false,
  csv: null,
  batch: null,
  choices: { mode: 'none', pattern: '.+', name: '' },
  duplicates: [],
  pasteOpen: false,

  async start(files) {
    if (files.length === 0 || get().running) return;
    set({ running: true, done: 0, total: files.length, current: null, cancelRequested: false, duplicates: [] });
    const activity = useActivity.getState();
    activity.setWork(`Importing ${files.length === 1 ? files[0]?.name : `${files.length} files`}…`);
    const result: ImportResult = { imported: [], rejected: [], duplicates: [] };
    const unreadable: string[] = [];
    const skipped: { file: Loaded; duplicate: Duplicate }[] = [];
    let cancelled = 0;
    try {
      // Two or more transcripts: first ask who they belong to (survey CSVs name their
      // respondents, REFI-QDA projects their cases).
      const transcripts = files.filter((f) => !namesItsParticipants(f.name));
      let options = {};
      if (transcripts.length >= 2) {
        const use = await new Promise<boolean>((resolve) => {
          batchDecision = resolve;
          set({ batch: transcripts.map((f) => f.name) });
        });
        set({ batch: null });
        if (!use) {
          activity.toast('info', 'Import cancelled; nothing was imported');
          return;
        }
        options = participantOptions(get().choices);
      }
      // CSVs first: their column roles are confirmed before anything is written.
      const mappings = new Map<PendingFile, Mapping>();
      const loaded = new Map<PendingFile, Loaded>();
      for (const file of files.filter((f) => isCsv(f.name))) {
        const upload = await readOrNote(file, unreadable);
        if (!upload) continue;
        loaded.set(file, upload);
        const preview = await guard(() => getClient().call('documents.previewCsv', { file: upload }));
        if (!preview) continue;
        const roles = Object.fromEntries(preview.columns.map((c) => [c.name, c.role]));
        const mapping = await new Promise<Mapping | null>((resolve) => {
          csvDecision = resolve;
          set({ csv: { file: upload, preview, roles } });
        });
        set({ csv: null });
        if (mapping) mappings.set(file, mapping);
        if (get().cancelRequested) break;
      }
      for (const [index, file] of files.entries()) {
        if (get().cancelRequested) {
          cancelled = files.length - index;
          break;
        }
        set({ current: file.name });
        if (isCsv(file.name) && !mappings.has(file)) {
          set({ done: index + 1 });
          continue;
        }
        const upload = loaded.get(file) ?? (await readOrNote(file, unreadable));
        if (upload) {
          const csv = mappings.get(file);
          const one = await mutate(() =>
            getClient().call('documents.import', { files: [upload], ...(csv ? { csv } : options) }),
          );
          if (one) {
            result.imported.push(...one.imported);
            result.rejected.push(...one.rejected);
            result.duplicates.push(...one.duplicates);
            for (const duplicate of one.duplicates) skipped.push({ file: upload, duplicate });
          }
        }
        set({ done: index + 1 });
      }
      if (result.imported.length > 0) await changed('documents.import');
      report(result, unreadable, cancelled);
      set({ duplicates: skipped });
      const first = result.imported[0]?.documentIds[0];
      if (first !== undefined && useDocuments.getState().openId === null) await useDocuments.getState().open(first);
    } finally {
      set({ running: false, current: null, cancelRequested: false, csv: null, batch: null });
      activity.setWork(null);
    }
  },

  cancel() {
    set({ cancelRequested: true });
    if (csvDecision) get().confirmCsv(false);
    if (batchDecision) get().confirmBatch(false);
  },

  setChoices(patch) {
    set({ choices: { ...get().choices, ...patch } });
  },

  confirmBatch(use) {
    const decide = batchDecision;
    batchDecision = null;
    decide?.(use && choicesProblem(get().choices) === null);
  },

  setRole(column, role) {
    const csv = get().csv;
    if (!csv) return;
    const roles = { ...csv.roles, [column]: role };
    // One id column: choosing a new one turns the old one into an attribute.
    if (role === 'id')
      for (const c of Object.keys(roles)) if (c !== column && roles[c] === 'id') roles[c] = 'attribute';
    set({ csv: { ...csv, roles } });
  },

  confirmCsv(use) {
    const csv = get().csv;
    const decide = csvDecision;
    csvDecision = null;
    decide?.(use && csv ? mappingOf(csv.roles) : null);
  },

  async importDuplicatesAnyway() {
    const items = get().duplicates;
    set({ duplicates: [] });
    const ids: DocumentId[] = [];
    for (const { file } of items) {
      const one = await mutate(() => getClient().call('documents.import', { files: [file], duplicates: 'keep' }));
      for (const ok of one?.imported ?? []) ids.push(...ok.documentIds);
    }
    if (ids.length > 0) await changed('documents.import');
    useActivity
      .getState()
      .toast('success', `Imported ${items.length} duplicate${items.length === 1 ? '' : 's'} anyway`);
  },

  dismissDuplicates() {
    set({ duplicates: [] });
  },

  setPasteOpen(open) {
    set({ pasteOpen: open });
  },

  async paste(title, text) {
    if (!text.trim()) return false;
    const name = `${title.trim().replace(/[\\/:*?"<>|]+/g, '-') || 'Pasted text'}.txt`;
    await get().start([{ name, read: async () => utf8Base64(text) }]);
    return true;
  },
}));

async function readOrNote(file: PendingFile, unreadable: string[]): Promise<Loaded | null> {
  if ('path' in file) return { path: file.path };
  try {
    return { name: file.name, dataBase64: await file.read() };
  } catch (err) {
    unreadable.push(`${file.name} — ${(err as Error).message}`);
    return null;
  }
}

/** The CSV roles offered in the preview, in the order shown. */
export const CSV_ROLES: { role: CsvColumnRole; label: string }[] = [
  { role: 'id', label: 'Respondent id' },
  { role: 'attribute', label: 'Attribute' },
  { role: 'text', label: 'Open text' },
  { role: 'ignore', label: 'Ignore' },
];
