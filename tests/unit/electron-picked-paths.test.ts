/**
 * Electron's import dialog hands the window paths instead of base64 (electron/pickedPaths.ts):
 * the window may send `{ path }` to documents.import and documents.previewCsv only for files
 * the main process's own dialog returned; every other path, and any path in another method,
 * is refused as quarry serve refuses it (core/contract/localPaths.ts). Electron's runtime is
 * not needed: the decision is a plain module.
 */
import { describe, expect, it } from 'vitest';
import { localPathRefusal } from '../../core/contract/localPaths.js';
import { PickedPaths } from '../../electron/pickedPaths.js';

const CALL = '/home/ada/Interviews/call 1 – 配送.vtt';
const SURVEY = '/home/ada/Interviews/survey.csv';

function granted(): PickedPaths {
  const picked = new PickedPaths();
  picked.grant([CALL, SURVEY]);
  return picked;
}

describe('paths a window may import by', () => {
  it('lets through the files the dialog returned, in the import and the CSV preview', () => {
    const picked = granted();
    expect(picked.refusal('documents.import', { files: [{ path: CALL }] })).toBeNull();
    expect(
      picked.refusal('documents.import', { files: [{ path: CALL }, { path: SURVEY }], duplicates: 'keep' }),
    ).toBeNull();
    expect(picked.refusal('documents.previewCsv', { file: { path: SURVEY } })).toBeNull();
  });

  it('refuses any other path, as the page-facing hosts do', () => {
    const picked = granted();
    const refused = localPathRefusal('documents.import', { files: [{ path: '/etc/passwd' }] });
    expect(refused).toMatch(/not by a path/);
    expect(picked.refusal('documents.import', { files: [{ path: '/etc/passwd' }] })).toBe(refused);
    // One granted file does not carry another along, nor does a path that only resolves to one.
    expect(picked.refusal('documents.import', { files: [{ path: CALL }, { path: '/etc/passwd' }] })).toBe(refused);
    expect(
      picked.refusal('documents.import', { files: [{ path: '/home/ada/Interviews/../Interviews/survey.csv' }] }),
    ).toBe(refused);
    expect(picked.refusal('documents.previewCsv', { file: { path: '/etc/passwd' } })).toMatch(/not by a path/);
    expect(picked.refusal('documents.import', { files: [{ path: [CALL] }] })).toBe(refused);
  });

  it('refuses a path before the dialog returned it, and in methods the dialog does not serve', () => {
    expect(new PickedPaths().refusal('documents.import', { files: [{ path: CALL }] })).toMatch(/not by a path/);
    expect(granted().refusal('project.merge', { source: { path: CALL } })).toMatch(/not by a path/);
  });

  it('leaves uploads and calls without files alone', () => {
    const picked = new PickedPaths();
    expect(picked.refusal('documents.import', { files: [{ name: 'a.txt', dataBase64: 'YQ==' }] })).toBeNull();
    expect(picked.refusal('documents.previewCsv', { file: { name: 'a.csv', dataBase64: 'YQ==' } })).toBeNull();
    expect(picked.refusal('documents.list', {})).toBeNull();
    expect(picked.refusal('documents.import', null)).toBeNull();
  });
});
