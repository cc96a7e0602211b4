import { useDraggable } from '@dnd-kit/core';
import type { KeyboardEvent } from 'react';
import type { BoardCard as Card } from '../../../../core/contract/index.js';
import { useBoard } from '../../stores/board.js';
import { useCoding } from '../../stores/coding.js';
import { keyAttribute, useParticipant } from '../../stores/participants.js';
import { CodeChip } from '../common/CodeChip.js';
import { cardDragId, type DragData } from './dnd.js';

export function cardLabel(card: Card): string {
  const t = card.text.replace(/\s+/g, ' ').trim();
  return `card “${t.length > 60 ? `${t.slice(0, 60)}…` : t}”`;
}

/** What a card shows: the quote, who said it, and its codes. */
export function CardFace({ card }: { card: Card }) {
  const x = card.excerpt;
  const attribute = keyAttribute(useParticipant(x?.participant ?? null));
  return (
    <>
      <p className="card-text">{card.text}</p>
      {x && (
        <div className="card-foot">
          <span className="card-source">
            {x.participant ?? x.documentTitle}
            {attribute && <span className="card-attribute"> · {attribute}</span>}
          </span>
          <span className="chips">
            {x.codes.map((c) => (
              <CodeChip key={c.id} code={c} />
            ))}
          </span>
        </div>
      )}
    </>
  );
}

export function BoardCardView({ card }: { card: Card }) {
  const data: DragData = { type: 'card', cardId: card.id, label: cardLabel(card) };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: cardDragId(card.id), data });
  const focused = useCoding((s) => card.excerpt !== null && s.focusedExcerptId === card.excerpt.id);
  const openDetails = () => {
    if (card.excerpt) useCoding.getState().focusExcerpt(card.excerpt.id);
  };
  return (
    <li className={`card-slot ${isDragging ? 'dragging' : ''}`} data-card-id={card.id}>
      {/* biome-ignore lint/a11y/useSemanticElements: a card holds block content (quote, chips), so it is a div with dnd-kit's button role */}
      <div
        ref={setNodeRef}
        className={`board-card ${focused ? 'focused' : ''}`}
        {...attributes}
        {...listeners}
        role="button"
        tabIndex={0}
        aria-label={`${cardLabel(card)}${card.excerpt?.participant ? `, ${card.excerpt.participant}` : ''}`}
        onClick={openDetails}
        onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => {
          if (e.key === 'Enter' && !isDragging) {
            e.preventDefault();
            openDetails();
            return;
          }
          listeners?.onKeyDown?.(e);
        }}
      >
        <CardFace card={card} />
      </div>
      <button
        type="button"
        className="card-remove icon-button"
        aria-label={`Remove ${cardLabel(card)} from the board`}
        onClick={() => void useBoard.getState().removeCard(card.id)}
      >
        ×
      </button>
    </li>
  );
}
