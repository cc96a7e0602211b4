/** Helpers for the wall's e2e tests: the contract over HTTP with the tab's token, and pointer drags. */
import type { Locator, Page } from '@playwright/test';

/** Calls the contract with the signed-in tab's token (to read what the UI wrote, or set up). */
export async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const token = await page.evaluate(() => sessionStorage.getItem('quarry.token'));
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`${origin}/api/${method}`, {
    data: input,
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

export interface WallCardDto {
  id: number;
  groupId: number | null;
  x: number;
  y: number;
  text: string;
  kind: string;
  excerpt: { id: number; codes: { id: number; name: string }[] } | null;
}
export interface WallGroupDto {
  id: number;
  name: string;
  x: number;
  y: number;
  parentId?: number | null;
  code?: { id: number; name: string } | null;
}
export interface WallDto {
  id: number;
  name: string;
  cards: WallCardDto[];
  groups: WallGroupDto[];
  viewport?: { x: number; y: number; zoom: number } | null;
}

export async function wall(page: Page): Promise<WallDto> {
  const [board] = await api<{ id: number }[]>(page, 'boards.list', {});
  if (!board) throw new Error('no board');
  return api<WallDto>(page, 'boards.get', { id: board.id });
}

export const cardEl = (page: Page, id: number) => page.locator(`[data-card-id="${id}"]`);
export const groupEl = (page: Page, id: number) => page.locator(`[data-group-id="${id}"]`);

/** Drags with real pointer events in small steps, from the middle of `from` to a point. */
export async function dragTo(page: Page, from: Locator, to: { x: number; y: number }): Promise<void> {
  const a = await from.boundingBox();
  if (!a) throw new Error('drag source is not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 6, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

export async function centre(el: Locator): Promise<{ x: number; y: number }> {
  const b = await el.boundingBox();
  if (!b) throw new Error('not visible');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** True when `inner`'s box lies inside `outer`'s on screen. */
export async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  return a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
}
