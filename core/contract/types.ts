/**
 * Output shapes of the contract: what every host returns and every client receives.
 * Plain JSON (no Dates, no Maps) so the same value crosses IPC, HTTP and the CLI's --json.
 */

declare const brand: unique symbol;
/** An integer id branded with the record kind it names, so a CodeId is never passed as a DocumentId. */
export type Id<K extends string> = number & { readonly [brand]: K };
export type DocumentId = Id<'Document'>;
export type CodeId = Id<'Code'>;
export type ExcerptId = Id<'Excerpt'>;
export type ParticipantId = Id<'Participant'>;
export type BoardId = Id<'Board'>;
export type GroupId = Id<'Group'>;
export type CardId = Id<'Card'>;
export type InsightId = Id<'Insight'>;
export type StudyId = Id<'Study'>;
export type CoderId = Id<'Coder'>;
export type MemoId = Id<'Memo'>;
export type AttributeId = Id<'Attribute'>;
export type RoundId = Id<'Round'>;

export interface ProjectCounts {
  documents: number;
  participants: number;
  codes: number;
  excerpts: number;
  codings: number;
  memos: number;
  boards: number;
  cards: number;
  insights: number;
  hypotheses: number;
  studies: number;
}

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
  counts: ProjectCounts;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

export interface AppStatus {
  project: ProjectInfo | null;
  recent: RecentProject[];
  /** Whether the host can show native file dialogs (Electron) or needs a typed path (browser). */
  nativeDialogs: boolean;
  /** id is null until the coder's first recorded change writes their row (opening never writes). */
  coder: { id: CoderId | null; name: string } | null;
}

export type ImportFormat = 'txt' | 'md' | 'docx' | 'vtt' | 'srt' | 'csv' | 'qdpx' | 'qdc';

export interface ImportResult {
  /**
   * `warnings` (REFI-QDA projects) name what was not brought over: a selection that cannot be
   * placed, a source missing from the archive, a picture or video source.
   */
  imported: { file: string; documentIds: DocumentId[]; format: ImportFormat; warnings?: string[] }[];
  /** `file` is the name as given; `error` is the reason as a sentence (it does not repeat the name). */
  rejected: { file: string; error: string }[];
  /**
   * Files whose bytes (sha256) were already in the project: `duplicateOf` is the earlier file's
   * name, `documentIds` its documents. 'skipped' files are not imported; 'kept' ones are also
   * listed under `imported`.
   */
  duplicates: { file: string; duplicateOf: string; documentIds: DocumentId[]; action: 'skipped' | 'kept' }[];
}

export type CsvColumnRole = 'id' | 'attribute' | 'text' | 'ignore';

/** A survey CSV before import: its columns with the role each would get and sample values. */
export interface CsvPreview {
  file: string;
  delimiter: string;
  rows: number;
  columns: {
    name: string;
    role: CsvColumnRole;
    /** What an attribute made of this column holds: every filled value a number, a date, yes/no, or else text. */
    type: 'text' | 'number' | 'date' | 'boolean';
    samples: string[];
    filled: number;
    distinct: number;
  }[];
}

export interface DocumentSummary {
  id: DocumentId;
  title: string;
  format: ImportFormat | 'text';
  participant: string | null;
  chars: number;
  turns: number;
  excerpts: number;
}

export interface Turn {
  speaker: string | null;
  /** Offsets of what was said: the `Name:` label (and any time stamp) stays in the text just before `start`. */
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
}

export interface DocumentDetail {
  id: DocumentId;
  title: string;
  format: ImportFormat | 'text';
  text: string;
  language: string | null;
  participant: string | null;
  turns: Turn[];
}

export interface Code {
  id: CodeId;
  name: string;
  parentId: CodeId | null;
  /** The parent's name, as the CLI prints it. */
  parent: string | null;
  color: string;
  description: string;
  /** Definition notes: what belongs under the code, what does not, and a typical example. */
  inclusion: string;
  exclusion: string;
  example: string;
  position: number;
  excerpts: number;
  /** Distinct documents and participants with at least one excerpt coded with this code. */
  documents: number;
  participants: number;
}

export interface CodeRef {
  id: CodeId;
  name: string;
  color: string;
}

