/**
 * A group on the wall: a region that holds cards and sub-groups and grows with them. Its
 * header is the drag handle; its menu renames, tidies, collapses, binds it to a code, makes
 * an insight of it, or deletes it.
 */
import type { Node, NodeProps } from '@xyflow/react';
import { type CSSProperties, memo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { WallGroup } from '../../lib/wallLayout.js';
import { useBoard } from '../../stores/board.js';
import { useWall } from '../../stores/wall.js';
import { Icon } from '../common/Icon.js';
import { GroupMenu } from './GroupMenu.js';

export type GroupNodeData = { group: WallGroup; count: number };
export type GroupNodeType = Node<GroupNodeData, 'group'>;

function GroupNodeView({ data, selected }: NodeProps<GroupNodeType>) {
  const { group, count } = data;
  const renaming = useWall((s) => s.renaming === group.id);
  // The menu opens in a portal at the button: inside the node it would sit under the group's cards.
  const [menu, setMenu] = useState<DOMRect | null>(null);
  const colour = group.code?.color ?? group.color ?? undefined;
  return (
    <section
      className={`wall-group ${selected ? 'selected' : ''} ${group.collapsed ? 'collapsed' : ''} ${group.code ? 'bound' : ''}`}
      data-group-id={group.id}
      style={{ '--group': colour } as CSSProperties}
      aria-label={`Group ${group.name}`}
    >
      <header className="group-head">
        <button
          type="button"
          className="icon-button group-collapse nodrag"
          aria-label={`${group.collapsed ? 'Expand' : 'Collapse'} group ${group.name}`}
          aria-expanded={!group.collapsed}
          onClick={() => void useBoard.getState().collapseGroup(group.id, !group.collapsed)}
        >
          <Icon name="chevron" />
        </button>
        {renaming ? (
          <GroupNameInput group={group} />
        ) : (
          <h2 className="group-name" onDoubleClick={() => useWall.getState().setRenaming(group.id)}>
            {group.name}
          </h2>
        )}
        {group.code && (
          <span className="group-code" title={`Cards here have the code ${group.code.name}`}>
            <span className="chip-dot" aria-hidden="true" />
            {group.code.name}
          </span>
        )}
        <span className="count">
          {count}
          <span className="visually-hidden"> cards</span>
        </span>
        {(group.votes ?? 0) > 0 && <span className="group-votes">{group.votes} votes</span>}
        <button
          type="button"
          className="icon-button nodrag"
          aria-label={`Menu of group ${group.name}`}
          aria-haspopup="menu"
          aria-expanded={menu !== null}
          onClick={(e) => {
            const rect = e.currentTarget.getBoundingClientRect();
            setMenu((m) => (m ? null : rect));
          }}
        >
          ⋯
        </button>
      </header>
      {menu &&
        createPortal(
          <GroupMenu
            group={group}
            at={{ top: menu.bottom + 4, left: Math.max(8, menu.right - 220) }}
            onClose={() => setMenu(null)}
          />,
          document.body,
        )}
      {count === 0 && !group.collapsed && <p className="group-empty">Drag cards here</p>}
    </section>
  );
}

function GroupNameInput({ group }: { group: WallGroup }) {
  const [value, setValue] = useState(group.name);
  const done = (save: boolean) => {
    useWall.getState().setRenaming(null);
    const next = value.trim();
    if (save && next && next !== group.name) void useBoard.getState().renameGroup(group.id, next);
  };
  return (
    <input
      // biome-ignore lint/a11y/noAutofocus: naming a new group starts typing at once
      autoFocus
      className="group-name-input nodrag"
      aria-label="Group name"
      value={value}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => done(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          done(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          done(false);
        }
      }}
    />
  );
}

export const GroupNode = memo(GroupNodeView);
