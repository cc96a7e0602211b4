/**
 * `quarry serve`: opens the project, starts the loopback host, prints the one line scripts
 * and tests look for, and closes everything cleanly on Ctrl+C or SIGTERM.
 */
import { flag, parseIntInRange, str } from '../args.js';
import { openBrowser } from '../browser.js';
import type { CommandContext } from '../commands.js';
import { CliError, EXIT } from '../errors.js';
import { notice, printLine } from '../output.js';
import { appOptions } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project] = positionals;
  const rawPort = str(values, 'port');
  const port = rawPort !== undefined ? parseIntInRange(command, '--port', rawPort, 0, 65_535) : 0;
  const { startServer } = await import('../serve/server.js');
  // The project lives on a worker thread, so the HTTP host keeps answering (other tabs, the
  // change stream) while a large file is parsed and indexed.
  const { createWorkerApp } = await import('../../core/worker/app.js');
  const app = createWorkerApp(appOptions());
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ app, projectPath: project ?? null, port, host: '127.0.0.1' });
  } catch (err) {
    await app.closeAndWait();
    const code = (err as NodeJS.ErrnoException)?.code;
    if (code === 'EADDRINUSE') {
      throw new CliError(
        `Port ${port} is already in use. Choose another with --port, or leave it out to pick a free one.`,
      );
    }
    if (code === 'EACCES') throw new CliError(`Port ${port} needs special permission. Choose a port above 1023.`);
    throw err;
  }

  printLine(
    project !== undefined ? `Quarry is serving ${project} at ${server.url}` : `Quarry is serving at ${server.url}`,
  );
  if (!flag(values, 'no-open')) {
    const browser = await openBrowser(server.url);
    if (!browser.opened) notice(`Could not open a browser here (${browser.reason}): open the address above yourself.`);
  }
  notice('Press Ctrl+C to stop.');

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      server
        .close()
        .catch(() => {})
        .then(() => app.closeAndWait())
        .finally(() => {
          notice(`Stopped (${signal}); the project was closed cleanly.`);
          done(EXIT.ok);
        });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
