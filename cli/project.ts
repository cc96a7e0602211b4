/**
 * Opens a project for one command through the same app object every host uses, and always
 * closes it (checkpointing the WAL) so the .quarry file is complete when the command exits.
 * The core is imported here, lazily, so help and usage errors stay fast.
 */
import { resolve } from 'node:path';
import type { AppOptions, QuarryApp } from '../core/app.js';
import type { Dispatcher } from '../core/host.js';

/** QUARRY_CONFIG_DIR keeps scripted and test runs out of the user's recent-projects list. */
export function appOptions(extra: AppOptions = {}): AppOptions {
  const configDir = process.env.QUARRY_CONFIG_DIR;
  // PDF export prints with an installed Chromium/Chrome/Edge (cli/pdf/chromium.ts).
  const printerModule = new URL('./pdf/chromium.js', import.meta.url).href;
  return { nativeDialogs: false, printerModule, ...(configDir ? { configDir } : {}), ...extra };
}

/** One-shot commands never add to the recent-projects list: that list is the app's (issue 7). */
export async function createCliApp(extra: AppOptions = {}): Promise<QuarryApp> {
  const { createApp } = await import('../core/app.js');
  return createApp(appOptions({ rememberRecent: false, ...extra }));
}

/** Runs `work` with `projectPath` open; the project is closed whatever happens. */
export async function withProject<T>(
  projectPath: string,
  work: (dispatcher: Dispatcher) => Promise<T>,
  extra: AppOptions = {},
): Promise<T> {
  const app = await createCliApp(extra);
  try {
    await app.dispatcher.call('project.open', { path: resolve(projectPath) });
    return await work(app.dispatcher);
  } finally {
    app.close();
  }
}

/** For `new`: an app with no project open yet. */
export async function withApp<T>(work: (dispatcher: Dispatcher) => Promise<T>): Promise<T> {
  const app = await createCliApp();
  try {
    return await work(app.dispatcher);
  } finally {
    app.close();
  }
}
