/**
 * All repositories of one open project, sharing one statement cache. Services receive this
 * object and never see SQL; `tx` groups their writes into one transaction.
 */
import type { Database } from 'better-sqlite3';
import { checkpoint } from '../connection.js';
import { AnalysisRepo } from './analysis.js';
import { BoardsRepo } from './boards.js';
import { CodersRepo } from './coders.js';
import { CodesRepo } from './codes.js';
import { DocumentsRepo } from './documents.js';
import { ExcerptsRepo } from './excerpts.js';
import { ExchangeRepo } from './exchange.js';
import { HistoryRepo } from './history.js';
import { HypothesesRepo } from './hypotheses.js';
import { InsightsRepo } from './insights.js';
import { MemosRepo } from './memos.js';
import { MetricsRepo } from './metrics.js';
import { ParticipantsRepo } from './participants.js';
import { ProjectMetaRepo } from './projectMeta.js';
import { SearchRepo } from './search.js';
import { SourcesRepo } from './sources.js';
import { Sql } from './sql.js';
import { StudiesRepo } from './studies.js';

export class Repositories {
  readonly meta: ProjectMetaRepo;
  readonly coders: CodersRepo;
  readonly participants: ParticipantsRepo;
  readonly studies: StudiesRepo;
  readonly sources: SourcesRepo;
  readonly documents: DocumentsRepo;
  readonly codes: CodesRepo;
  readonly excerpts: ExcerptsRepo;
  readonly memos: MemosRepo;
  readonly boards: BoardsRepo;
  readonly insights: InsightsRepo;
  readonly search: SearchRepo;
  readonly history: HistoryRepo;
  readonly metrics: MetricsRepo;
  readonly hypotheses: HypothesesRepo;
  readonly analysis: AnalysisRepo;
  readonly exchange: ExchangeRepo;
  private readonly sql: Sql;

  constructor(db: Database) {
    const sql = new Sql(db);
    this.sql = sql;
    this.meta = new ProjectMetaRepo(sql);
    this.coders = new CodersRepo(sql);
    this.participants = new ParticipantsRepo(sql);
    this.studies = new StudiesRepo(sql);
    this.sources = new SourcesRepo(sql);
    this.documents = new DocumentsRepo(sql);
    this.codes = new CodesRepo(sql);
    this.excerpts = new ExcerptsRepo(sql);
    this.memos = new MemosRepo(sql);
    this.boards = new BoardsRepo(sql);
    this.insights = new InsightsRepo(sql);
    this.search = new SearchRepo(sql);
    this.history = new HistoryRepo(sql);
    this.metrics = new MetricsRepo(sql);
    this.hypotheses = new HypothesesRepo(sql);
    this.analysis = new AnalysisRepo(sql);
    this.exchange = new ExchangeRepo(sql);
  }

  /** Checkpoints the WAL into the main file and closes the connection. */
  close(): void {
    try {
      checkpoint(this.sql.db);
    } finally {
      this.sql.db.close();
    }
  }

  /** One transaction around `fn` (a savepoint when nested). */
  tx<T>(fn: () => T): T {
    return this.sql.tx(fn);
  }
}

export type { BoardRow, CardRow, GroupRow } from './boards.js';
export type { CodeRow } from './codes.js';
export type { DocumentKind, NewTurn } from './documents.js';
export type { ExcerptCodingRow, ExcerptRow } from './excerpts.js';
export type { NewSegment } from './search.js';
