/**
 * Opens a URL in the user's browser and tells whether that worked, so `quarry serve` can say
 * so next to the URL it printed (a headless machine, or one without xdg-open, has no browser).
 */
import { spawn } from 'node:child_process';

/** How long an opener may run before we take its silence as success (xdg-open can block). */
const SETTLE_MS = 3_000;

export type BrowserOpen = { opened: true } | { opened: false; reason: string };

export function openBrowser(url: string): Promise<BrowserOpen> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  return new Promise((settle) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    } catch (err) {
      settle({ opened: false, reason: `${command} could not start (${(err as Error).message})` });
      return;
    }
    const timer = setTimeout(() => settle({ opened: true }), SETTLE_MS);
    timer.unref();
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      settle({
        opened: false,
        reason: err.code === 'ENOENT' ? `${command} is not installed` : `${command} failed (${err.message})`,
      });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      settle(code === 0 ? { opened: true } : { opened: false, reason: `${command} found no browser (exit ${code})` });
    });
    child.unref();
  });
}
