/**
 * The `quarry serve` token in a real browser: it leaves the address bar, never becomes a
 * cookie (which every other server on 127.0.0.1 would receive), survives a reload in the same
 * tab, and a page from another local port can neither read the API nor learn the token.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, newProject, QUALCODER_TRANSCRIPT, section, test } from './fixtures.js';

test('the printed link signs the tab in without leaving the token in the address, a cookie or another port', async ({
  page,
  context,
  workspace,
}) => {
  const project = newProject(workspace, 'Token', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  const url = await workspace.serve(project);
  const token = new URL(url).searchParams.get('token') ?? '';
  const origin = new URL(url).origin;
  expect(token.length).toBeGreaterThanOrEqual(16);

  await section(page, 'Codes').click();
  await expect(page.getByRole('button', { name: 'Workload, 0 excerpts' })).toBeVisible();
  expect(page.url()).not.toContain(token);
  expect(page.url()).not.toContain('token=');
  expect(await context.cookies()).toEqual([]);

  // The tab keeps its token across a reload, and the change stream (fetch + header) still works.
  await page.reload();
  expect(page.url()).not.toContain(token);
  await section(page, 'Codes').click();
  await expect(page.getByRole('button', { name: 'Workload, 0 excerpts' })).toBeVisible();
  // A write by another client reaches this tab only through the event stream.
  const added = await fetch(`${origin}/api/codes.add`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Made elsewhere' }),
  });
  expect(added.status).toBe(200);
  await expect(page.getByRole('button', { name: 'Made elsewhere, 0 excerpts' })).toBeVisible();

  // Another server on this machine, on another port, as a page the user might visit.
  const seen: IncomingHttpHeaders[] = [];
  const other = createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>Another local server</title><p>elsewhere</p>');
  });
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
  try {
    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const stranger = await context.newPage();
    await stranger.goto(`${otherOrigin}/`);
    await stranger.goto(`http://localhost:${(other.address() as AddressInfo).port}/again`);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const headers of seen) {
      expect(JSON.stringify(headers)).not.toContain(token);
      expect(headers.cookie ?? '').toBe('');
    }

    const attempts = await stranger.evaluate(async (quarry) => {
      const tryFetch = async (init: RequestInit) => {
        try {
          const r = await fetch(`${quarry}/api/codes.list`, { method: 'POST', body: '{}', ...init });
          return `read ${r.status}: ${await r.text()}`;
        } catch (err) {
          return `blocked: ${(err as Error).name}`;
        }
      };
      const stream = await new Promise<string>((resolve) => {
        const source = new EventSource(`${quarry}/api/events`, { withCredentials: true });
        source.onopen = () => resolve('opened');
        source.onerror = () => {
          source.close();
          resolve('refused');
        };
      });
      return {
        stored: sessionStorage.getItem('quarry.token'),
        simple: await tryFetch({ credentials: 'include', headers: { 'Content-Type': 'text/plain' } }),
        json: await tryFetch({ credentials: 'include', headers: { 'Content-Type': 'application/json' } }),
        stream,
      };
    }, origin);
    expect(attempts.stored).toBeNull();
    expect(attempts.simple).toMatch(/^blocked/);
    expect(attempts.json).toMatch(/^blocked/);
    expect(attempts.stream).toBe('refused');
    await stranger.close();
  } finally {
    await new Promise<void>((done) => other.close(() => done()));
  }

  // The Quarry tab itself still works after all that.
  await page.getByLabel('New code name').fill('Made after the visit');
  await page.getByRole('button', { name: 'Add code', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Made after the visit, 0 excerpts' })).toBeVisible();
});

test('a tab opened without the link explains how to sign in', async ({ page, workspace }) => {
  const project = newProject(workspace, 'No token');
  const url = await workspace.serve(project);
  const fresh = await page.context().newPage();
  await fresh.goto(new URL(url).origin);
  await expect(fresh.getByText(/Open the link that `?quarry serve`? printed/)).toBeVisible();
  await fresh.close();
});
