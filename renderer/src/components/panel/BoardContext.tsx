import { useBoard } from '../../stores/board.js';
import { groupNode, useWall } from '../../stores/wall.js';
import { Hints } from './Hints.js';

/** The board's outline (groups with counts) and how to move cards. */
export function BoardContext() {
  const board = useBoard((s) => s.current);
  if (!board) return <Hints />;
  const counts = new Map<number | null, number>();
  for (const c of board.cards) counts.set(c.groupId, (counts.get(c.groupId) ?? 0) + 1);
  return (
    <section className="panel-section" aria-labelledby="panel-board">
      <h2 id="panel-board">Groups</h2>
      {board.groups.length === 0 ? (
        <p className="muted small">No groups yet.</p>
      ) : (
        <ul className="outline">
          {board.groups.map((g) => (
            <li key={g.id}>
              <button type="button" className="outline-item" onClick={() => useWall.getState().show(groupNode(g.id))}>
                <span>{g.name}</span>
                <span className="count">{counts.get(g.id) ?? 0}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small outline-note">{counts.get(null) ?? 0} ungrouped</p>
      <h3>Moving cards</h3>
      <p className="muted small">
        Drag cards into a group; Shift+drag draws a selection box, Shift+click adds to it. From the keyboard: focus a
        card, press <kbd>Space</kbd> to pick it, <kbd>M</kbd> to move the picked cards to a group, arrows to nudge them.
        <kbd>N</kbd> or a double-click adds a note.
      </p>
      <p className="muted small">Click a card to see its codes and open its transcript.</p>
    </section>
  );
}