export interface Excerpt {
  id: ExcerptId;
  documentId: DocumentId;
  documentTitle: string;
  start: number;
  end: number;
  text: string;
  codes: CodeRef[];
  participant: string | null;
  memo: string | null;
  /** Names of the coders who applied any code to this excerpt. */
  coders: string[];
}

/** An excerpt as retrieval shows it: with the text around it and who said it. */
export interface RetrievedExcerpt extends Excerpt {
  /** Up to `context` characters before and after the excerpt, cut at the excerpt's turn when it has one. */
  before: string;
  after: string;
  speaker: string | null;
  participantId: ParticipantId | null;
  attributes: Record<string, string>;
  round: string | null;
}

export interface TagResult {
  excerptId: ExcerptId;
  text: string;
}

export interface SearchHit {
  documentId: DocumentId;
  documentTitle: string;
  /** UTF-16 offsets of the matched text in the document's `text`. */
  start: number;
  end: number;
  /** About 60 characters either side of the hit on one line, the hit wrapped in « », "…" where cut. */
  snippet: string;
  /** bm25 rank (lower is better); present on ranked results. */
  rank?: number;
  /** Participant of the hit's document. */
  participant?: string | null;
  /** Codes of the excerpts that overlap the hit. */
  codes?: CodeRef[];
}

export type MemoTargetKind = 'project' | 'document' | 'code' | 'excerpt' | 'participant';

