/**
 * A one-line progress bar on stderr for long work. It draws only when stderr is a terminal,
 * so logs and pipes never fill with carriage returns.
 */
import { terminalSafe } from './output.js';

export interface Progress {
  tick(label: string): void;
  done(): void;
}

const silent: Progress = { tick() {}, done() {} };

export function progressBar(total: number, what: string): Progress {
  const stream = process.stderr;
  if (!stream.isTTY || total < 2) return silent;
  let n = 0;
  const draw = (raw: string) => {
    const label = terminalSafe(raw);
    const columns = stream.columns || 80;
    const barWidth = 20;
    const filled = Math.round((n / total) * barWidth);
    const head = `${what} [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${n}/${total} `;
    const room = Math.max(0, columns - head.length - 1);
    const tail = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
    stream.write(`\r${head}${tail}`.padEnd(columns - 1).slice(0, columns - 1));
  };
  return {
    tick(label) {
      n += 1;
      draw(label);
    },
    done() {
      stream.write(`\r${' '.repeat((stream.columns || 80) - 1)}\r`);
    },
  };
}
