/**
 * Native open/save dialogs. The renderer cannot touch the disk, so picking a project, picking
 * files to import (their paths are granted to the window: ./pickedPaths.ts) and writing an
 * export happen here, after the request has been validated.
 */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type BrowserWindow, dialog, ipcMain } from 'electron';
import { QuarryError } from '../core/errors.js';
import { formatValidationError } from '../core/host.js';
import {
  CHANNELS,
  type OpenDialogResult,
  openDialogRequest,
  type PickedFile,
  type SaveDialogResult,
  saveDialogRequest,
} from './bridge.js';
import { toEnvelope } from './envelope.js';
import { assertTrustedSender } from './ipc.js';
import type { PickedPaths } from './pickedPaths.js';

const PROJECT_FILTER = { name: 'Quarry project', extensions: ['quarry'] };
const IMPORT_FILTER = {
  name: 'Transcripts, notes and REFI-QDA projects',
  extensions: ['txt', 'md', 'docx', 'vtt', 'srt', 'csv', 'tsv', 'qdpx', 'qdc'],
};

export async function pickProjectToOpen(win: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open project', properties: ['openFile' as const], filters: [PROJECT_FILTER] };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

export async function pickNewProjectPath(win: BrowserWindow | null, defaultName = 'Untitled'): Promise<string | null> {
  const options = {
    title: 'New project',
    buttonLabel: 'Create',
    defaultPath: defaultName.endsWith('.quarry') ? defaultName : `${defaultName}.quarry`,
    filters: [PROJECT_FILTER],
  };
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (picked.canceled || !picked.filePath) return null;
  return extname(picked.filePath).toLowerCase() === '.quarry' ? picked.filePath : `${picked.filePath}.quarry`;
}

/**
 * The picked files go back by path (the core reads each: no base64 copy), granted to the window
 * when `picked` is given; the menu's import calls the core here in main and needs no grant.
 */
export async function pickImportFiles(win: BrowserWindow | null, picked?: PickedPaths): Promise<OpenDialogResult> {
  const options = {
    title: 'Import files',
    buttonLabel: 'Import',
    properties: ['openFile' as const, 'multiSelections' as const],
    filters: [IMPORT_FILTER, { name: 'All files', extensions: ['*'] }],
  };
  const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (chosen.canceled || chosen.filePaths.length === 0) return { canceled: true };
  picked?.grant(chosen.filePaths);
  const files: PickedFile[] = chosen.filePaths.map((path) => ({ name: basename(path), path }));
  return { canceled: false, paths: chosen.filePaths, files };
}

export async function saveExportFile(
  win: BrowserWindow | null,
  fileName: string,
  encoding: 'utf8' | 'base64',
  data: string,
): Promise<SaveDialogResult> {
  const options = { title: 'Export', defaultPath: basename(fileName) };
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (picked.canceled || !picked.filePath) return { canceled: true };
  await writeFile(picked.filePath, encoding === 'base64' ? Buffer.from(data, 'base64') : data);
  return { canceled: false, path: picked.filePath };
}

export function bindDialogs(getWindow: () => BrowserWindow | null, picked: PickedPaths): () => void {
  ipcMain.handle(CHANNELS.openDialog, (event, raw: unknown) =>
    toEnvelope(async (): Promise<OpenDialogResult> => {
      assertTrustedSender(event);
      const parsed = openDialogRequest.safeParse(raw);
      if (!parsed.success) throw new QuarryError('BadInput', formatValidationError('openDialog', parsed.error));
      if (parsed.data.purpose === 'import') return pickImportFiles(getWindow(), picked);
      const path = await pickProjectToOpen(getWindow());
      return path ? { canceled: false, paths: [path], files: [] } : { canceled: true };
    }),
  );
  ipcMain.handle(CHANNELS.saveDialog, (event, raw: unknown) =>
    toEnvelope(async (): Promise<SaveDialogResult> => {
      assertTrustedSender(event);
      const parsed = saveDialogRequest.safeParse(raw);
      if (!parsed.success) throw new QuarryError('BadInput', formatValidationError('saveDialog', parsed.error));
      const request = parsed.data;
      if (request.purpose === 'export') {
        return saveExportFile(getWindow(), request.fileName, request.encoding, request.data);
      }
      const path = await pickNewProjectPath(getWindow(), request.defaultName);
      return path ? { canceled: false, path } : { canceled: true };
    }),
  );
  return () => {
    ipcMain.removeHandler(CHANNELS.openDialog);
    ipcMain.removeHandler(CHANNELS.saveDialog);
  };
}
