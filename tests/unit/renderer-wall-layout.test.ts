/** The wall's geometry: absolute stored places become parent-relative boxes; groups grow; overlaps get free slots. */
import { describe, expect, it } from 'vitest';
import type { BoardCard, BoardDetail, BoardGroup, GroupId } from '../../core/contract/index.js';
import {
  BoxIndex,
  CARD_H,
  CARD_W,
  enclosed,
  groupAt,
  HEADER,
  layoutBoard,
  PAD,
  rootSlot,
} from '../../renderer/src/lib/wallLayout.js';

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
const gid = (n: number) => n as GroupId;
const board = (groups: BoardGroup[], cards: BoardCard[]): BoardDetail =>
  ({ id: 1, name: 'B', groups, cards, viewport: { x: 0, y: 0, zoom: 1 } }) as BoardDetail;

describe('layoutBoard', () => {
  it('makes a card inside a group relative to it, and keeps free cards where they are', () => {
    const l = layoutBoard(board([group(1, 1000, 500)], [card(1, 1, 1000 + PAD, 500 + HEADER), card(2, null, 40, 60)]));
    expect(l.cards.get(1)?.rel).toEqual({ x: PAD, y: HEADER });
    expect(l.cards.get(1)?.abs).toMatchObject({ x: 1000 + PAD, y: 500 + HEADER });
    expect(l.cards.get(2)?.rel).toEqual({ x: 40, y: 60 });
  });

  it('grows a group to hold a card placed far inside it', () => {
    const l = layoutBoard(board([group(1, 0, 0)], [card(1, 1, 900, 700)]));
    const g = l.groups.get(gid(1))?.abs;
    expect(g?.w).toBe(900 + CARD_W + PAD);
    expect(g?.h).toBe(700 + CARD_H + PAD);
  });

  it('gives stacked cards (a board from before the canvas) their own slots', () => {
    const l = layoutBoard(board([group(1, 0, 0)], [card(1, 1, 0, 0), card(2, 1, 0, 1), card(3, 1, 0, 2)]));
    const boxes = [1, 2, 3].map((id) => l.cards.get(id)?.rel);
    expect(new Set(boxes.map((b) => `${b?.x},${b?.y}`)).size).toBe(3);
    for (const b of boxes) expect(b?.y).toBeGreaterThanOrEqual(HEADER);
  });

  it('nests groups, hides what a collapsed group holds, and finds the innermost group under a point', () => {
    const l = layoutBoard(
      board(
        [
          group(1, 0, 0, { w: 1200, h: 900 }),
          group(2, 400, 300, { parentId: gid(1) }),
          group(3, 2000, 0, { collapsed: true }),
        ],
        [card(1, 2, 420, 360), card(2, 3, 2020, 60)],
      ),
    );
    expect(l.groupOrder.indexOf(gid(1))).toBeLessThan(l.groupOrder.indexOf(gid(2)));
    expect(l.groups.get(gid(2))?.rel).toEqual({ x: 400, y: 300 });
    expect(l.cards.get(2)?.hidden).toBe(true);
    expect(groupAt(l, { x: 500, y: 400 }, new Set())).toBe(2);
    expect(groupAt(l, { x: 100, y: 100 }, new Set())).toBe(1);
    expect(groupAt(l, { x: 5000, y: 5000 }, new Set())).toBe(null);
  });

  it('finds a free top-level slot beside the cards already there', () => {
    const l = layoutBoard(board([], [card(1, null, 0, 0)]));
    expect(rootSlot(l)).toEqual({ x: CARD_W + 16, y: 0 });
  });
});

describe('overlap index and the selection box', () => {
  it('finds overlaps across its grid cells and at negative places, and none beside a box', () => {
    const index = new BoxIndex([{ x: -600, y: -30, w: 1200, h: 60 }]);
    expect(index.hits({ x: 500, y: 0, w: 10, h: 10 })).toBe(true);
    expect(index.hits({ x: -590, y: -20, w: 5, h: 5 })).toBe(true);
    expect(index.hits({ x: 600, y: 0, w: 10, h: 10 })).toBe(false);
    expect(index.hits({ x: 0, y: 30, w: 10, h: 10 })).toBe(false);
    index.add({ x: 2000, y: 2000, w: 240, h: 120 });
    expect(index.hits({ x: 2239, y: 2119, w: 100, h: 100 })).toBe(true);
  });

  it('lays 600 cards stacked at one place into distinct slots inside their group', () => {
    const cards = Array.from({ length: 600 }, (_, i) => card(i + 1, 1, 0, 0));
    const l = layoutBoard(board([group(1, 0, 0)], cards));
    const places = new Set([...l.cards.values()].map((c) => `${c.rel.x},${c.rel.y}`));
    expect(places.size).toBe(600);
  });

  it('pushes a grid a dropped card overlaps into the first free slots, in order, with few overlap tests', () => {
    // A group of 400 cards on a 4-column grid; the first card dropped over the second row.
    const columns = 4;
    const slot = (i: number) => ({
      x: PAD + (i % columns) * (CARD_W + 16),
      y: HEADER + Math.floor(i / columns) * (CARD_H + 16),
    });
    const width = 2 * PAD + columns * CARD_W + (columns - 1) * 16;
    const cards = Array.from({ length: 400 }, (_, i) => card(i + 1, 1, slot(i).x, slot(i).y));
    cards[0] = card(1, 1, slot(5).x + 40, slot(5).y + 20);
    let tests = 0;
    const hits = BoxIndex.prototype.hits;
    BoxIndex.prototype.hits = function (this: BoxIndex, b) {
      tests++;
      return hits.call(this, b);
    };
    let l: ReturnType<typeof layoutBoard>;
    try {
      l = layoutBoard(board([group(1, 0, 0, { w: width })], cards));
    } finally {
      BoxIndex.prototype.hits = hits;
    }
    const places = [...l.cards.values()].map((c) => c.rel);
    expect(new Set(places.map((p) => `${p.x},${p.y}`)).size).toBe(400);
    // Card 1 keeps its place; a card it overlaps takes the first slot free at its turn (card 6
    // the one card 1 left, card 7 the one card 8 has not taken yet).
    expect(l.cards.get(1)?.rel).toEqual({ x: slot(5).x + 40, y: slot(5).y + 20 });
    expect(l.cards.get(6)?.rel).toEqual(slot(0));
    expect(l.cards.get(7)?.rel).toEqual(slot(7));
    // Searching each pushed card's slot from the top took tens of thousands of tests.
    expect(tests).toBeLessThan(5_000);
  });

  it('selects exactly the cards and groups wholly inside the box', () => {
    const l = layoutBoard(
      board([group(1, 1000, 0)], [card(1, null, 0, 0), card(2, null, 300, 0), card(3, 1, 1000 + PAD, HEADER)]),
    );
    expect(enclosed(l, { x: -10, y: -10, w: 560, h: 140 })).toEqual(['c1', 'c2']);
    expect(enclosed(l, { x: -10, y: -10, w: 300, h: 140 })).toEqual(['c1']);
    expect(enclosed(l, { x: 990, y: -10, w: 400, h: 400 }).sort()).toEqual(['c3', 'g1']);
  });
});
