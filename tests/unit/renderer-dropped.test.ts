/** Folder drops: the entry tree is walked, batches of directory entries are read to the end, hidden entries skipped. */
import { describe, expect, it } from 'vitest';
import { droppedFiles } from '../../renderer/src/lib/dropped.js';

type Entry = { name: string; isFile: boolean; isDirectory: boolean; file?: unknown; createReader?: unknown };

function fileEntry(name: string, text: string): Entry {
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (ok: (f: File) => void) => ok(new File([text], name)),
  };
}

/** Directory readers hand out entries in batches (Chromium: 100 at a time) until an empty one. */
function dirEntry(name: string, children: Entry[], batch = 2): Entry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (entries: Entry[]) => void) => {
          const next = children.slice(at, at + batch);
          at += batch;
          setTimeout(() => ok(next), 0);
        },
      };
    },
  };
}

function transfer(entries: (Entry | null)[], files: File[] = []): DataTransfer {
  return {
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
    files,
  } as unknown as DataTransfer;
}

describe('droppedFiles', () => {
  it('walks folders recursively with their paths, in name order, skipping hidden entries', async () => {
    const tree = dirEntry('study', [
      fileEntry('p02.txt', 'b'),
      fileEntry('.DS_Store', 'x'),
      dirEntry('wave 2', [fileEntry('p07.vtt', 'c'), fileEntry('p05.docx', 'd')]),
      fileEntry('p01.txt', 'a'),
      dirEntry('.git', [fileEntry('config', 'no')]),
    ]);
    const out = await droppedFiles(transfer([tree, fileEntry('survey.csv', 'e')]));
    expect(out.map((f) => f.name)).toEqual([
      'study/p01.txt',
      'study/p02.txt',
      'study/wave 2/p05.docx',
      'study/wave 2/p07.vtt',
      'survey.csv',
    ]);
    expect(await out[0]?.file.text()).toBe('a');
  });

  it('falls back to the plain file list when entries are not available', async () => {
    const file = new File(['hello'], 'note.txt');
    const out = await droppedFiles(transfer([null], [file]));
    expect(out).toEqual([{ name: 'note.txt', file }]);
  });
});
