/**
 * The application object every host creates: it owns the open project (at most one per
 * app), the recent-projects list, and the dispatcher bound to the contract.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { ExportChoices } from './contract/report-types.js';
import type { AppStatus, ProjectInfo } from './contract/types.js';
import { QuarryError } from './errors.js';
import type { PdfPrinter } from './export/pdf.js';
import { createDispatcher, type Dispatcher, deferred, type Handlers, loaderOf } from './host.js';
import { DEFAULT_MAX_IMPORT_BYTES, type ImportLimits } from './services/context.js';
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

/*
 * Each service module loads on the first call that needs it, so a one-shot command pays only
 * for its own: `quarry search` loads neither the exporters (docx, pptx, exceljs, echarts), the
 * CSV and document importers, nor the boards, insights or analysis services. Their methods are
 * `deferred` (core/host.ts): the dispatcher awaits the import first, so the handlers stay
 * synchronous inside their undo steps. Opening a project (projects.ts) is loaded up front.
 */
const agreement = () => import('./services/agreement.js');
const analysis = () => import('./services/analysis.js');
const analysisExport = () => import('./services/analysis-export.js');
const attributes = () => import('./services/attributes.js');
const boards = () => import('./services/boards.js');
const codeHits = () => import('./services/code-hits.js');
const codeTrends = () => import('./services/codeTrends.js');
const codes = () => import('./services/codes.js');
const documents = () => import('./services/documents.js');
const excerpts = () => import('./services/excerpts.js');
const hypotheses = () => import('./services/hypotheses.js');
const insights = () => import('./services/insights.js');
const linking = () => import('./services/linking.js');
const measures = () => import('./services/measures.js');
const measureTable = () => import('./services/measureTable.js');
const memos = () => import('./services/memos.js');
const participants = () => import('./services/participants.js');
const report = () => import('./services/report.js');
// Remembered export choices are checked against the schema export.rememberChoices takes.
const reportAndSchemas = () => Promise.all([report(), import('./contract/methods/exporting.js')]);
const search = () => import('./services/search.js');
const tagBatch = () => import('./services/tag-batch.js');

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
    'documents.list': deferred(documents, (m) => m.listDocuments(current())),
    'documents.get': deferred(documents, (m, { id }) => m.getDocument(current(), id)),
    'documents.setParticipant': deferred(participants, (m, input) => m.setDocumentParticipant(current(), input)),

    'codes.list': deferred(codes, (m) => m.listCodes(current())),
    'codes.add': deferred(codes, (m, input) => m.addCode(current(), input)),
    'codes.rename': deferred(codes, (m, input) => m.renameCode(current(), input)),
    'codes.update': deferred(codes, (m, input) => m.updateCode(current(), input)),
    'codes.move': deferred(codes, (m, input) => m.moveCode(current(), input)),
    'codes.delete': deferred(codes, (m, input) => m.deleteCode(current(), input)),
    'codes.merge': deferred(codes, (m, input) => m.mergeCodes(current(), input)),
    'codes.split': deferred(codes, (m, input) => m.splitCode(current(), input)),

    'excerpts.tag': deferred(excerpts, (m, input) => m.tagExcerpt(current(), input)),
    'excerpts.untag': deferred(excerpts, (m, input) => m.untagExcerpt(current(), input)),
    'excerpts.delete': deferred(excerpts, (m, { id }) => m.deleteExcerpt(current(), id)),
    'excerpts.list': deferred(excerpts, (m, input) => m.listExcerpts(current(), input)),
    'excerpts.resize': deferred(excerpts, (m, input) => m.resizeExcerpt(current(), input)),
    'excerpts.tagTurns': deferred(excerpts, (m, input) => m.tagTurns(current(), input)),
    'excerpts.tagBatch': deferred(tagBatch, (m, input) => m.tagBatch(current(), input)),
    'excerpts.retrieve': deferred(excerpts, (m, input) => m.retrieveExcerpts(current(), input)),

    'memos.list': deferred(memos, (m, input) => m.listMemos(current(), input)),
    'memos.get': deferred(memos, (m, { id }) => m.getMemo(current(), id)),
    'memos.add': deferred(memos, (m, input) => m.addMemo(current(), input)),
    'memos.update': deferred(memos, (m, input) => m.updateMemo(current(), input)),
    'memos.delete': deferred(memos, (m, { id }) => m.deleteMemo(current(), id)),

    'attributes.list': deferred(attributes, (m) => m.listAttributes(current())),
    'attributes.add': deferred(attributes, (m, input) => m.addAttribute(current(), input)),
    'attributes.update': deferred(attributes, (m, input) => m.updateAttribute(current(), input)),

    'participants.list': deferred(participants, (m, input) => m.listParticipants(current(), input)),
    'participants.update': deferred(participants, (m, input) => m.updateParticipant(current(), input)),
    'participants.add': deferred(participants, (m, input) => m.addParticipant(current(), input)),
    'participants.setAttributes': deferred(participants, (m, input) => m.setAttributes(current(), input)),
    'participants.suggest': deferred(linking, (m, input) => m.suggestParticipants(current(), input)),
    'participants.linkDocuments': deferred(linking, (m, input) => m.linkDocuments(current(), input)),

    'search.query': deferred(search, (m, input) => m.search(current(), input)),
    'search.memos': deferred(search, (m, input) => m.searchMemos(current(), input)),
    'search.codeAll': deferred(codeHits, (m, input) => m.codeAllHits(current(), input)),
    'search.codeAllPreview': deferred(codeHits, (m, input) => m.previewCodeAll(current(), input)),

    'boards.list': deferred(boards, (m) => m.listBoards(current())),
    'boards.create': deferred(boards, (m, { name }) => m.createBoard(current(), name)),
    'boards.get': deferred(boards, (m, { id }) => m.getBoard(current(), id)),
    'boards.addGroup': deferred(boards, (m, input) => m.addGroup(current(), input)),
    'boards.updateGroup': deferred(boards, (m, input) => m.updateGroup(current(), input)),
    'boards.deleteGroup': deferred(boards, (m, { id }) => m.deleteGroup(current(), id)),
    'boards.addCard': deferred(boards, (m, input) => m.addCard(current(), input)),
    'boards.moveCard': deferred(boards, (m, input) => m.moveCard(current(), input)),
    'boards.deleteCard': deferred(boards, (m, { id }) => m.deleteCard(current(), id)),
    'boards.rename': deferred(boards, (m, input) => m.renameBoard(current(), input)),
    'boards.delete': deferred(boards, (m, { id }) => m.deleteBoard(current(), id)),
    // Where a window last looked is not a change worth an undo step: its log entry is dropped.
    'boards.setViewport': deferred(boards, (m, input) =>
      current().history.ignore(() => m.setViewport(current(), input)),
    ),
    'boards.fromCodes': deferred(boards, (m, input) => m.boardFromCodes(current(), input)),
    'boards.bindGroup': deferred(boards, (m, input) => m.bindGroup(current(), input)),
    'boards.tidyGroup': deferred(boards, (m, { id }) => m.tidyGroup(current(), id)),
    'boards.addCards': deferred(boards, (m, input) => m.addCards(current(), input)),
    'boards.addSpans': deferred(boards, (m, input) => m.addSpans(current(), input)),
    'boards.moveCards': deferred(boards, (m, input) => m.moveCards(current(), input)),
    'boards.updateCard': deferred(boards, (m, input) => m.updateCard(current(), input)),
    'boards.updateCards': deferred(boards, (m, input) => m.updateCards(current(), input)),
    'boards.deleteCards': deferred(boards, (m, input) => m.deleteCards(current(), input)),
    'boards.vote': deferred(boards, (m, input) => m.vote(current(), input)),

    'insights.add': deferred(insights, (m, input) => m.addInsight(current(), input)),
    'insights.list': deferred(insights, (m) => m.listInsights(current())),
    'insights.get': deferred(insights, (m, { id }) => m.getInsight(current(), id)),
    'insights.update': deferred(insights, (m, input) => m.updateInsight(current(), input)),
    'insights.setEvidence': deferred(insights, (m, input) => m.setInsightEvidence(current(), input)),
    'insights.removeEvidence': deferred(insights, (m, input) => m.removeInsightEvidence(current(), input)),
    'insights.reorder': deferred(insights, (m, input) => m.reorderInsight(current(), input)),
    'insights.delete': deferred(insights, (m, { id }) => m.deleteInsight(current(), id)),

    'hypotheses.list': deferred(hypotheses, (m) => m.listHypotheses(current())),
    'hypotheses.add': deferred(hypotheses, (m, input) => m.addHypothesis(current(), input)),
    'hypotheses.update': deferred(hypotheses, (m, input) => m.updateHypothesis(current(), input)),
    'hypotheses.setStatus': deferred(hypotheses, (m, input) => m.setHypothesisStatus(current(), input)),
    'hypotheses.linkEvidence': deferred(hypotheses, (m, input) => m.linkHypothesisEvidence(current(), input)),
    'hypotheses.unlinkEvidence': deferred(hypotheses, (m, input) => m.unlinkHypothesisEvidence(current(), input)),
    'hypotheses.delete': deferred(hypotheses, (m, { id }) => m.deleteHypothesis(current(), id)),

    'export.report': async (input) => {
      const project = current();
      const { exportProject } = await import('./services/exporting.js');
      return exportProject(
        project,
        input,
        input.format === 'pdf' ? await loadPrinter(options.printerModule) : undefined,
      );
    },
    'export.choices': deferred(reportAndSchemas, ([m, schemas]) => ({
      choices: m.exportChoices(current(), (raw) => {
        const parsed = schemas.exportingMethods['export.rememberChoices'].input.safeParse(raw);
        return parsed.success ? (parsed.data as ExportChoices) : null;
      }),
    })),
    'export.rememberChoices': deferred(report, (m, input) =>
      m.rememberExportChoices(current(), input as ExportChoices),
    ),

    'metrics.add': deferred(measures, (m, input) => m.addMetric(current(), input)),
    'metrics.preview': deferred(measures, (m, input) => m.previewMetricFile(input)),
    // Reading a workbook is asynchronous, so the file is read first and only the writing runs
    // inside the undo step (History.record is synchronous); see SELF_RECORDED below.
    'metrics.import': deferred(measures, async (m, input) => {
      const table = await m.readMetricFile(input.file, input.sheet);
      const s = current();
      return s.history.record(undoLabel(s, 'metrics.import', input) ?? 'import measure', () =>
        m.importMetricValues(s, input, table),
      );
    }),
    'metrics.list': deferred(measures, (m) => m.listMetrics(current())),
    'metrics.link': deferred(measures, (m, input) => m.linkMetric(current(), input)),
    'metrics.unlink': deferred(measures, (m, input) => m.unlinkMetric(current(), input)),
    'metrics.linkedTo': deferred(measures, (m, input) => m.metricsLinkedTo(current(), input)),
    'metrics.codeTrends': deferred(codeTrends, (m, input) => m.codeTrends(current(), input)),
    'metrics.exportTable': deferred(measureTable, (m, input) => m.exportMeasureTable(current(), input)),

    'analysis.matrix': deferred(analysis, (m, { attribute, filters }) => m.codeMatrix(current(), attribute, filters)),
    'analysis.cooccurrence': deferred(analysis, (m, { filters }) => m.codeCooccurrence(current(), filters)),
    'analysis.words': deferred(analysis, (m, input) => m.wordCounts(current(), input)),
    'analysis.frequency': deferred(analysis, (m, { filters }) => m.codeFrequency(current(), filters)),
    'analysis.kwic': deferred(analysis, (m, input) => m.keywordsInContext(current(), input)),
    'analysis.drill': deferred(analysis, (m, { cell, filters, limit }) => m.drillDown(current(), cell, filters, limit)),
    'analysis.export': deferred(analysisExport, (m, input) => m.exportAnalysis(current(), input)),
    'analysis.agreement': deferred(agreement, (m, input) => m.intercoderAgreement(current(), input)),
  };

  // Every undoable method runs inside its session's history: one undo step per call.
  for (const [method, labeller] of Object.entries(UNDO_LABELS)) {
    const name = method as keyof Handlers;
    if (SELF_RECORDED.has(name)) continue;
    const run = handlers[name] as (input: unknown) => unknown;
    const label = labeller as (ctx: ProjectSession, input: unknown) => string;
    const recorded = (input: unknown) => {
      const s = current();
      return s.history.record(label(s, input), () => run(input));
    };
    // A deferred handler keeps its loader, so the dispatcher still loads its module first.
    const loader = loaderOf(run);
    (handlers as Record<string, (input: unknown) => unknown>)[name] = loader
      ? Object.assign(recorded, loader)
      : recorded;
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
