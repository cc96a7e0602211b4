/**
 * Undo/redo for as long as a project is open: one step per contract call. A step is the list
 * of inverse row changes the db change log recorded while the call ran (see
 * db/repositories/history.ts); undo replays them backwards in one transaction, and the log
 * written by that replay becomes the redo step. A new action clears redo.
 */
import type { ChangeEntry } from '../../db/repositories/history.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { HistoryStatus } from '../contract/types.js';
import { conflict } from '../errors.js';

export interface HistoryStep {
  /** What the step did, in the researcher's words ("apply code Price"). */
  label: string;
  entries: ChangeEntry[];
  /** Size of the inverse statements, for the history's memory bound. */
  bytes: number;
}

/** Called after a step was recorded or replayed, with the row changes it made (e.g. to reindex memos). */
export type AfterChange = (entries: readonly ChangeEntry[]) => void;

const MAX_STEPS = 1000;
/** The undo history is bounded by size too: the oldest steps go once it holds more than this. */
export const DEFAULT_MAX_HISTORY_BYTES = 32 * 1024 * 1024;

const sizeOf = (entries: readonly ChangeEntry[]) => entries.reduce((n, e) => n + e.inverse.length + 16, 0);

export class History {
  private readonly undoSteps: HistoryStep[] = [];
  private readonly redoSteps: HistoryStep[] = [];
  /** The row changes of the last recorded command, undo or redo, until taken (for change events). */
  private last: ChangeEntry[] | null = null;

  constructor(
    private readonly repos: Repositories,
    private readonly afterChange: AfterChange = () => {},
    private readonly maxBytes = DEFAULT_MAX_HISTORY_BYTES,
  ) {
    repos.history.install();
  }

  /** Steps held and their size (what the memory bound counts). */
  size(): { undo: number; redo: number; bytes: number; lastUndo: { rows: number; bytes: number } | null } {
    const last = this.undoSteps.at(-1);
    return {
      undo: this.undoSteps.length,
      redo: this.redoSteps.length,
      bytes: this.bytes(),
      lastUndo: last ? { rows: last.entries.length, bytes: last.bytes } : null,
    };
  }

  private bytes(): number {
    let n = 0;
    for (const s of this.undoSteps) n += s.bytes;
    for (const s of this.redoSteps) n += s.bytes;
    return n;
  }

  /**
   * Keeps the history within its bounds: drops the oldest undo steps first, then the redo steps
   * furthest from now; the next undo and the next redo always stay.
   */
  private trim(): void {
    while (this.undoSteps.length > MAX_STEPS) this.undoSteps.shift();
    let total = this.bytes();
    while (total > this.maxBytes && this.undoSteps.length > 1) total -= (this.undoSteps.shift() as HistoryStep).bytes;
    while (total > this.maxBytes && this.redoSteps.length > 1) total -= (this.redoSteps.shift() as HistoryStep).bytes;
  }

  /** Runs one undoable command; whatever rows it changed become one undo step. */
  record<T>(label: string, command: () => T): T {
    this.repos.history.clear();
    let result: T;
    try {
      result = command();
    } finally {
      // A command that failed half-way (outside one transaction) is still undoable as far as it got.
      const entries = this.repos.history.take();
      this.last = entries;
      if (entries.length > 0) {
        this.undoSteps.push({ label, entries, bytes: sizeOf(entries) });
        this.redoSteps.length = 0;
        this.trim();
        this.afterChange(entries);
      }
    }
    return result;
  }

  /** Forgets changes made by commands that are not undoable (imports), so they never join a step. */
  ignore<T>(command: () => T): T {
    try {
      return command();
    } finally {
      this.repos.history.clear();
    }
  }

  /** The rows the last command, undo or redo changed, by table; undefined when none was recorded since. */
  takeChanges(): Record<string, (number | string)[]> | undefined {
    const entries = this.last;
    this.last = null;
    if (entries === null) return undefined;
    const tables: Record<string, (number | string)[]> = {};
    const seen = new Set<string>();
    for (const e of entries) {
      const key = `${e.tbl}\u0000${e.rowKey}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ids = tables[e.tbl] ?? [];
      tables[e.tbl] = ids;
      ids.push(/^\d+$/.test(e.rowKey) ? Number(e.rowKey) : e.rowKey);
    }
    return tables;
  }

  undo(): HistoryStatus {
    this.move(this.undoSteps, this.redoSteps, 'undo');
    return this.status();
  }

  redo(): HistoryStatus {
    this.move(this.redoSteps, this.undoSteps, 'redo');
    return this.status();
  }

  status(): HistoryStatus {
    const undo = this.undoSteps.at(-1);
    const redo = this.redoSteps.at(-1);
    return {
      canUndo: undo !== undefined,
      canRedo: redo !== undefined,
      undoLabel: undo ? `Undo: ${undo.label}` : null,
      redoLabel: redo ? `Redo: ${redo.label}` : null,
    };
  }

  private move(from: HistoryStep[], to: HistoryStep[], what: 'undo' | 'redo'): void {
    const step = from.at(-1);
    if (!step) throw conflict(`There is nothing to ${what}.`);
    let entries: ChangeEntry[];
    try {
      entries = this.repos.tx(() => {
        this.repos.history.clear();
        this.repos.history.replay(step.entries);
        return this.repos.history.take();
      });
    } catch (err) {
      // The project changed underneath in a way this step cannot be replayed onto; keep data safe.
      this.repos.history.clear();
      throw conflict(
        `Quarry could not ${what} "${step.label}": the project changed in a way that conflicts with it (${(err as Error).message}). Nothing was changed.`,
      );
    }
    from.pop();
    this.last = entries;
    to.push({ label: step.label, entries, bytes: sizeOf(entries) });
    this.trim();
    this.afterChange(entries);
  }
}
