import { useBoard } from '../../stores/board.js';
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
              <button
                type="button"
                className="outline-item"
                onClick={() => {
                  const el = document.querySelector<HTMLElement>(`[data-container="container:${g.id}"]`);
                  el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
                  el?.querySelector<HTMLElement>('.group-handle')?.focus();
                }}
              >
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
        Drag a card into a group. From the keyboard: focus a card, press <kbd>Space</kbd>, use the arrow keys to reach a
        group, and press <kbd>Space</kbd> again. <kbd>Esc</kbd> cancels.
      </p>
      <p className="muted small">Click a card to see its codes and open its transcript.</p>
    </section>
  );
}
