/**
 * Quarry's desktop shell: app lifecycle, one window, the menu, and the contract bound to IPC.
 * Everything the app does lives in core/; this file only wires it to Electron.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, Menu, session } from 'electron';
import { buildSampleProject } from '../core/sample/build.js';
import { createWorkerApp, type WorkerApp } from '../core/worker/app.js';
import { bindDialogs } from './dialogs.js';
import { bindContract } from './ipc.js';
import { buildMenu } from './menu.js';
import { PickedPaths } from './pickedPaths.js';
import { projectPathFromArgv } from './policy.js';
import { createProjectActions, type ProjectActions } from './projects.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { bundledSampleCandidates, ensureUserSample } from './sample.js';
import { hardenAllWebContents, hardenSession } from './security.js';
import { createMainWindow } from './window.js';

const here = fileURLToPath(new URL('.', import.meta.url));

// One stable data folder whatever the launcher (dev, packaged, tests may override it).
app.setPath('userData', process.env.QUARRY_USER_DATA ?? join(app.getPath('appData'), 'Quarry'));
registerAppScheme();
hardenAllWebContents();

let win: BrowserWindow | null = null;
let quarry: WorkerApp | null = null;
let actions: ProjectActions | null = null;
/** A project asked for before the app was ready (argv, or macOS open-file at launch). */
let requested = projectPathFromArgv(process.argv, process.cwd());

async function refreshChrome(): Promise<void> {
  if (!actions) return;
  const status = await actions.status();
  Menu.setApplicationMenu(buildMenu(actions, status.recent, { devTools: !app.isPackaged }));
  win?.setTitle(status.project ? `${status.project.name} — Quarry` : 'Quarry');
}

/** The last project if it still exists, else the user's copy of the sample project. */
async function startupProject(current: ProjectActions): Promise<string | null> {
  if (requested) return requested;
  const { recent } = await current.status();
  const last = recent.find((project) => existsSync(project.path));
  if (last) return last.path;
  const packaged = app.isPackaged ? bundledSampleCandidates(process.resourcesPath) : [];
  return ensureUserSample(app.getPath('userData'), packaged, (out) => buildSampleProject(out));
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, join(app.getAppPath(), 'dist', 'renderer'));

  // Shares the recent-projects list with the CLI; QUARRY_CONFIG_DIR isolates test runs.
  // The project lives on a worker thread (core/worker): SQLite, parsing and indexing never
  // block this process, whose event loop carries every window's IPC. Electron 17+ loads
  // worker files from inside app.asar.
  quarry = createWorkerApp({ nativeDialogs: true, configDir: process.env.QUARRY_CONFIG_DIR || undefined });
  const getWindow = () => win;
  const onProjectChanged = () => void refreshChrome();
  actions = createProjectActions(quarry, getWindow, onProjectChanged);
  const picked = new PickedPaths();
  bindContract(quarry, getWindow, { onProjectChanged }, picked);
  bindDialogs(getWindow, picked);

  const first = await startupProject(actions);
  requested = null;
  // Opened before the window loads, so the renderer's first app.status already sees it.
  if (first) await actions.open(first);
  await refreshChrome();

  win = createMainWindow(join(here, 'preload.cjs'));
  win.on('closed', () => {
    win = null;
  });
  await refreshChrome();
}

function focusWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

if (!app.requestSingleInstanceLock()) {
  // Another Quarry is running; it receives our argv through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    const path = projectPathFromArgv(argv, workingDirectory);
    if (path && actions) void actions.open(path);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (actions) void actions.open(path).then(focusWindow);
    else requested = path;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!win && actions) {
      win = createMainWindow(join(here, 'preload.cjs'));
      win.on('closed', () => {
        win = null;
      });
    }
  });
  app.on('will-quit', (event) => {
    if (!quarry) return;
    // Closing the project checkpoints its WAL on the worker: wait for it before the process
    // ends, so the .quarry file alone holds every write (a copy of it is complete).
    event.preventDefault();
    const closing = quarry;
    quarry = null;
    void closing.closeAndWait().finally(() => app.quit());
  });
  app.whenReady().then(start, (err: unknown) => {
    console.error('Quarry could not start:', err);
    app.exit(1);
  });
}