export interface Memo {
  id: MemoId;
  targetKind: MemoTargetKind;
  targetId: number | null;
  /** What the memo is about, named for people ("Code Price", "Excerpt in Interview 3"). */
  targetLabel: string;
  title: string;
  body: string;
  author: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemoHit {
  memoId: MemoId;
  targetKind: MemoTargetKind;
  targetId: number | null;
  targetLabel: string;
  title: string;
  /** UTF-16 offsets of the hit in the memo body. */
  start: number;
  end: number;
  snippet: string;
  rank: number;
}

/** How much text "code all hits" codes around each hit: the match, its sentence, or its turn. */
export type CodeExtent = 'match' | 'sentence' | 'turn';

/** What "code all hits" would do, before anything is written (search.codeAllPreview). */
export interface CodeAllPreview {
  /** The hits considered (the reviewed ones, or every hit of the query). */
  hits: number;
  /** Excerpts that would get the code: one per distinct extent (two hits in one sentence give one). */
  excerpts: number;
  /** Extents skipped because an excerpt with this code already covers them. */
  alreadyCoded: number;
}

export interface CodeAllResult {
  /** Excerpts that got the code (new codings); extents already covered by the code are skipped. */
  coded: number;
  /** Extents skipped because an excerpt with this code already covers them. */
  alreadyCoded: number;
  excerptIds: ExcerptId[];
}

export type AttributeType = 'text' | 'number' | 'date' | 'choice' | 'boolean';

export interface Attribute {
  id: AttributeId;
  name: string;
  type: AttributeType;
  choices: string[];
  position: number;
  /** Identifies a person (employer, e-mail, city…): left out of redacted reports, its values replaced. */
  identifying: boolean;
}

export interface Coder {
  id: CoderId;
  name: string;
  current: boolean;
  codings: number;
}

export interface HistoryStatus {
  canUndo: boolean;
  canRedo: boolean;
  /** "Undo: apply code Price", or null when there is nothing to undo. */
  undoLabel: string | null;
  redoLabel: string | null;
}

/** A proposed participant for a document (from its file name or its main speaker); null when none is found. */
export interface ParticipantSuggestion {
  documentId: DocumentId;
  /** The name of the file the document came from (null for pasted text). */
  fileName: string | null;
  label: string | null;
}

export interface LinkResult {
  /** Documents whose participant changed. */
  linked: number;
  /** Participants created because no participant had the label. */
  created: number;
}

export interface Participant {
  id: ParticipantId;
  label: string;
  /** The real name, kept for the team; never in a redacted report. */
  displayName: string | null;
  /** The name a redacted report uses; P01, P02… are generated in order when none is chosen. */
  pseudonym: string | null;
  attributes: Record<string, string>;
  /** Documents linked to this participant. */
  documents: DocumentId[];
}

export interface Board {
  id: BoardId;
  name: string;
  cards: number;
}

export interface BoardGroup {
  id: GroupId;
  name: string;
  color: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The group this one is nested in (null at the top level). */
  parentId: GroupId | null;
  collapsed: boolean;
  /** The code the group is bound to: cards moved in get it, cards moved out lose what it applied. */
  code: CodeRef | null;
  /** Index among the groups of its board (board order). */
  order: number;
  /** Votes on the group, every coder's together. */
  votes: number;
}

export interface BoardCard {
  id: CardId;
  groupId: GroupId | null;
  kind: 'excerpt' | 'note';
  x: number;
  y: number;
  order: number;
  /** The note text, or the live excerpt text for excerpt cards. */
  text: string;
  excerpt: Excerpt | null;
  color: string | null;
  /** Votes on the card, every coder's together. */
  votes: number;
}

export interface BoardViewport {
  x: number;
  y: number;
  zoom: number;
}

export interface BoardDetail {
  id: BoardId;
  name: string;
  viewport: BoardViewport;
  groups: BoardGroup[];
  cards: BoardCard[];
}

/** What boards.moveCards did: the moved cards as they are now, and the codings bound groups applied or removed. */
export interface MoveCardsResult {
  cards: BoardCard[];
  applied: number;
  removed: number;
}

/** What boards.addSpans did: a card per span (existing ones kept), and how many excerpts it made. */
export interface AddSpansResult {
  cardIds: CardId[];
  excerptIds: ExcerptId[];
  /** Spans that were not excerpts yet and became uncoded ones. */
  createdExcerpts: number;
}

export interface BindGroupResult {
  group: BoardGroup;
  /** Codings the binding applied to the excerpt cards already in the group. */
  applied: number;
}

export type Priority = 'high' | 'medium' | 'low';
export type InsightStatus = 'draft' | 'review' | 'final' | 'archived';
export type EvidenceStance = 'supports' | 'contradicts';

/**
 * How broadly an insight is backed, counted over its supporting evidence: distinct participants,
 * distinct documents, evidence excerpts (segments), and participants per attribute value.
 */
export interface InsightStrength {
  participants: number;
  documents: number;
  segments: number;
}

export interface InsightStrengthDetail extends InsightStrength {
  /** attribute name → value → distinct participants with supporting evidence. */
  byAttribute: Record<string, Record<string, number>>;
}

export interface Insight {
  id: InsightId;
  title: string;
  statement: string;
  priority: Priority | null;
  /** Evidence excerpt ids, supporting and contradicting, in the order they were added. */
  evidence: ExcerptId[];
  /** Distinct participants behind all the evidence (the CLI prints this). */
  participants: number;
  recommendation: string;
  status: InsightStatus;
  /** Index in the insights' order (insights.reorder). */
  order: number;
  strength: InsightStrength;
}

export interface InsightDetail {
  id: InsightId;
  title: string;
  statement: string;
  recommendation: string;
  priority: Priority | null;
  status: InsightStatus;
  owner: { id: CoderId; name: string } | null;
  order: number;
  /** The board group the insight was made from, if any. */
  sourceGroupId: GroupId | null;
  evidence: { excerpt: Excerpt; stance: EvidenceStance }[];
  strength: InsightStrengthDetail;
}

/** Only the formats this build writes; later ones join the list when they work. */
export type ExportFormat = 'md' | 'html' | 'pdf' | 'docx' | 'pptx' | 'csv' | 'xlsx' | 'qdpx' | 'qdc';
/** Which table a CSV export carries (one table per CSV file); XLSX carries them all. */
export type ExportTable = 'excerpts' | 'codebook' | 'matrix';

export interface ExportResult {
  fileName: string;
  mediaType: string;
  /** Text formats travel as utf8, binary ones as base64. */
  encoding: 'utf8' | 'base64';
  data: string;
  /** What was left out and why (e.g. a chart with no Chromium to draw it); the file is still whole. */
  notices?: string[];
}

/** A wave of a study; documents and participants belong to rounds. */
export interface Round {
  id: RoundId;
  name: string;
  study: string;
  documents: number;
}

/** What `quarry merge` matched and added (a dry run counts the same without writing). */
export interface MergeResult {
  file: string;
  dryRun: boolean;
  documents: { matched: number; added: number };
  codes: { matched: number; added: number };
  participants: { matched: number; added: number };
  excerpts: { matched: number; added: number };
  codings: { added: number };
  memos: { added: number };
  /** Differences kept as this project has them, for review. */
  conflicts: string[];
  /** What the other file holds that Quarry could not take (as for an import). */
  warnings: string[];
}
