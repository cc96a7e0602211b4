/**
 * A coding shows on the open document as soon as it is saved (issue 8: keypress to stripe under
 * 100 ms): `showCoded` adds the new excerpt, or the new codes to an excerpt the range already
 * had, and leaves other documents alone; the refetch that follows replaces it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeId, CodeRef, DocumentDetail, DocumentId, Excerpt, ExcerptId } from '../../core/contract/index.js';
import { useDocuments } from '../../renderer/src/stores/documents.js';

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
