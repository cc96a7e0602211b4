/**
 * The export dialog's decisions: format, sections, codes and boards, language, title, redaction;
 * the choices are remembered in the project (export.rememberChoices) and loaded when the dialog
 * opens. An export is one contract call; "Cancel" while it runs stops waiting for it and saves
 * nothing (the report is only built in memory, so nothing needs undoing).
 */
import { create } from 'zustand';
import type { Board, BoardId, Code, CodeId } from '../../../core/contract/index.js';
// Straight from report-types (no zod in it): importing values through contract/index.js would
// pull the zod schemas into the renderer, and zod's eval probe trips the page's CSP.
import {
  DEFAULT_REPORT_SECTIONS,
  type ExportChoices,
  type ExportTable,
  type ReportFileFormat,
  type ReportLanguage,
  type ReportSections,
} from '../../../core/contract/report-types.js';
import { bridge, getClient, unwrap } from '../client/index.js';
import { downloadFile } from '../lib/files.js';
import { guard, useActivity } from './activity.js';

export type ReportFormat = ReportFileFormat;
export type SectionFlag =
  | 'executiveSummary'
  | 'insights'
  | 'hypotheses'
  | 'method'
  | 'participants'
  | 'charts'
  | 'appendix';
export type CodeChoice = 'all' | 'none' | 'some';

const FORMAT_NAMES: Record<ReportFormat, string> = {
  md: 'Markdown report',
  html: 'HTML report',
  pdf: 'PDF report',
  docx: 'Word report',
  pptx: 'insight deck',
  csv: 'CSV table',
  xlsx: 'Excel workbook',
};

interface ExportState {
  format: ReportFormat;
  /** For CSV: which table goes in the file. */
  table: ExportTable;
  sections: Record<SectionFlag, boolean>;
  codeChoice: CodeChoice;
  codeIds: CodeId[];
  boardIds: BoardId[];
  language: ReportLanguage;
  title: string;
  redact: boolean;
  /** What can be chosen: the project's codes and boards (loaded with the choices). */
  codes: Code[];
  boards: Board[];
  busy: boolean;
  /** "Building the report…", "Printing the PDF…" while busy. */
  stage: string | null;
  /** Set by cancel(); the running export's answer is dropped. */
  cancelled: boolean;
  load(): Promise<void>;
  setFormat(format: ReportFormat): void;
  setTable(table: ExportTable): void;
  setSection(section: SectionFlag, on: boolean): void;
  setCodeChoice(choice: CodeChoice): void;
  toggleCode(id: CodeId, on: boolean): void;
  toggleBoard(id: BoardId, on: boolean): void;
  setLanguage(language: ReportLanguage): void;
  setTitle(title: string): void;
  setRedact(redact: boolean): void;
  choices(): ExportChoices;
  run(): Promise<boolean>;
  cancel(): void;
}

const FLAGS: SectionFlag[] = [
  'executiveSummary',
  'insights',
  'hypotheses',
  'method',
  'participants',
  'charts',
  'appendix',
];
/** Each run gets a number; cancel() moves past it, so a cancelled run's answer is dropped. */
let runSeq = 0;

const defaultFlags = () =>
  Object.fromEntries(FLAGS.map((f) => [f, DEFAULT_REPORT_SECTIONS[f]])) as Record<SectionFlag, boolean>;

