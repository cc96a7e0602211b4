/**
 * The affinity board: an "Ungrouped" column and a canvas of groups. Cards are dragged into
 * groups with the pointer or the keyboard (Space, arrows, Space); groups are moved by their
 * handle. Every move is persisted.
 */
import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useEffect, useMemo, useState } from 'react';
import type { BoardId, CardId, GroupId } from '../../../../core/contract/index.js';
import { cardsIn, GROUP_H, GROUP_W, useBoard } from '../../stores/board.js';
import { Icon } from '../common/Icon.js';
import { BoardCardView, CardFace } from './BoardCard.js';
import { BoardGroupView } from './BoardGroup.js';
import {
  announcements,
  collision,
  containerId,
  type DragData,
  type DropData,
  keyboardCoordinates,
  screenReaderInstructions,
  UNGROUPED,
} from './dnd.js';

/** Where among a container's cards a dragged card lands: after every card whose middle is above its middle. */
function dropIndex(container: string, middleY: number, cardId: CardId): number {
  const slots = document.querySelectorAll<HTMLElement>(`[data-container="${container}"] [data-card-id]`);
  let index = 0;
  for (const slot of slots) {
    if (Number(slot.dataset.cardId) === cardId) continue;
    const r = slot.getBoundingClientRect();
    if (r.top + r.height / 2 < middleY) index++;
  }
  return index;
}

export function BoardView() {
  const board = useBoard((s) => s.current);
  const boards = useBoard((s) => s.boards);
  const loaded = useBoard((s) => s.loaded);
  const [activeCard, setActiveCard] = useState<CardId | null>(null);
  const [renaming, setRenaming] = useState<GroupId | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void useBoard.getState().ensureBoard();
  }, []);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: keyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const size = useMemo(() => {
    const groups = board?.groups ?? [];
    return {
      width: Math.max(0, ...groups.map((g) => g.x + Math.max(g.w, GROUP_W))) + 48,
      height: Math.max(0, ...groups.map((g) => g.y + Math.max(g.h, GROUP_H))) + 48,
    };
  }, [board]);

  if (!board) {
    return <div className="empty muted">{loaded ? 'No board yet.' : 'Loading the board…'}</div>;
  }

  const ungrouped = cardsIn(board, null);
  const dragged = activeCard === null ? null : board.cards.find((c) => c.id === activeCard);

  const onDragStart = (e: DragStartEvent) => {
    const data = e.active.data.current as DragData | undefined;
    setActiveCard(data?.type === 'card' ? data.cardId : null);
  };

  const onDragEnd = (e: DragEndEvent) => {
    setActiveCard(null);
    const data = e.active.data.current as DragData | undefined;
    if (!data) return;
    const store = useBoard.getState();
    if (data.type === 'group') {
      const g = board.groups.find((x) => x.id === data.groupId);
      if (g && (e.delta.x !== 0 || e.delta.y !== 0)) void store.moveGroup(g.id, g.x + e.delta.x, g.y + e.delta.y);
      return;
    }
    const target = e.over?.data.current as DropData | undefined;
    if (!target) return;
    // A keyboard drop appends (arrows pick the group, not a slot); a pointer drop lands where it is let go.
    const rect = e.active.rect.current.translated;
    const byKeyboard = e.activatorEvent instanceof KeyboardEvent;
    const middle = rect && !byKeyboard ? rect.top + rect.height / 2 : Number.POSITIVE_INFINITY;
    const index = dropIndex(containerId(target.groupId), middle, data.cardId);
    const card = board.cards.find((c) => c.id === data.cardId);
    if (!card) return;
    const sameSpot = card.groupId === target.groupId && cardsIn(board, target.groupId).indexOf(card) === index;
    if (!sameSpot) void store.moveCard(data.cardId, target.groupId, index);
  };

  return (
    <div className="view board-view">
      <header className="view-head">
        {boards.length > 1 ? (
          <select
            aria-label="Board"
            className="board-select"
            value={board.id}
            onChange={(e) => void useBoard.getState().select(Number(e.target.value) as BoardId)}
          >
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        ) : (
          <h1>{board.name}</h1>
        )}
        <span className="muted small">
          {board.cards.length} card{board.cards.length === 1 ? '' : 's'} · {board.groups.length} group
          {board.groups.length === 1 ? '' : 's'}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="button"
          disabled={adding}
          onClick={async () => {
            setAdding(true);
            const id = await useBoard.getState().addGroup();
            setAdding(false);
            if (id !== undefined) setRenaming(id);
          }}
        >
          <Icon name="plus" />
          New group
        </button>
      </header>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveCard(null)}
      >
        <div className="board-area">
          <UngroupedColumn count={ungrouped.length}>
            {ungrouped.map((c) => (
              <BoardCardView key={c.id} card={c} />
            ))}
          </UngroupedColumn>
          <section className="board-canvas" aria-label="Groups">
            <div className="canvas-inner" style={{ width: size.width, height: size.height }}>
              {board.groups.map((g) => (
                <BoardGroupView
                  key={g.id}
                  group={g}
                  cards={cardsIn(board, g.id)}
                  renaming={renaming === g.id}
                  onRename={(on) => setRenaming(on ? g.id : null)}
                />
              ))}
              {board.groups.length === 0 && (
                <div className="canvas-empty">
                  <p>Groups collect cards that belong together.</p>
                  <p className="muted small">
                    Press <strong>New group</strong>, then drag cards into it — or focus a card, press Space, move with
                    the arrow keys and press Space to drop.
                  </p>
                </div>
              )}
            </div>
          </section>
        </div>
        <DragOverlay dropAnimation={null}>
          {dragged ? (
            <div className="board-card overlay">
              <CardFace card={dragged} />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
    </div>
  );
}

function UngroupedColumn({ count, children }: { count: number; children: React.ReactNode }) {
  const drop: DropData = { type: 'container', groupId: null, label: 'Ungrouped' };
  const { setNodeRef, isOver } = useDroppable({ id: UNGROUPED, data: drop });
  return (
    <section
      ref={setNodeRef}
      className={`ungrouped ${isOver ? 'over' : ''}`}
      aria-label="Ungrouped cards"
      data-container={UNGROUPED}
    >
      <header className="group-head">
        <h2 className="group-name">Ungrouped</h2>
        <span className="count">{count}</span>
      </header>
      <ul className="group-cards" aria-label="Ungrouped cards list">
        {children}
        {count === 0 && (
          <li className="group-empty">
            Use <strong>Add to board</strong> on an excerpt to bring it here.
          </li>
        )}
      </ul>
    </section>
  );
}
