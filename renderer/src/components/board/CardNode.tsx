/**
 * One card on the wall: the quote (a short summary when zoomed out), who said it, its codes
 * and votes; a sticky note shows its text and is edited in place. Memoised on its card
 * object, which the board store keeps stable, so a drag re-renders only the dragged cards.
 */
import { type Node, type NodeProps, useStore } from '@xyflow/react';
import { type CSSProperties, memo, type ReactNode, useDeferredValue, useRef, useState } from 'react';
import type { WallCard } from '../../lib/wallLayout.js';
import { useBoard } from '../../stores/board.js';
import { keyAttribute, useParticipant } from '../../stores/participants.js';
import { cardNode, DRAFT, useWall } from '../../stores/wall.js';
import { CodeChip } from '../common/CodeChip.js';

export type CardNodeData = { card: WallCard };
export type CardNodeType = Node<CardNodeData, 'card'>;

/** Below this zoom a card shows a summary in larger type: the full quote is unreadable anyway. */
export const SUMMARY_ZOOM = 0.55;
/** Below this zoom a card is a shape: its summary would be under 7 px high. */
export const FAR_ZOOM = 0.3;

export function cardLabel(card: WallCard): string {
  const t = card.text.replace(/\s+/g, ' ').trim();
  return `${card.kind === 'note' ? 'note' : 'card'} “${t.length > 60 ? `${t.slice(0, 60)}…` : t}”`;
}

function summary(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}

type Level = 'far' | 'summary' | 'full';

function CardNodeView({ data, selected }: NodeProps<CardNodeType>) {
  const now = useStore(
    (s): Level => (s.transform[2] < FAR_ZOOM ? 'far' : s.transform[2] < SUMMARY_ZOOM ? 'summary' : 'full'),
  );
  // A zoom step across a level redraws every mounted card: deferred, React does it in slices
  // between frames instead of in the frame of the step (a 100–400 ms frame at 280 cards).
  const level = useDeferredValue(now);
  return <CardBody card={data.card} selected={selected} level={level} />;
}

const CardBody = memo(function CardBody({
  card,
  selected,
  level,
}: {
  card: WallCard;
  selected: boolean;
  level: Level;
}) {
  const editing = useWall((s) => s.editing === card.id);
  // Zoomed out, many cards come into view at once: the summary mounts without the
  // participant lookup and chips, and farther out a card is drawn as a shape with bars for
  // its text (text a few pixels high is unreadable and costs most of each zoom frame's paint).
  if (level === 'far' && !editing) {
    return (
      <CardShell card={card} selected={selected} far>
        <span className="card-bars" aria-hidden="true" />
      </CardShell>
    );
  }
  return level === 'summary' && !editing ? (
    <CardShell card={card} selected={selected}>
      <p className="card-summary">{summary(card.text)}</p>
    </CardShell>
  ) : (
    <FullCard card={card} selected={selected} editing={editing} />
  );
});

function CardShell({
  card,
  selected,
  far,
  children,
}: {
  card: WallCard;
  selected: boolean;
  far?: boolean;
  children: ReactNode;
}) {
  const x = card.excerpt;
  const style = (card.color ? { '--card': card.color } : {}) as CSSProperties;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a card holds block content (quote, chips); the canvas handles its keys
    <div
      className={`wall-card ${card.kind === 'note' ? 'note' : ''} ${selected ? 'selected' : ''} ${card.color ? 'tinted' : ''}${far ? ' far' : ''}`}
      data-card-id={card.id}
      style={style}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${cardLabel(card)}${x?.participant ? `, ${x.participant}` : ''}`}
      onDoubleClick={(e) => {
        if (card.kind !== 'note') return;
        e.stopPropagation();
        useWall.getState().setEditing(card.id);
      }}
    >
      {children}
      {(card.votes ?? 0) > 0 && (
        <span className="card-votes" title={`${card.votes} votes`}>
          {card.votes}
          <span className="visually-hidden"> votes</span>
        </span>
      )}
    </div>
  );
}

function FullCard({ card, selected, editing }: { card: WallCard; selected: boolean; editing: boolean }) {
  const x = card.excerpt;
  const attribute = keyAttribute(useParticipant(x?.participant ?? null));
  return (
    <CardShell card={card} selected={selected}>
      {editing ? <NoteEditor card={card} /> : <p className="card-text">{card.text}</p>}
      {!editing && (
        <div className="card-foot">
          {x && (
            <span className="card-source">
              {x.participant ?? x.documentTitle}
              {attribute && <span className="card-attribute"> · {attribute}</span>}
            </span>
          )}
          <span className="chips">
            {x?.codes.slice(0, 3).map((c) => (
              <CodeChip key={c.id} code={c} />
            ))}
            {x && x.codes.length > 3 && <span className="chip more">+{x.codes.length - 3}</span>}
          </span>
        </div>
      )}
    </CardShell>
  );
}

function NoteEditor({ card }: { card: WallCard }) {
  const [value, setValue] = useState(card.text);
  // Enter ends the edit and unmounts the field, which can blur it: finish once.
  const finished = useRef(false);
  const done = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const text = value.trim();
    if (card.id === DRAFT) {
      useWall.getState().endDraft();
      if (save && text) void addDraft(text, { x: card.x, y: card.y });
      return;
    }
    useWall.getState().setEditing(null);
    if (save && text && text !== card.text) void useBoard.getState().editNote(card.id, text);
  };
  return (
    <textarea
      // biome-ignore lint/a11y/noAutofocus: editing a note starts typing at once
      autoFocus
      className="note-input nodrag nowheel"
      aria-label="Note text"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => done(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') done(false);
        else if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          done(true);
        }
      }}
    />
  );
}

async function addDraft(text: string, at: { x: number; y: number }): Promise<void> {
  const id = await useBoard.getState().addNote(text, at, null);
  if (id === undefined) return;
  useWall.getState().select([cardNode(id)]);
  useWall.getState().announce('Note added');
}

export const CardNode = memo(CardNodeView);