export const useExport = create<ExportState>()((set, get) => ({
  format: 'html',
  table: 'excerpts',
  sections: defaultFlags(),
  codeChoice: 'all',
  codeIds: [],
  boardIds: [],
  language: 'en',
  title: '',
  redact: false,
  codes: [],
  boards: [],
  busy: false,
  stage: null,
  cancelled: false,

  async load() {
    const client = getClient();
    const loaded = await guard(async () => {
      const [codes, boards, saved] = await Promise.all([
        client.call('codes.list', {}),
        client.call('boards.list', {}),
        client.call('export.choices', {}),
      ]);
      return { codes, boards, saved: saved.choices };
    });
    if (!loaded) return;
    const { codes, boards, saved } = loaded;
    const codeIds = new Set(codes.map((c) => c.id));
    const boardIds = new Set(boards.map((b) => b.id));
    if (!saved) {
      set({ codes, boards });
      return;
    }
    // Codes or boards deleted since are dropped from the remembered choice.
    const sections: ReportSections = saved.sections;
    set({
      codes,
      boards,
      format: saved.format,
      table: saved.table ?? 'excerpts',
      redact: saved.redact,
      language: saved.language,
      title: saved.title ?? '',
      sections: Object.fromEntries(FLAGS.map((f) => [f, sections[f]])) as Record<SectionFlag, boolean>,
      codeChoice: Array.isArray(sections.codes) ? 'some' : sections.codes,
      codeIds: Array.isArray(sections.codes) ? sections.codes.filter((id) => codeIds.has(id)) : [],
      boardIds: sections.boards.filter((id) => boardIds.has(id)),
    });
  },
  setFormat: (format) => set({ format }),
  setTable: (table) => set({ table }),
  setSection: (section, on) => set({ sections: { ...get().sections, [section]: on } }),
  setCodeChoice: (codeChoice) => set({ codeChoice }),
  toggleCode: (id, on) => {
    const rest = get().codeIds.filter((c) => c !== id);
    set({ codeIds: on ? [...rest, id] : rest });
  },
  toggleBoard: (id, on) => {
    const rest = get().boardIds.filter((b) => b !== id);
    set({ boardIds: on ? [...rest, id] : rest });
  },
  setLanguage: (language) => set({ language }),
  setTitle: (title) => set({ title }),
  setRedact: (redact) => set({ redact }),

  choices() {
    const s = get();
    const codes = s.codeChoice === 'some' ? (s.codeIds.length > 0 ? s.codeIds : 'none') : s.codeChoice;
    return {
      format: s.format,
      ...(s.format === 'csv' ? { table: s.table } : {}),
      redact: s.redact,
      language: s.language,
      sections: { ...s.sections, codes, boards: s.boardIds },
      ...(s.title.trim() ? { title: s.title.trim() } : {}),
    };
  },

  async run() {
    if (get().busy) return false;
    const choices = get().choices();
    const activity = useActivity.getState();
    const client = getClient();
    const mine = ++runSeq;
    set({
      busy: true,
      cancelled: false,
      stage:
        choices.format === 'pdf'
          ? 'Building and printing the PDF…'
          : choices.format === 'docx' || choices.format === 'pptx'
            ? 'Building the document and drawing its charts…'
            : 'Building the report…',
    });
    activity.setWork(`Exporting the ${FORMAT_NAMES[choices.format]}…`);
    try {
      // Remembering is best effort: a read-only project still exports.
      void client.call('export.rememberChoices', choices).catch(() => undefined);
      const result = await guard(() => client.call('export.report', choices));
      if (!result || mine !== runSeq) return false;
      set({ stage: 'Saving…' });
      const save = bridge()?.saveDialog;
      if (save) {
        // Electron: a native "save as" writes the file where the researcher chooses.
        const saved = await guard(async () =>
          unwrap(
            await save({ purpose: 'export', fileName: result.fileName, encoding: result.encoding, data: result.data }),
          ),
        );
        if (!saved || saved.canceled) return false;
        activity.toast('success', `Saved ${saved.path}`);
        return true;
      }
      downloadFile(result.fileName, result.mediaType, result.data, result.encoding);
      activity.toast('success', `Exported ${result.fileName}`);
      return true;
    } finally {
      if (mine === runSeq) {
        set({ busy: false, stage: null });
        activity.setWork(null);
      }
    }
  },

  cancel() {
    if (!get().busy) return;
    runSeq += 1;
    set({ cancelled: true, busy: false, stage: null });
    useActivity.getState().setWork(null);
    useActivity.getState().toast('info', 'Export cancelled; nothing was saved.');
  },
}));
