/**
 * Runs a command as a child process and measures it as a whole: wall time, and where GNU time
 * is installed (/usr/bin/time on Linux) its CPU time (user + system) and peak resident memory.
 * CPU time is the steadier figure on a shared machine: waiting for a core does not count.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ProcessFigure {
  wallMs: number;
  /** User + system CPU time; undefined without GNU time. */
  cpuMs?: number;
  /** Peak resident set size; undefined without GNU time. */
  maxRssMb?: number;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';

export function hasGnuTime(): boolean {
  return process.platform === 'linux' && existsSync(GNU_TIME);
}

export function measureProcess(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; okStatuses?: readonly number[] } = {},
): ProcessFigure {
  const gnu = hasGnuTime();
  const dir = gnu ? mkdtempSync(join(tmpdir(), 'quarry-time-')) : '';
  const out = join(dir, 'time.txt');
  try {
    const [file, argv] = gnu ? [GNU_TIME, ['-o', out, '-f', '%U %S %M', command, ...args]] : [command, [...args]];
    const start = performance.now();
    const run = spawnSync(file, argv, {
      encoding: 'utf8',
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 600_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    const ok = options.okStatuses ?? [0];
    if (run.status === null || !ok.includes(run.status)) {
      throw new Error(`"${[command, ...args].join(' ')}" failed (exit ${run.status}): ${run.stderr || run.error}`);
    }
    const figure: ProcessFigure = { wallMs, stdout: run.stdout };
    if (gnu) {
      // The last line: GNU time may print "Command exited with non-zero status" above it.
      const last = readFileSync(out, 'utf8').trim().split('\n').pop() ?? '';
      const [user, system, rssKb] = last.split(' ').map(Number);
      if (user !== undefined && system !== undefined && rssKb !== undefined) {
        figure.cpuMs = (user + system) * 1000;
        figure.maxRssMb = rssKb / 1024;
      }
    }
    return figure;
  } finally {
    if (gnu) rmSync(dir, { recursive: true, force: true });
  }
}
