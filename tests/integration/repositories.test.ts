import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { createProjectDb } from '../../db/connection.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { Repositories } from '../../db/repositories/index.js';
import { tempDir } from './helpers.js';

let repos: Repositories | null = null;
afterEach(() => {
  repos?.close();
  repos = null;
});

function open(): Repositories {
  repos = new Repositories(createProjectDb(join(tempDir(), 'r.quarry')));
  repos.meta.ensure('Repo test');
  return repos;
}

function addDoc(r: Repositories, text: string): DocumentId {
  return r.documents.insert({
    title: 't',
    kind: 'notes',
    format: 'txt',
    text,
    language: null,
    sourceId: null,
    participantId: null,
    roundId: null,
  });
}

describe('repositories', () => {
  it('rolls back every row of a failed transaction', () => {
    const r = open();
    expect(() =>
      r.tx(() => {
        const doc = addDoc(r, 'hello world');
        r.search.insertSegments('document', doc, [{ start: 0, end: 11, text: 'hello world' }]);
        r.participants.insert('P1', null);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(r.meta.counts()).toMatchObject({ documents: 0, participants: 0 });
    expect(r.search.matchSegments('words', '"hello"', 10)).toEqual([]);
  });

  it('keeps project meta single and reports the schema version', () => {
    const r = open();
    expect(r.meta.ensure('Other name').name).toBe('Repo test');
    r.meta.rename('Renamed');
    expect(r.meta.get()?.name).toBe('Renamed');
    expect(r.meta.schemaVersion()).toBe(SCHEMA_VERSION);
  });

  it('counts document length in UTF-16 code units, as offsets do', () => {
    const r = open();
    const id = addDoc(r, '👋🏽 héllo 漢字');
    expect(r.documents.summary(id)?.chars).toBe('👋🏽 héllo 漢字'.length);
  });

  it('indexes and unindexes segments in both FTS tables', () => {
    const r = open();
    const id = addDoc(r, 'Zahlung fehlgeschlagen 付款页面');
    r.search.insertSegments('document', id, [{ start: 0, end: 27, text: 'Zahlung fehlgeschlagen 付款页面' }]);
    expect(r.search.matchSegments('words', '"zahlung"', 5)).toMatchObject([{ documentId: id, start: 0, end: 27 }]);
    expect(r.search.matchSegments('trigrams', '"付款页"', 5)).toHaveLength(1);
    r.search.deleteSegments('document', id);
    expect(r.search.matchSegments('words', '"zahlung"', 5)).toEqual([]);
    expect(r.search.matchSegments('trigrams', '"付款页"', 5)).toEqual([]);
    expect(r.search.countSegments('document', id)).toBe(0);
  });

  it('merges codings when moving them onto a code that already codes the excerpt', () => {
    const r = open();
    const coder = { id: r.coders.resolve('00000000-0000-4000-8000-00000000000a', 'A') };
    const doc = addDoc(r, 'some text here');
    const parent = r.codes.insert(
      {
        name: 'P',
        parentId: null,
        color: '#000000',
        description: '',
        createdBy: coder.id,
      },
      'a0',
    );
    const child = r.codes.insert(
      {
        name: 'C',
        parentId: parent,
        color: '#000000',
        description: '',
        createdBy: coder.id,
      },
      'a0',
    );
    const e1 = r.excerpts.insert(doc, { start: 0, end: 4, byteStart: 0, byteEnd: 4, text: '' }, coder.id);
    const e2 = r.excerpts.insert(doc, { start: 5, end: 9, byteStart: 5, byteEnd: 9, text: '' }, coder.id);
    r.excerpts.addCoding(e1, child, coder.id);
    r.excerpts.addCoding(e1, parent, coder.id);
    r.excerpts.addCoding(e2, child, coder.id);
    expect(r.excerpts.addCoding(e2, child, coder.id)).toBe(false);
    expect(r.codes.moveCodings(child, parent)).toEqual({ moved: 1, merged: 1 });
    expect(r.codes.get(parent)?.excerpts).toBe(2);
    expect(r.codes.ancestorIds(child)).toEqual([parent]);
    expect(r.codes.findSibling(null, 'p')).toBe(parent);
    expect(r.codes.findSibling(parent as CodeId, 'c')).toBe(child);
  });

  it('finds a coder by the GUID that travels with them, else by name, and never marks one current', () => {
    const r = open();
    const alice = '00000000-0000-4000-8000-0000000000a1';
    const a = r.coders.resolve(alice, 'Alice');
    const b = r.coders.resolve('00000000-0000-4000-8000-0000000000b0', 'Bob');
    expect(b).not.toBe(a);
    expect(r.coders.resolve(alice, 'Alice')).toBe(a);
    // Alice's row written before GUIDs travelled: found by name, not duplicated.
    expect(r.coders.resolve('00000000-0000-4000-8000-0000000000a2', 'Alice')).toBe(a);
    expect(r.coders.find('00000000-0000-4000-8000-0000000000c0', 'Cy')).toBeUndefined();
    expect(r.coders.list().every((c) => c.isCurrent === 0)).toBe(true);
  });
});
