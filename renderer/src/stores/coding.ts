/**
 * The coding gesture: the text selected in the reader, the quick picker, and applying or
 * removing codes. The picker codes a snapshot taken when it opens, so moving focus into
 * its input (which clears the page selection) cannot change what gets coded.
 */
import { create } from 'zustand';
import type { CodeId, DocumentId, ExcerptId } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { exactCode } from '../lib/codes.js';
import { clip } from '../lib/graphemes.js';
import { mutate, useActivity } from './activity.js';
import { changed } from './changes.js';
import { quickCodes, useCodes } from './codes.js';
import { isProvisional, useDocuments } from './documents.js';
import { useHistory } from './history.js';
import { useMemos } from './memos.js';

export interface TextTarget {
  documentId: DocumentId;
  start: number;
  end: number;
  text: string;
  /** Whole turns instead of [start, end): the listed turn indexes or every turn of a speaker. */
  turns?: { indexes: number[] } | { speaker: string };
}

interface CodingState {
  selection: TextTarget | null;
  pickerOpen: boolean;
  pickerTarget: TextTarget | null;
  focusedExcerptId: ExcerptId | null;
  hoveredExcerptId: ExcerptId | null;
  busy: boolean;
  setSelection(selection: TextTarget | null): void;
  openPicker(target?: TextTarget): boolean;
  closePicker(): void;
  apply(codeIds: CodeId[], target?: TextTarget): Promise<boolean>;
  createAndApply(name: string): Promise<boolean>;
  /** Several codes in one go: existing ones by id, new ones by name (created first). */
  applyMany(codeIds: CodeId[], newNames: string[], target?: TextTarget): Promise<boolean>;
  /** 1–9: the code on that key (the quick codes) to the selection. */
  applyQuick(key: number): Promise<boolean>;
  focusExcerpt(id: ExcerptId | null): void;
  /** J/K: the next or previous excerpt of the open document, scrolled into view. */
  stepExcerpt(direction: 1 | -1): void;
  hoverExcerpt(id: ExcerptId | null): void;
  untag(excerptId: ExcerptId, codeId: CodeId): Promise<void>;
  /** The picker for one turn (by index) or every turn of a speaker. */
  codeTurns(documentId: DocumentId, scope: { turn: number } | { speaker: string }): boolean;
  /** New boundaries for an excerpt (excerpts.resize). */
  resize(id: ExcerptId, start: number, end: number): Promise<boolean>;
  /** The focused excerpt's boundaries from the selection: exactly it, or grown to include it. */
  resizeToSelection(mode: 'set' | 'extend'): Promise<boolean>;
  /** The turn the selection lies in (index into the open document's turns), or null. */
  selectionTurn(): number | null;
  /** M: a memo on the excerpt being looked at, or on the document quoting the selection. */
  memo(): boolean;
  deleteExcerpt(id: ExcerptId): Promise<void>;
  reset(): void;
}

function shorten(text: string): string {
  return clip(text, 60);
}

/**
 * The span whose coding is on its way to the host: it is drawn already, so a key that acts on
 * "the excerpt" (M) waits for its id instead of treating the text as uncoded.
 */
let inFlight: { documentId: DocumentId; start: number; end: number; saved: Promise<ExcerptId | null> } | null = null;

function clearPageSelection() {
  window.getSelection()?.removeAllRanges();
}

