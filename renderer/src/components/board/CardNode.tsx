/**
 * One card on the wall: the quote (a short summary when zoomed out), who said it, its codes
 * and votes; a sticky note shows its text and is edited in place. Memoised on its card
 * object, which the board store keeps stable, so a drag re-renders only the dragged cards.
 */
import type { Node, NodeProps } from '@xyflow/react';
import { type CSSProperties, memo, type ReactNode, useRef, useState } from 'react';
import { clip } from '../../lib/graphemes.js';
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
  return `${card.kind === 'note' ? 'note' : 'card'} “${clip(t, 60)}”`;
}

/** The first eight words, or 48 characters of a text written without spaces (Chinese, Thai…). */
function summary(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const first = words.slice(0, 8).join(' ');
  const cut = clip(first, 48);
  if (cut !== first) return cut;
  return words.length > 8 ? `${first}…` : first;
}

/**
 * Characters of a quote given to the page: three clamped lines hold far fewer, and the page
 * shapes all of a paragraph's text, shown or not (text shaping was most of a card's mount in a
 * trace of the wall's zoom).
 */
const SHOWN_TEXT = 400;

function shownText(text: string): string {
  return clip(text, SHOWN_TEXT);
}

/**
 * A card renders all three of its levels of detail at once — the full quote with its source
 * and codes, a summary in larger type (30–55 % zoom), and a shape with a bar for its text (below
 * 30 %) — and the style sheet shows one by the canvas's `data-level` (WallCanvas's ZoomHook).
 * A zoom across a level then re-renders nothing and lays nothing out again: it only repaints.
 * Re-rendering every mounted card at the crossing, and shaping its quote's text again, cost the
 * frame of that wheel step 25–60 ms (issue 9's zoom aim is 16 ms).
 */
function CardNodeView({ data, selected }: NodeProps<CardNodeType>) {
  const card = data.card;
  const editing = useWall((s) => s.editing === card.id);
  return (
    <CardShell card={card} selected={selected} editing={editing}>
      {editing ? <NoteEditor card={card} /> : <FullContent card={card} />}
      {!editing && (
        <>
          <p className="card-summary" aria-hidden="true">
            {summary(card.text)}
          </p>
          <span className="card-bars" aria-hidden="true" />
        </>
      )}
    </CardShell>
  );
}

function CardShell({
  card,
  selected,
  editing,
  children,
}: {
  card: WallCard;
  selected: boolean;
  editing: boolean;
  children: ReactNode;
}) {
  const x = card.excerpt;
  const style = (card.color ? { '--card': card.color } : {}) as CSSProperties;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a card holds block content (quote, chips); the canvas handles its keys
    <div
      className={`wall-card ${card.kind === 'note' ? 'note' : ''} ${selected ? 'selected' : ''} ${card.color ? 'tinted' : ''}${editing ? ' editing' : ''}`}
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

function FullContent({ card }: { card: WallCard }) {
  const x = card.excerpt;
  const attribute = keyAttribute(useParticipant(x?.participant ?? null));
  return (
    <div className="card-full">
      <p className="card-text">{shownText(card.text)}</p>
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
    </div>
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
