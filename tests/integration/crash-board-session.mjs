#!/usr/bin/env node
/**
 * A board session that never ends on its own, for the crash harness: opens the project with
 * the real app and keeps adding, moving, grouping, coding through bound groups and undoing,
 * until it is killed. Prints "ready" once the first write is committed.
 *
 *   node crash-board-session.mjs <dist-root> <project> <seed>
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, project, seedArg] = process.argv.slice(2);
const { createApp } = await import(pathToFileURL(join(root, 'dist', 'core', 'app.js')).href);
const app = createApp({ configDir: mkdtempSync(join(tmpdir(), 'quarry-crash-')), coderName: 'Crash' });
const call = (method, input = {}) => app.dispatcher.call(method, input);
let seed = Number(seedArg) || 1;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = (list) => list[Math.floor(random() * list.length)];

await call('project.open', { path: project });
const boards = await call('boards.list');
const board = boards[0] ?? (await call('boards.create', { name: 'Crash wall' }));
const excerpts = await call('excerpts.list');
const codes = await call('codes.list');
let announced = false;
for (let step = 0; ; step++) {
  const detail = await call('boards.get', { id: board.id });
  const r = random();
  if (r < 0.25 || detail.cards.length === 0) {
    await call('boards.addCards', {
      boardId: board.id,
      excerptIds: excerpts.slice(0, 1 + (step % excerpts.length)).map((e) => e.id),
    });
  } else if (r < 0.4 || detail.groups.length === 0) {
    const code = pick(codes);
    await call('boards.addGroup', {
      boardId: board.id,
      name: `G${step}`,
      ...(random() < 0.5 && code ? { codeId: code.id } : {}),
    });
  } else if (r < 0.75) {
    const moves = detail.cards.slice(0, 1 + Math.floor(random() * detail.cards.length)).map((c) => ({
      id: c.id,
      groupId: random() < 0.3 ? null : pick(detail.groups).id,
      x: Math.round(random() * 3000),
      y: Math.round(random() * 3000),
    }));
    await call('boards.moveCards', { moves, keepCodes: random() < 0.3 });
  } else if (r < 0.85) {
    await call('boards.addCard', { boardId: board.id, text: `note ${step} 付箋 🗒`, x: step, y: step });
  } else if (r < 0.95) {
    // Nothing to undo yet (a fresh session) is a refusal, not a failure of the session.
    await call('history.undo').catch((err) => {
      if (err?.kind !== 'Conflict') throw err;
    });
  } else {
    const group = pick(detail.groups);
    await call('boards.updateGroup', { id: group.id, x: Math.round(random() * 2000), y: Math.round(random() * 2000) });
  }
  if (!announced) {
    announced = true;
    process.stdout.write('ready\n');
  }
}