export const useCoding = create<CodingState>()((set, get) => ({
  selection: null,
  pickerOpen: false,
  pickerTarget: null,
  focusedExcerptId: null,
  hoveredExcerptId: null,
  busy: false,

  setSelection(selection) {
    const current = get().selection;
    if (
      current?.start === selection?.start &&
      current?.end === selection?.end &&
      current?.documentId === selection?.documentId
    )
      return;
    set({ selection });
  },

  openPicker(target) {
    const t = target ?? get().selection;
    if (!t) return false;
    set({ pickerOpen: true, pickerTarget: t });
    return true;
  },

  closePicker() {
    set({ pickerOpen: false, pickerTarget: null });
  },

  async apply(codeIds, target) {
    return get().applyMany(codeIds, [], target);
  },

  async createAndApply(name) {
    return get().applyMany([], [name]);
  },

  async applyMany(codeIds, newNames, target) {
    const t = target ?? get().pickerTarget ?? get().selection;
    // One coding gesture at a time: a second Enter must not create the code twice.
    if (!t || codeIds.length + newNames.length === 0 || get().busy) return false;
    set({ busy: true });
    try {
      const ids = [...codeIds];
      for (const name of newNames) {
        const codes = useCodes.getState();
        const code = exactCode(codes.list, name) ?? (await codes.add(name.trim()));
        if (!code) return false;
        ids.push(code.id);
      }
      const unique = [...new Set(ids)];
      if (t.turns) {
        const scope = 'speaker' in t.turns ? { speaker: t.turns.speaker } : { turns: t.turns.indexes };
        const done = await mutate(() =>
          getClient().call('excerpts.tagTurns', { documentId: t.documentId, codeIds: unique, ...scope }),
        );
        if (!done) return false;
        useCodes.getState().markUsed(unique);
        set({
          pickerOpen: false,
          pickerTarget: null,
          focusedExcerptId: done.excerptIds.length === 1 ? (done.excerptIds[0] ?? null) : null,
        });
        await changed('excerpts.tagTurns');
        const n = done.excerptIds.length;
        useActivity.getState().toast('success', `Coded ${n} turn${n === 1 ? '' : 's'}`);
        return true;
      }
      const byId = new Map(useCodes.getState().list.map((c) => [c.id, c]));
      const refs = unique.flatMap((id) => {
        const c = byId.get(id);
        return c ? [{ id: c.id, name: c.name, color: c.color }] : [];
      });
      // Drawn now, before the host answers (issue 8: the stripe within 100 ms of the key);
      // the saved excerpt replaces it, or it goes again with the error when the host refuses.
      const docs = useDocuments.getState();
      const pendingId = docs.showPending(t.documentId, t, refs);
      const call = mutate(() =>
        getClient().call('excerpts.tag', { documentId: t.documentId, start: t.start, end: t.end, codeIds: unique }),
      );
      const flight = {
        documentId: t.documentId,
        start: t.start,
        end: t.end,
        saved: call.then((r) => r?.excerptId ?? null),
      };
      inFlight = flight;
      const result = await call;
      if (inFlight === flight) inFlight = null;
      if (!result) {
        if (pendingId !== null) docs.dropPending(pendingId);
        return false;
      }
      docs.showCoded(
        t.documentId,
        { id: result.excerptId, start: t.start, end: t.end, text: result.text },
        refs,
        pendingId,
      );
      useCodes.getState().markUsed(unique);
      clearPageSelection();
      set({ selection: null, pickerOpen: false, pickerTarget: null, focusedExcerptId: result.excerptId });
      await changed('excerpts.tag');
      return true;
    } finally {
      set({ busy: false });
    }
  },

  async applyQuick(key) {
    const code = quickCodes(useCodes.getState()).find((q) => q.key === key)?.code;
    if (!code) {
      useActivity
        .getState()
        .toast(
          'info',
          `No code is on key ${key} yet. Press C to code the text; a code you use takes the next free key.`,
        );
      return false;
    }
    return get().apply([code.id], get().selection ?? undefined);
  },

  focusExcerpt(id) {
    set({ focusedExcerptId: id });
  },

  stepExcerpt(direction) {
    const docs = useDocuments.getState();
    const list = docs.excerpts.filter((x) => !isProvisional(x.id)).sort((a, b) => a.start - b.start || a.end - b.end);
    if (list.length === 0) return;
    const at = list.findIndex((x) => x.id === get().focusedExcerptId);
    const next = at < 0 ? (direction === 1 ? list[0] : list[list.length - 1]) : list[at + direction];
    if (!next) return;
    set({ focusedExcerptId: next.id });
    useDocuments.setState({ scrollTo: { start: next.start, end: next.end } });
  },

  hoverExcerpt(id) {
    if (get().hoveredExcerptId !== id) set({ hoveredExcerptId: id });
  },

  async untag(excerptId, codeId) {
    const name = useCodes.getState().list.find((c) => c.id === codeId)?.name ?? 'the code';
    const result = await mutate(() => getClient().call('excerpts.untag', { excerptId, codeId }));
    if (!result) return;
    await changed('excerpts.untag');
    // A correction never loses the selected text silently: the excerpt stays (uncoded when
    // that was its last code) and the toast offers the undo.
    const kept = result.codesLeft === 0 ? ' The excerpt stays, uncoded.' : '';
    useActivity.getState().toast('info', `Removed “${name}” from the excerpt.${kept}`, undefined, {
      label: 'Undo',
      run: () => void useHistory.getState().undo(),
    });
  },

  codeTurns(documentId, scope) {
    const doc = useDocuments.getState().doc;
    if (!doc || doc.id !== documentId) return false;
    if ('turn' in scope) {
      const turn = doc.turns[scope.turn];
      if (!turn) return false;
      const who = turn.speaker ? ` (${turn.speaker})` : '';
      return get().openPicker({
        documentId,
        start: turn.start,
        end: turn.end,
        text: `This turn${who}: ${doc.text.slice(turn.start, turn.end)}`,
        turns: { indexes: [scope.turn] },
      });
    }
    const key = scope.speaker.trim().toLowerCase();
    const n = doc.turns.filter((t) => t.speaker?.trim().toLowerCase() === key).length;
    return get().openPicker({
      documentId,
      start: 0,
      end: 0,
      text: `All ${n} turn${n === 1 ? '' : 's'} of ${scope.speaker}`,
      turns: { speaker: scope.speaker },
    });
  },

  async resize(id, start, end) {
    const result = await mutate(() => getClient().call('excerpts.resize', { id, start, end }));
    if (!result) return false;
    clearPageSelection();
    set({ selection: null, focusedExcerptId: id });
    await changed('excerpts.resize');
    return true;
  },

  async resizeToSelection(mode) {
    const sel = get().selection;
    const id = get().focusedExcerptId;
    const x = useDocuments.getState().excerpts.find((e) => e.id === id);
    if (!sel || !x || sel.documentId !== x.documentId) return false;
    const start = mode === 'set' ? sel.start : Math.min(sel.start, x.start);
    const end = mode === 'set' ? sel.end : Math.max(sel.end, x.end);
    return get().resize(x.id, start, end);
  },

  selectionTurn() {
    const sel = get().selection;
    const doc = useDocuments.getState().doc;
    if (!sel || !doc || doc.id !== sel.documentId) return null;
    const at = doc.turns.findIndex((t) => t.start <= sel.start && sel.end <= t.end);
    return at < 0 ? null : at;
  },

  memo() {
    const sel = get().selection;
    const excerpts = useDocuments.getState().excerpts;
    const doc = useDocuments.getState().doc;
    const memos = useMemos.getState();
    const flight = inFlight;
    if (sel && flight && flight.documentId === sel.documentId && flight.start === sel.start && flight.end === sel.end) {
      void flight.saved.then((id) => {
        if (id !== null)
          memos.openDraft({ targetKind: 'excerpt', targetId: id, label: `Excerpt “${shorten(sel.text)}”`, body: '' });
      });
      return true;
    }
    // A selection that is exactly an excerpt means that excerpt; other text is a quote.
    const exact = sel
      ? excerpts.find((x) => x.start === sel.start && x.end === sel.end && !isProvisional(x.id))
      : undefined;
    if (sel && !exact && doc && doc.id === sel.documentId) {
      memos.openDraft({
        targetKind: 'document',
        targetId: doc.id,
        label: `Document ${doc.title}`,
        body: `> ${sel.text.replace(/\n/g, '\n> ')}\n\n`,
      });
      return true;
    }
    const x = exact ?? excerpts.find((e) => e.id === get().focusedExcerptId);
    if (!x) return false;
    memos.openDraft({ targetKind: 'excerpt', targetId: x.id, label: `Excerpt “${shorten(x.text)}”`, body: '' });
    return true;
  },

  async deleteExcerpt(id) {
    const result = await mutate(() => getClient().call('excerpts.delete', { id }));
    if (!result) return;
    if (get().focusedExcerptId === id) set({ focusedExcerptId: null });
    await changed('excerpts.delete');
    useActivity.getState().toast('info', 'Excerpt deleted.', undefined, {
      label: 'Undo',
      run: () => void useHistory.getState().undo(),
    });
  },

  reset() {
    set({ selection: null, pickerOpen: false, pickerTarget: null, focusedExcerptId: null, hoveredExcerptId: null });
  },
}));
