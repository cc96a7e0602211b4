/** The recent-projects list, kept as JSON in the app's config directory. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RecentProject } from '../contract/types.js';

const FILE = 'recent-projects.json';
const MAX = 10;

/** $XDG_CONFIG_HOME/quarry, else ~/.config/quarry. */
export function defaultConfigDir(): string {
  const base = process.env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(base, 'quarry');
}

function isRecent(value: unknown): value is RecentProject {
  const v = value as RecentProject;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.path === 'string' &&
    typeof v.name === 'string' &&
    typeof v.openedAt === 'string'
  );
}

export class RecentProjects {
  private readonly file: string;
  constructor(private readonly dir: string) {
    this.file = join(dir, FILE);
  }

  /** Most recent first; a missing or damaged file reads as an empty list. */
  list(): RecentProject[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter(isRecent).filter((r) => existsSync(r.path)) : [];
    } catch {
      return [];
    }
  }

  remember(path: string, name: string): void {
    const entries = [
      { path, name, openedAt: new Date().toISOString() },
      ...this.list().filter((r) => r.path !== path),
    ].slice(0, MAX);
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(entries, null, 2)}\n`);
      renameSync(tmp, this.file);
    } catch {
      // A read-only config dir must not stop anyone from working on a project.
    }
  }
}
