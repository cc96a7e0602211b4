/**
 * The application object every host creates: it owns the open project (at most one per
 * app), the recent-projects list, and the dispatcher bound to the contract.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { exportingMethods } from './contract/methods/exporting.js';
import type { ExportChoices } from './contract/report-types.js';
import type { AppStatus, ProjectInfo } from './contract/types.js';
import { QuarryError } from './errors.js';
import type { PdfPrinter } from './export/pdf.js';
import { createDispatcher, type Dispatcher, type Handlers } from './host.js';
import { intercoderAgreement } from './services/agreement.js';
import { codeCooccurrence, codeMatrix, wordCounts } from './services/analysis.js';
import { addAttribute, listAttributes, updateAttribute } from './services/attributes.js';
import {
  addCard,
  addCards,
  addGroup,
  bindGroup,
  boardFromCodes,
  createBoard,
  deleteBoard,
  deleteCard,
  deleteCards,
  deleteGroup,
  getBoard,
  listBoards,
  moveCard,
  moveCards,
  renameBoard,
  setViewport,
  tidyGroup,
  updateCard,
  updateCards,
  updateGroup,
  vote,
} from './services/boards.js';
import { codeAllHits, previewCodeAll } from './services/code-hits.js';
import {
  addCode,
  deleteCode,
  listCodes,
  mergeCodes,
  moveCode,
  renameCode,
  splitCode,
  updateCode,
} from './services/codes.js';
import { codeTrends } from './services/codeTrends.js';
import { DEFAULT_MAX_IMPORT_BYTES, type ImportLimits } from './services/context.js';
import { getDocument, listDocuments } from './services/documents.js';
import {
  deleteExcerpt,
  listExcerpts,
  resizeExcerpt,
  retrieveExcerpts,
  tagExcerpt,
  tagTurns,
  untagExcerpt,
} from './services/excerpts.js';
import { exportProject } from './services/exporting.js';
import {
  addHypothesis,
  deleteHypothesis,
  linkHypothesisEvidence,
  listHypotheses,
  setHypothesisStatus,
  unlinkHypothesisEvidence,
  updateHypothesis,
} from './services/hypotheses.js';
import {
  addInsight,
  deleteInsight,
  getInsight,
  listInsights,
  removeInsightEvidence,
  reorderInsight,
  setInsightEvidence,
  updateInsight,
} from './services/insights.js';
import { linkDocuments, suggestParticipants } from './services/linking.js';
import {
  addMetric,
  importMetricValues,
  linkMetric,
  listMetrics,
  metricsLinkedTo,
  previewMetricFile,
  readMetricFile,
  unlinkMetric,
} from './services/measures.js';
import { exportMeasureTable } from './services/measureTable.js';
import { addMemo, deleteMemo, getMemo, listMemos, updateMemo } from './services/memos.js';
import {
  addParticipant,
  listParticipants,
  setAttributes,
  setDocumentParticipant,
  updateParticipant,
} from './services/participants.js';
import { Preferences } from './services/preferences.js';
import {
  type CoderIdentity,
  closeSession,
  createProject,
  knownCoderId,
  openProject,
  type ProjectSession,
  projectInfo,
  setSessionCoder,
} from './services/projects.js';
import { defaultConfigDir, RecentProjects } from './services/recent.js';
import { exportChoices, rememberExportChoices } from './services/report.js';
import { search, searchMemos } from './services/search.js';
import { tagBatch } from './services/tag-batch.js';
import { UNDO_LABELS, undoLabel } from './undo/labels.js';

export interface AppOptions {
  /** Where recent-projects.json and preferences live; defaults to the OS config dir + /quarry. */
  configDir?: string;
  /** Electron can show native dialogs; a browser needs typed paths. */
  nativeDialogs?: boolean;
  /**
   * The coder identity recorded on new codings when the preferences hold none (set with
   * app.setCoder); defaults to the OS user name.
   */
  coderName?: string;
  /**
   * Whether opening and creating projects adds them to the recent-projects list (default
   * true). The one-shot CLI passes false: scripted runs must not fill the app's list.
   */
  rememberRecent?: boolean;
  /**
   * Who records changes in this app only, ahead of the preferences (`quarry tag --coder NAME`);
   * never saved. The coder is created in the project on their first recorded change.
   */
  coder?: string;
  /** Largest file documents.import accepts, in bytes (default 200 MB). */
  maxImportBytes?: number;
  /**
   * PDF export: a module URL whose `createPrinter()` returns the PdfPrinter (core/export/pdf.ts).
   * A URL, not an object, because options cross into the worker thread; the CLI and `quarry serve`
   * give cli/pdf/chromium.js, Electron prints in its main process instead (electron/pdf.ts).
   */
  printerModule?: string;
}

