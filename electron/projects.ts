/**
 * What the shell itself does with projects (menu, file association, start-up): every action
 * goes through the same contract the renderer uses, then tells the window what changed.
 */
import { existsSync } from 'node:fs';
import { type BrowserWindow, dialog } from 'electron';
import type { QuarryApp } from '../core/app.js';
import type { AppStatus, ExportResult } from '../core/contract/types.js';
import { toWireError } from '../core/errors.js';
import { pickImportFiles, pickNewProjectPath, pickProjectToOpen, saveExportFile } from './dialogs.js';
import { notifyChanged } from './ipc.js';

export interface ProjectActions {
  status(): Promise<AppStatus>;
  open(path: string): Promise<boolean>;
  openWithDialog(): Promise<void>;
  createWithDialog(): Promise<void>;
  importWithDialog(): Promise<void>;
  exportReport(format: 'md' | 'html'): Promise<void>;
}

export function createProjectActions(
  quarry: QuarryApp,
  getWindow: () => BrowserWindow | null,
  onProjectChanged: () => void,
): ProjectActions {
  function report(title: string, err: unknown): void {
    dialog.showErrorBox(title, toWireError(err).message);
  }

  async function open(path: string): Promise<boolean> {
    try {
      await quarry.dispatcher.dispatch('project.open', { path });
    } catch (err) {
      report('Could not open the project', err);
      return false;
    }
    notifyChanged(getWindow(), 'project.open');
    onProjectChanged();
    return true;
  }

  return {
    status: async () => (await quarry.dispatcher.dispatch('app.status', {})) as AppStatus,
    open,
    async openWithDialog() {
      const path = await pickProjectToOpen(getWindow());
      if (path) await open(path);
    },
    async createWithDialog() {
      const path = await pickNewProjectPath(getWindow());
      if (!path) return;
      if (existsSync(path)) {
        report('Could not create the project', new Error(`${path} already exists. Choose another name.`));
        return;
      }
      try {
        // project.create mutates, so the dispatcher's change event reaches the window by itself.
        await quarry.dispatcher.dispatch('project.create', { path });
        onProjectChanged();
      } catch (err) {
        report('Could not create the project', err);
      }
    },
    async importWithDialog() {
      try {
        const picked = await pickImportFiles(getWindow());
        if (picked.canceled) return;
        const files = picked.files.map(({ path }) => ({ path }));
        const result = (await quarry.dispatcher.dispatch('documents.import', { files })) as {
          rejected: { file: string; error: string }[];
        };
        if (result.rejected.length > 0) {
          const lines = result.rejected.map((r) => `${r.file}: ${r.error}`).join('\n');
          dialog.showErrorBox('Some files were not imported', lines);
        }
      } catch (err) {
        report('Could not import', err);
      }
    },
    async exportReport(format) {
      try {
        const out = (await quarry.dispatcher.dispatch('export.report', { format })) as ExportResult;
        await saveExportFile(getWindow(), out.fileName, out.encoding, out.data);
      } catch (err) {
        report('Could not export', err);
      }
    },
  };
}
