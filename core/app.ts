/**
 * The application object every host creates: it owns the open project (at most one per
 * app), the recent-projects list, and the dispatcher bound to the contract.
 *
 * INTERFACE FIXED BY THE SCAFFOLD; implementation to follow in core/ services.
 */
import type { Dispatcher } from './host.js';

export interface AppOptions {
  /** Where recent-projects.json and preferences live; defaults to the OS config dir + /quarry. */
  configDir?: string;
  /** Electron can show native dialogs; a browser needs typed paths. */
  nativeDialogs?: boolean;
  /** The coder identity recorded on new codings; defaults to the OS user name. */
  coderName?: string;
}

export interface QuarryApp {
  dispatcher: Dispatcher;
  /** Path of the open project, or null. */
  projectPath(): string | null;
  /** Closes the open project (checkpointing WAL) and releases the file. */
  close(): void;
}

export declare function createApp(options?: AppOptions): QuarryApp;
