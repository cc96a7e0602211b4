/** Per-machine preferences (who is coding: name and GUID), kept as JSON beside recent-projects.json. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PreferencesData {
  coderName?: string;
  /** The coder's identity across projects: the same person has the same GUID in every file. */
  coderGuid?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class Preferences {
  private readonly file: string;
  constructor(private readonly dir: string) {
    this.file = join(dir, 'preferences.json');
  }

  /** A missing or damaged file reads as no preferences. */
  read(): PreferencesData {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null) return {};
      const { coderName, coderGuid } = parsed as PreferencesData;
      return {
        ...(typeof coderName === 'string' && coderName.trim() ? { coderName: coderName.trim() } : {}),
        ...(typeof coderGuid === 'string' && GUID.test(coderGuid) ? { coderGuid } : {}),
      };
    } catch {
      return {};
    }
  }

  /** Returns false when the config dir is not writable (the change still holds for this session). */
  write(update: PreferencesData): boolean {
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ ...this.read(), ...update }, null, 2)}\n`);
      renameSync(tmp, this.file);
      return true;
    } catch {
      return false;
    }
  }
}