export interface QuarryApp {
  dispatcher: Dispatcher;
  /** Path of the open project, or null. */
  projectPath(): string | null;
  /** Closes the open project (checkpointing WAL) and releases the file. */
  close(): void;
}

/**
 * Until someone says who they are (app.setCoder saves a name and a random GUID), the same name on
 * the same machine is the same person: a GUID derived from both, so one-shot commands need not
 * write preferences to agree with the app.
 */
function machineCoderGuid(name: string): string {
  const hex = createHash('sha256').update(`quarry-coder\u0000${hostname()}\u0000${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function osUserName(): string {
  try {
    return userInfo().username || 'Researcher';
  } catch {
    return process.env.USER || process.env.USERNAME || 'Researcher';
  }
}

async function loadPrinter(module: string | undefined): Promise<PdfPrinter | undefined> {
  if (!module) return undefined;
  const loaded = (await import(module)) as { createPrinter?: () => PdfPrinter };
  return loaded.createPrinter?.();
}

/** Undoable methods whose handler records its own undo step (around its synchronous part). */
const SELF_RECORDED: ReadonlySet<string> = new Set(['metrics.import']);

export function createApp(options: AppOptions = {}): QuarryApp {
  const configDir = options.configDir ?? defaultConfigDir();
  const preferences = new Preferences(configDir);
  const saved = preferences.read();
  // `quarry tag --coder NAME` codes as NAME for that command only, never saved.
  const startName = options.coder?.trim() || saved.coderName || options.coderName?.trim() || osUserName();
  let coder: CoderIdentity = {
    name: startName,
    guid: saved.coderGuid && startName === saved.coderName ? saved.coderGuid : machineCoderGuid(startName),
  };
  const recent = new RecentProjects(configDir);
  const limits: ImportLimits = { maxFileBytes: options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES };
  let session: ProjectSession | null = null;

  const current = (): ProjectSession => {
    if (!session) throw new QuarryError('NoProject', 'No project is open. Open or create a project first.');
    return session;
  };

  /** Swaps in a freshly opened project, closing the previous one only once the new one is ready. */
  const adopt = (next: ProjectSession): ProjectInfo => {
    const previous = session;
    session = next;
    if (previous) closeSession(previous);
    const info = projectInfo(next);
    if (options.rememberRecent !== false) recent.remember(next.path, info.name);
    return info;
  };

  const handlers: Handlers = {
    'app.status': (): AppStatus => ({
      project: session ? projectInfo(session) : null,
      recent: recent.list(),
      nativeDialogs: options.nativeDialogs ?? false,
      coder: session ? { id: knownCoderId(session), name: session.coderName } : null,
    }),
    'project.create': ({ path, name }) => adopt(createProject(path, name, coder)),
    'project.open': ({ path }) => adopt(openProject(path, coder)),
    'project.info': () => projectInfo(current()),
    'app.setCoder': ({ name }) => {
      const next = name.trim();
      // Another name is another person, with their own GUID; the same name keeps it.
      if (next !== coder.name) coder = { name: next, guid: randomUUID() };
      preferences.write({ coderName: coder.name, coderGuid: coder.guid });
      if (session) setSessionCoder(session, coder);
      return { id: session ? knownCoderId(session) : null, name: coder.name };
    },
    'rounds.list': () => current().repos.studies.listRounds(),
    'coders.list': () =>
      current()
        .repos.coders.list()
        .map((c) => ({ id: c.id, name: c.name, current: c.name === session?.coderName, codings: c.codings })),

    'history.undo': () => current().history.undo(),
    'history.redo': () => current().history.redo(),
    'history.status': () => current().history.status(),

    // Imports are not undoable: the service clears the change log after each file's transaction.
    // The importers (mammoth, papaparse, marked, chardet, iconv-lite) load on first use, so
    // commands and windows that never import do not pay for them at start-up.
    'project.merge': async ({ source, dryRun }) => {
      const project = current();
      const { mergeProject } = await import('./services/merge.js');
      return mergeProject(project, source, { dryRun, limits });
    },
    'documents.import': async ({ files, ...options }) => {
      const project = current();
      const { importFiles } = await import('./services/importing.js');
      return importFiles(project, files, options, limits);
    },
    'documents.previewCsv': async ({ file }) => (await import('./services/importing.js')).previewCsv(file, limits),
    'documents.list': () => listDocuments(current()),
    'documents.get': ({ id }) => getDocument(current(), id),
    'documents.setParticipant': (input) => setDocumentParticipant(current(), input),

    'codes.list': () => listCodes(current()),
    'codes.add': (input) => addCode(current(), input),
    'codes.rename': (input) => renameCode(current(), input),
    'codes.update': (input) => updateCode(current(), input),
    'codes.move': (input) => moveCode(current(), input),
    'codes.delete': (input) => deleteCode(current(), input),
    'codes.merge': (input) => mergeCodes(current(), input),
    'codes.split': (input) => splitCode(current(), input),

    'excerpts.tag': (input) => tagExcerpt(current(), input),
    'excerpts.untag': (input) => untagExcerpt(current(), input),
    'excerpts.delete': ({ id }) => deleteExcerpt(current(), id),
    'excerpts.list': (input) => listExcerpts(current(), input),
    'excerpts.resize': (input) => resizeExcerpt(current(), input),
    'excerpts.tagTurns': (input) => tagTurns(current(), input),
    'excerpts.tagBatch': (input) => tagBatch(current(), input),
    'excerpts.retrieve': (input) => retrieveExcerpts(current(), input),

    'memos.list': (input) => listMemos(current(), input),
    'memos.get': ({ id }) => getMemo(current(), id),
    'memos.add': (input) => addMemo(current(), input),
    'memos.update': (input) => updateMemo(current(), input),
    'memos.delete': ({ id }) => deleteMemo(current(), id),

    'attributes.list': () => listAttributes(current()),
    'attributes.add': (input) => addAttribute(current(), input),
    'attributes.update': (input) => updateAttribute(current(), input),

    'participants.list': (input) => listParticipants(current(), input),
    'participants.update': (input) => updateParticipant(current(), input),
    'participants.add': (input) => addParticipant(current(), input),
    'participants.setAttributes': (input) => setAttributes(current(), input),
    'participants.suggest': (input) => suggestParticipants(current(), input),
    'participants.linkDocuments': (input) => linkDocuments(current(), input),

    'search.query': (input) => search(current(), input),
    'search.memos': (input) => searchMemos(current(), input),
    'search.codeAll': (input) => codeAllHits(current(), input),
    'search.codeAllPreview': (input) => previewCodeAll(current(), input),

    'boards.list': () => listBoards(current()),
    'boards.create': ({ name }) => createBoard(current(), name),
    'boards.get': ({ id }) => getBoard(current(), id),
    'boards.addGroup': (input) => addGroup(current(), input),
    'boards.updateGroup': (input) => updateGroup(current(), input),
    'boards.deleteGroup': ({ id }) => deleteGroup(current(), id),
    'boards.addCard': (input) => addCard(current(), input),
    'boards.moveCard': (input) => moveCard(current(), input),
    'boards.deleteCard': ({ id }) => deleteCard(current(), id),
    'boards.rename': (input) => renameBoard(current(), input),
    'boards.delete': ({ id }) => deleteBoard(current(), id),
    // Where a window last looked is not a change worth an undo step: its log entry is dropped.
    'boards.setViewport': (input) => current().history.ignore(() => setViewport(current(), input)),
    'boards.fromCodes': (input) => boardFromCodes(current(), input),
    'boards.bindGroup': (input) => bindGroup(current(), input),
    'boards.tidyGroup': ({ id }) => tidyGroup(current(), id),
    'boards.addCards': (input) => addCards(current(), input),
    'boards.moveCards': (input) => moveCards(current(), input),
    'boards.updateCard': (input) => updateCard(current(), input),
    'boards.updateCards': (input) => updateCards(current(), input),
    'boards.deleteCards': (input) => deleteCards(current(), input),
    'boards.vote': (input) => vote(current(), input),

    'insights.add': (input) => addInsight(current(), input),
    'insights.list': () => listInsights(current()),
    'insights.get': ({ id }) => getInsight(current(), id),
    'insights.update': (input) => updateInsight(current(), input),
    'insights.setEvidence': (input) => setInsightEvidence(current(), input),
    'insights.removeEvidence': (input) => removeInsightEvidence(current(), input),
    'insights.reorder': (input) => reorderInsight(current(), input),
    'insights.delete': ({ id }) => deleteInsight(current(), id),

    'hypotheses.list': () => listHypotheses(current()),
    'hypotheses.add': (input) => addHypothesis(current(), input),
    'hypotheses.update': (input) => updateHypothesis(current(), input),
    'hypotheses.setStatus': (input) => setHypothesisStatus(current(), input),
    'hypotheses.linkEvidence': (input) => linkHypothesisEvidence(current(), input),
    'hypotheses.unlinkEvidence': (input) => unlinkHypothesisEvidence(current(), input),
    'hypotheses.delete': ({ id }) => deleteHypothesis(current(), id),

    'export.report': async (input) =>
      exportProject(current(), input, input.format === 'pdf' ? await loadPrinter(options.printerModule) : undefined),
    'export.choices': () => ({
      choices: exportChoices(current(), (raw) => {
        const parsed = exportingMethods['export.rememberChoices'].input.safeParse(raw);
        return parsed.success ? (parsed.data as ExportChoices) : null;
      }),
    }),
    'export.rememberChoices': (input) => rememberExportChoices(current(), input as ExportChoices),

    'metrics.add': (input) => addMetric(current(), input),
    'metrics.preview': (input) => previewMetricFile(input),
    // Reading a workbook is asynchronous, so the file is read first and only the writing runs
    // inside the undo step (History.record is synchronous); see SELF_RECORDED below.
    'metrics.import': async (input) => {
      const table = await readMetricFile(input.file, input.sheet);
      const s = current();
      return s.history.record(undoLabel(s, 'metrics.import', input) ?? 'import measure', () =>
        importMetricValues(s, input, table),
      );
    },
    'metrics.list': () => listMetrics(current()),
    'metrics.link': (input) => linkMetric(current(), input),
    'metrics.unlink': (input) => unlinkMetric(current(), input),
    'metrics.linkedTo': (input) => metricsLinkedTo(current(), input),
    'metrics.codeTrends': (input) => codeTrends(current(), input),
    'metrics.exportTable': (input) => exportMeasureTable(current(), input),

    'analysis.matrix': ({ attribute, filters }) => codeMatrix(current(), attribute, filters),
    'analysis.cooccurrence': ({ filters }) => codeCooccurrence(current(), filters),
    'analysis.words': (input) => wordCounts(current(), input),
    'analysis.agreement': (input) => intercoderAgreement(current(), input),
  };

  // Every undoable method runs inside its session's history: one undo step per call.
  for (const [method, labeller] of Object.entries(UNDO_LABELS)) {
    const name = method as keyof Handlers;
    if (SELF_RECORDED.has(name)) continue;
    const run = handlers[name] as (input: unknown) => unknown;
    const label = labeller as (ctx: ProjectSession, input: unknown) => string;
    (handlers as Record<string, (input: unknown) => unknown>)[name] = (input) => {
      const s = current();
      return s.history.record(label(s, input), () => run(input));
    };
  }

  return {
    dispatcher: createDispatcher(
      handlers,
      () => session !== null,
      () => session?.history.takeChanges(),
    ),
    projectPath: () => session?.path ?? null,
    close() {
      if (session) {
        const closing = session;
        session = null;
        closeSession(closing);
      }
    },
  };
}
