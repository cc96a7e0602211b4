/**
 * A coding shows on the open document at once (issue 8: keypress to stripe under 100 ms):
 * `showPending` draws it before the host answers (a provisional excerpt, or new codes on the
 * saved excerpt of that exact span), `showCoded` puts the saved excerpt in its place, or adds
 * the new excerpt or codes, and leaves other documents alone; `dropPending` takes a refused one off.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeId, CodeRef, DocumentDetail, DocumentId, Excerpt, ExcerptId } from '../../core/contract/index.js';
import { isProvisional, useDocuments } from '../../renderer/src/stores/documents.js';

const price: CodeRef = { id: 1 as CodeId, name: 'Price', color: '#112233' };
const trust: CodeRef = { id: 2 as CodeId, name: 'Trust', color: '#445566' };
const saved: Excerpt = {
  id: 10 as ExcerptId,
  documentId: 3 as DocumentId,
  documentTitle: 'Interview 3',
  start: 0,
  end: 5,
  text: 'Hello',
  codes: [price],
  participant: 'P03',
  memo: null,
  coders: ['Ada'],
};

beforeEach(() => {
  useDocuments.setState({
    openId: 3 as DocumentId,
    doc: { id: 3, title: 'Interview 3' } as unknown as DocumentDetail,
    excerpts: [saved],
    saved: [saved],
    pending: [],
  });
});

describe('showCoded', () => {
  it('adds a new excerpt with its codes to the open document', () => {
    useDocuments
      .getState()
      .showCoded(3 as DocumentId, { id: 11 as ExcerptId, start: 8, end: 13, text: 'world' }, [trust]);
    const added = useDocuments.getState().excerpts.find((x) => x.id === 11);
    expect(added).toMatchObject({
      documentId: 3,
      documentTitle: 'Interview 3',
      start: 8,
      end: 13,
      text: 'world',
      codes: [trust],
    });
    expect(useDocuments.getState().excerpts).toHaveLength(2);
  });

  it('adds only the missing codes to an excerpt the range already had', () => {
    useDocuments
      .getState()
      .showCoded(3 as DocumentId, { id: 10 as ExcerptId, start: 0, end: 5, text: 'Hello' }, [price, trust]);
    const [only] = useDocuments.getState().excerpts;
    expect(useDocuments.getState().excerpts).toHaveLength(1);
    expect(only?.codes).toEqual([price, trust]);
    expect(only?.participant).toBe('P03');
  });

  it('leaves the open document alone when the coding is on another', () => {
    useDocuments.getState().showCoded(4 as DocumentId, { id: 12 as ExcerptId, start: 0, end: 2, text: 'Hi' }, [trust]);
    expect(useDocuments.getState().excerpts).toEqual([saved]);
  });
});

describe('showPending', () => {
  it('draws a provisional excerpt (id below zero) that the saved one replaces in one update', () => {
    const docs = useDocuments.getState();
    const id = docs.showPending(3 as DocumentId, { start: 8, end: 13, text: 'world' }, [trust]);
    expect(id).not.toBeNull();
    expect(isProvisional(id)).toBe(true);
    const drawn = useDocuments.getState().excerpts.find((x) => x.id === id);
    expect(drawn).toMatchObject({ start: 8, end: 13, text: 'world', codes: [trust], documentTitle: 'Interview 3' });
    // The saved list is what the host gave: the provisional one is drawn over it.
    expect(useDocuments.getState().saved).toEqual([saved]);

    const seen: number[][] = [];
    const stop = useDocuments.subscribe((s) => seen.push(s.excerpts.map((x) => x.id)));
    useDocuments
      .getState()
      .showCoded(3 as DocumentId, { id: 11 as ExcerptId, start: 8, end: 13, text: 'world' }, [trust], id);
    stop();
    expect(seen).toEqual([[10, 11]]);
    expect(useDocuments.getState().pending).toEqual([]);
  });

  it('puts new codes on the saved excerpt of exactly that span, and takes them off when refused', () => {
    const id = useDocuments.getState().showPending(3 as DocumentId, { start: 0, end: 5, text: 'Hello' }, [trust]);
    expect(useDocuments.getState().excerpts).toHaveLength(1);
    expect(useDocuments.getState().excerpts[0]?.codes).toEqual([price, trust]);
    useDocuments.getState().dropPending(id as ExcerptId);
    expect(useDocuments.getState().excerpts).toEqual([saved]);
  });

  it('survives a refetch that lands before the host answers, and goes when refused', () => {
    const id = useDocuments.getState().showPending(3 as DocumentId, { start: 8, end: 13, text: 'world' }, [trust]);
    // What reloadExcerpts does with the host's answer: a new saved list, the pending drawn over it.
    const other: Excerpt = { ...saved, id: 20 as ExcerptId, start: 20, end: 25, text: 'again' };
    useDocuments.setState({ saved: [saved, other] });
    useDocuments
      .getState()
      .showCoded(3 as DocumentId, { id: 20 as ExcerptId, start: 20, end: 25, text: 'again' }, [price]);
    expect(useDocuments.getState().excerpts.map((x) => x.id)).toEqual([10, 20, id]);
    useDocuments.getState().dropPending(id as ExcerptId);
    expect(useDocuments.getState().excerpts.map((x) => x.id)).toEqual([10, 20]);
  });

  it('draws nothing on a document that is not open', () => {
    expect(useDocuments.getState().showPending(4 as DocumentId, { start: 0, end: 2, text: 'Hi' }, [trust])).toBeNull();
    expect(useDocuments.getState().excerpts).toEqual([saved]);
  });
});
