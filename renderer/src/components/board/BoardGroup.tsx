import { useDraggable, useDroppable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { type CSSProperties, useState } from 'react';
import type { BoardCard, BoardGroup as Group } from '../../../../core/contract/index.js';
import { GROUP_H, GROUP_W, useBoard } from '../../stores/board.js';
import { Icon } from '../common/Icon.js';
import { BoardCardView } from './BoardCard.js';
import { containerId, type DragData, type DropData, groupDragId } from './dnd.js';

export function BoardGroupView({
  group,
  cards,
  renaming,
  onRename,
}: {
  group: Group;
  cards: BoardCard[];
  renaming: boolean;
  onRename(active: boolean): void;
}) {
  const label = `group “${group.name}”`;
  const drop: DropData = { type: 'container', groupId: group.id, label };
  const drag: DragData = { type: 'group', groupId: group.id, label };
  const { setNodeRef: setDropRef, isOver } = useDroppable({ id: containerId(group.id), data: drop });
  const {
    attributes,
    listeners,
    setNodeRef: setDragRef,
    setActivatorNodeRef,
    transform,
    isDragging,
  } = useDraggable({ id: groupDragId(group.id), data: drag });
  const style = {
    left: group.x,
    top: group.y,
    width: Math.max(group.w, GROUP_W),
    height: Math.max(group.h, GROUP_H),
    transform: CSS.Translate.toString(transform),
    '--group': group.color ?? undefined,
  } as CSSProperties;
  return (
    <section
      ref={(node) => {
        setDropRef(node);
        setDragRef(node);
      }}
      className={`group ${isOver ? 'over' : ''} ${isDragging ? 'moving' : ''}`}
      style={style}
      aria-label={`Group ${group.name}`}
      data-container={containerId(group.id)}
    >
      <header className="group-head">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="group-handle icon-button"
          {...attributes}
          {...listeners}
          aria-label={`Move group ${group.name}`}
        >
          <Icon name="grip" />
        </button>
        {renaming ? (
          <GroupNameInput group={group} onDone={() => onRename(false)} />
        ) : (
          <h2 className="group-name" onDoubleClick={() => onRename(true)}>
            {group.name}
          </h2>
        )}
        <span className="count">
          {cards.length}
          <span className="visually-hidden"> cards</span>
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={`Rename group ${group.name}`}
          onClick={() => onRename(true)}
        >
          <Icon name="edit" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete group ${group.name}`}
          onClick={() => void useBoard.getState().deleteGroup(group.id)}
        >
          <Icon name="trash" />
        </button>
      </header>
      <ul className="group-cards" aria-label={`Cards in ${group.name}`}>
        {cards.map((c) => (
          <BoardCardView key={c.id} card={c} />
        ))}
        {cards.length === 0 && <li className="group-empty">Drag cards here</li>}
      </ul>
    </section>
  );
}

function GroupNameInput({ group, onDone }: { group: Group; onDone(): void }) {
  const [value, setValue] = useState(group.name);
  const save = async () => {
    const next = value.trim();
    onDone();
    if (next && next !== group.name) await useBoard.getState().renameGroup(group.id, next);
  };
  return (
    <input
      // biome-ignore lint/a11y/noAutofocus: naming a new group starts typing at once
      autoFocus
      className="group-name-input"
      aria-label="Group name"
      value={value}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
    />
  );
}
