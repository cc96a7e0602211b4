/** The wall's culling: which nodes go to the canvas for a view, with what must stay, reached a few cards a frame. */
import { describe, expect, it } from 'vitest';
import type { BoardCard, BoardDetail, BoardGroup } from '../../core/contract/index.js';
import { bounds, culled, grow, serves, stepToward, viewOf } from '../../renderer/src/lib/wallCull.js';
import { HEADER, layoutBoard, PAD } from '../../renderer/src/lib/wallLayout.js';

const group = (id: number, x: number, y: number, more: Partial<BoardGroup> = {}): BoardGroup =>
  ({
    id,
    name: `G${id}`,
    color: null,
    x,
    y,
    w: 320,
    h: 240,
    parentId: null,
    collapsed: false,
    code: null,
    order: id,
    votes: 0,
    ...more,
  }) as BoardGroup;
const card = (id: number, groupId: number | null, x: number, y: number): BoardCard =>
  ({ id, groupId, kind: 'note', x, y, order: id, text: `n${id}`, excerpt: null, color: null, votes: 0 }) as BoardCard;
const board = (groups: BoardGroup[], cards: BoardCard[]): BoardDetail =>
  ({ id: 1, name: 'B', groups, cards, viewport: { x: 0, y: 0, zoom: 1 } }) as BoardDetail;

// A row of 40 free cards 300 apart, and far to the right a group nested in another with a card.
const layout = layoutBoard(
  board(
    [group(1, 20_000, 0, { w: 2000, h: 2000 }), group(2, 20_000 + PAD, HEADER, { parentId: 1 as never })],
    [...Array.from({ length: 40 }, (_, i) => card(i + 1, null, i * 300, 0)), card(99, 2, 20_000 + 2 * PAD, 2 * HEADER)],
  ),
);

describe('viewOf and serves', () => {
  it('turns a transform into the canvas area seen', () => {
    expect(viewOf([-100, -50, 2], 800, 600)).toEqual({ x: 50, y: 25, w: 400, h: 300 });
  });
  it('keeps an area while the view is inside it, and drops it when the view leaves or shrinks far', () => {
    const view = { x: 0, y: 0, w: 1000, h: 600 };
    const area = grow(view);
    expect(serves(area, { x: 100, y: 50, w: 1000, h: 600 })).toBe(true);
    expect(serves(area, { x: 900, y: 0, w: 1000, h: 600 })).toBe(false);
    expect(serves(area, { x: 400, y: 250, w: 100, h: 60 })).toBe(false);
  });
});

describe('culled', () => {
  it('hands over only the cards near the view', () => {
    const ids = culled(layout, { x: 0, y: 0, w: 1000, h: 400 }, []);
    expect([...ids].sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
  it('keeps a selected card far off, with every group it is nested in', () => {
    const ids = culled(layout, { x: 0, y: 0, w: 500, h: 400 }, ['c99']);
    expect([...ids].sort()).toEqual(['c1', 'c2', 'c99', 'g1', 'g2']);
  });
  it('a view inside a nested group brings its parent', () => {
    const inner = layout.groups.get(2 as never)?.abs;
    if (!inner) throw new Error('no group');
    const ids = culled(layout, { x: inner.x + 10, y: inner.y + 10, w: 20, h: 20 }, []);
    expect(ids.has('g1')).toBe(true);
    expect(ids.has('g2')).toBe(true);
  });
});

describe('stepToward', () => {
  it('adds at most a step of cards a frame, nearest the middle first, and groups and urgent nodes at once', () => {
    const target = culled(layout, { x: 0, y: 0, w: 12_000, h: 400 }, ['c99']);
    const area = { x: 6000, y: 0, w: 100, h: 100 };
    const first = stepToward(new Set(), target, new Set(['c99']), layout, area, 3);
    expect([...first].sort()).toEqual(['c20', 'c21', 'c22', 'c99', 'g1', 'g2']);
    let now = first;
    for (let i = 0; i < 20; i++) now = stepToward(now, target, new Set(), layout, area, 3);
    expect(now.size).toBe(target.size);
    expect(stepToward(now, target, new Set(), layout, area, 3)).toBe(now);
  });
  it('lets go of what left the target, at most a drop of cards a frame, and of their groups last', () => {
    const now = new Set(['c1', 'c2', 'c30']);
    expect([...stepToward(now, new Set(['c1']), new Set(), layout, { x: 0, y: 0, w: 10, h: 10 })]).toEqual(['c1']);
    const all = new Set(['g1', 'g2', 'c99', ...Array.from({ length: 40 }, (_, i) => `c${i + 1}`)]);
    const area = { x: 0, y: 0, w: 10, h: 10 };
    const first = stepToward(all, new Set(['c1']), new Set(), layout, area, 3, 10);
    expect(first.size).toBe(all.size - 10);
    expect(first.has('g1') && first.has('g2')).toBe(true);
    let step = first;
    for (let i = 0; i < 3; i++) step = stepToward(step, new Set(['c1']), new Set(), layout, area, 3, 10);
    expect([...step]).toEqual(['c1']);
  });
  it('far out hands over only the groups near the view and the kept cards', () => {
    const ids = culled(layout, { x: 0, y: 0, w: 30_000, h: 3000 }, ['c3'], false);
    expect([...ids].sort()).toEqual(['c3', 'g1', 'g2']);
  });
});

describe('bounds', () => {
  it('holds every shown card and group', () => {
    expect(bounds(layout)).toMatchObject({ x: 0, y: 0 });
    expect((bounds(layout)?.w ?? 0) >= 22_000).toBe(true);
  });
});
