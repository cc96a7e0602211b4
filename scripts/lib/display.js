/** A virtual X display (Xvfb) for running the desktop app's tests on a headless Linux machine. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { which } from './proc.js';

/** Starts Xvfb on a free display number; resolves to { display, stop } or null when Xvfb is absent. */
export async function startVirtualDisplay() {
  const xvfb = which('Xvfb');
  if (!xvfb) return null;
  let number = 90;
  while (existsSync(`/tmp/.X11-unix/X${number}`) || existsSync(`/tmp/.X${number}-lock`)) number += 1;
  const child = spawn(xvfb, [`:${number}`, '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (existsSync(`/tmp/.X11-unix/X${number}`)) return { display: `:${number}`, stop };
    if (child.exitCode !== null) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  return null;
}
