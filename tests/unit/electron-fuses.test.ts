/**
 * Release builds set Electron's fuses (electron-builder.yml `electronFuses`), and
 * scripts/dist.js refuses a packaged binary whose fuse wire differs. The wire is checked on a
 * stand-in binary carrying Electron's sentinel, flipped by the same @electron/fuses that
 * electron-builder uses.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface FusesLib {
  FUSE_NAMES: string[];
  configuredFuses(file?: string): Record<string, boolean>;
  fuseMismatches(executable: string, expected: Record<string, boolean>): Promise<string[]>;
}
const lib = (await import('../../scripts/lib/fuses.js' as string)) as FusesLib;
const require = createRequire(import.meta.url);
const { SENTINEL } = require('@electron/fuses/dist/constants') as { SENTINEL: string };
const fuses = require('@electron/fuses') as {
  FuseVersion: { V1: string };
  FuseV1Options: Record<string, number>;
  flipFuses(path: string, config: Record<string | number, unknown>): Promise<number>;
};

const dir = mkdtempSync(join(tmpdir(), 'quarry-fuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file laid out like an Electron binary around its fuse wire: every fuse on, as Electron ships. */
function fakeElectron(name: string): string {
  const path = join(dir, name);
  const wire = Buffer.concat([
    Buffer.from('\x7fELF padding before the wire '),
    Buffer.from(SENTINEL),
    Buffer.from([1, lib.FUSE_NAMES.length]),
    Buffer.alloc(lib.FUSE_NAMES.length, 49),
    Buffer.from(' padding after'),
  ]);
  writeFileSync(path, wire);
  return path;
}

describe('Electron fuses', () => {
  const configured = lib.configuredFuses();

  it('electron-builder.yml turns off run-as-node, NODE_OPTIONS and --inspect, and locks the app to its asar', () => {
    expect(configured).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    for (const name of Object.keys(configured)) expect(lib.FUSE_NAMES).toContain(name);
  });

  it('names the fuses in the wire order @electron/fuses uses', () => {
    lib.FUSE_NAMES.forEach((name, index) => {
      const option = Object.keys(fuses.FuseV1Options).find((k) => fuses.FuseV1Options[k] === index);
      expect(option?.toLowerCase()).toBe(name.toLowerCase());
    });
  });

  it('finds every difference in an unflipped binary, and none once flipped as configured', async () => {
    const binary = fakeElectron('quarry');
    const before = await lib.fuseMismatches(binary, configured);
    expect(before).toEqual(
      expect.arrayContaining([
        'runAsNode is on, expected off',
        'enableNodeOptionsEnvironmentVariable is on, expected off',
        'enableNodeCliInspectArguments is on, expected off',
      ]),
    );
    const config: Record<string | number, unknown> = { version: fuses.FuseVersion.V1 };
    lib.FUSE_NAMES.forEach((name, index) => {
      if (name in configured) config[index] = configured[name];
    });
    await fuses.flipFuses(binary, config);
    expect(await lib.fuseMismatches(binary, configured)).toEqual([]);
  });
});
