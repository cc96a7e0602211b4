/**
 * The keyboard's drag: M on the wall opens this picker; Enter moves the selected cards into
 * the chosen group (or onto the canvas, or into a new group).
 */
import { useMemo, useState } from 'react';
import type { GroupId } from '../../../../core/contract/index.js';
import { fuzzyFilter } from '../../lib/fuzzy.js';
import { useBoard } from '../../stores/board.js';
import { useWall } from '../../stores/wall.js';
import { Dialog } from '../common/Dialog.js';

type Choice = { id: GroupId | null | 'new'; name: string };

export function GroupPicker() {
  const board = useBoard((s) => s.current);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const choices = useMemo<Choice[]>(() => {
    const groups = (board?.groups ?? []).map((g) => ({ id: g.id, name: g.name }));
    return [
      ...fuzzyFilter(groups, query, ['name']),
      { id: null, name: 'No group (the canvas)' },
      { id: 'new', name: query.trim() ? `New group “${query.trim()}”` : 'New group' },
    ];
  }, [board, query]);
  const close = () => useWall.getState().setPicker(false);
  const pick = async (choice: Choice | undefined) => {
    if (!choice) return;
    close();
    const wall = useWall.getState();
    const cards = wall.selectedCards();
    if (choice.id === 'new') {
      const id = await useBoard.getState().groupCards(cards, query.trim() || undefined);
      if (id !== undefined) wall.announce(`${cards.length} cards moved to a new group`);
      return;
    }
    await useBoard.getState().moveToGroup(cards, choice.id);
    wall.announce(
      `${cards.length} card${cards.length === 1 ? '' : 's'} moved to ${choice.id === null ? 'the canvas' : `group “${choice.name}”`}`,
    );
    // Focus goes back to the first moved card, so the keyboard user stays on the wall.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${cards[0]}"]`)?.focus());
  };
  return (
    <Dialog label="Move to group" onClose={close} className="group-picker">
      <h2>Move {useWall.getState().selectedCards().length} card(s) to…</h2>
      <input
        data-autofocus
        type="search"
        className="input"
        aria-label="Find a group"
        placeholder="Find a group"
        value={query}
        aria-activedescendant={`group-choice-${active}`}
        aria-controls="group-choices"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : -1) + choices.length) % choices.length);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void pick(choices[active]);
          }
        }}
      />
      <div id="group-choices" className="picker-list" role="listbox" aria-label="Groups">
        {choices.map((c, i) => (
          <div
            key={String(c.id)}
            id={`group-choice-${i}`}
            role="option"
            aria-selected={i === active}
            tabIndex={-1}
            className={`picker-option ${i === active ? 'active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void pick(c)}
            onKeyDown={() => undefined}
          >
            {c.name}
          </div>
        ))}
      </div>
    </Dialog>
  );
}
