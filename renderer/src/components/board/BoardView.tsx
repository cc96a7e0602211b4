/**
 * The affinity wall: a header (board, counts, new group/note, zoom, panels), the selection's
 * actions, the infinite canvas and its minimap, the group picker and the live region that
 * tells screen-reader users what was picked, moved and dropped.
 */
import '@xyflow/react/dist/style.css';
import { ReactFlowProvider, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { BoardId } from '../../../../core/contract/index.js';
import { layoutBoard } from '../../lib/wallLayout.js';
import { useBoard } from '../../stores/board.js';
import { useInsights } from '../../stores/insights.js';
import { useNav } from '../../stores/nav.js';
import { useWall } from '../../stores/wall.js';
import { Icon } from '../common/Icon.js';
import { FromCodesDialog } from './FromCodesDialog.js';
import { GroupPicker } from './GroupPicker.js';
import { WallCanvas } from './WallCanvas.js';
import { fitBoard, groupSelection, voteSelection } from './wallKeys.js';

export function BoardView() {
  const board = useBoard((s) => s.current);
  const loaded = useBoard((s) => s.loaded);
  const pickerOpen = useWall((s) => s.pickerOpen);

  useEffect(() => {
    void useBoard.getState().ensureBoard();
    return () => useWall.getState().reset();
  }, []);

  if (!board) {
    return <div className="empty muted">{loaded ? 'No board yet.' : 'Loading the board…'}</div>;
  }
  return (
    <ReactFlowProvider key={board.id}>
      <div className="view board-view">
        <WallHeader />
        <SelectionBar />
        <WallCanvas board={board} />
        {board.cards.length === 0 && board.groups.length === 0 && (
          <div className="wall-empty muted">
            <p>The wall is empty.</p>
            <p className="small">
              Use <strong>Add to board</strong> on excerpts, double-click the canvas (or press <kbd>N</kbd>) for a note,
              or <strong>New group</strong>.
            </p>
          </div>
        )}
        <LiveRegion />
        {pickerOpen && <GroupPicker />}
      </div>
    </ReactFlowProvider>
  );
}

/** The zoom in percent: its own component, so a zoom step re-renders this and not the whole header. */
function ZoomLevel() {
  const percent = useStore((s) => Math.round(s.transform[2] * 100));
  return (
    <output className="zoom-level" aria-label="Zoom level">
      {percent}%
    </output>
  );
}

function WallHeader() {
  const board = useBoard((s) => s.current);
  const boards = useBoard((s) => s.boards);
  const wide = useNav((s) => s.wallWide);
  const flow = useReactFlow();
  const [fromCodes, setFromCodes] = useState(false);
  if (!board) return null;
  return (
    <header className="view-head wall-head">
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
        title="Lay out a new board from codes"
        aria-label="Lay out from codes…"
        onClick={() => setFromCodes(true)}
      >
        From codes…
      </button>
      {fromCodes && <FromCodesDialog onClose={() => setFromCodes(false)} />}
      <button
        type="button"
        className="button"
        onClick={async () => {
          const id = await useBoard.getState().addGroup();
          if (id === undefined) return;
          useWall.getState().setRenaming(id);
          // Bring the new group into view: it is placed below everything else.
          const current = useBoard.getState().current;
          const box = current ? layoutBoard(current).groups.get(id)?.abs : undefined;
          if (box) void flow.setCenter(box.x + box.w / 2, box.y + box.h / 2, { zoom: flow.getZoom() });
        }}
      >
        <Icon name="plus" />
        New group
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form fieldset */}
      <div className="zoom-controls" role="group" aria-label="Zoom">
        <button type="button" className="icon-button" aria-label="Zoom out" onClick={() => void flow.zoomOut()}>
          −
        </button>
        <ZoomLevel />
        <button type="button" className="icon-button" aria-label="Zoom in" onClick={() => void flow.zoomIn()}>
          +
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            const current = useBoard.getState().current;
            if (current) void fitBoard(flow, layoutBoard(current));
          }}
        >
          Fit
        </button>
        <FitSelection />
      </div>
      <button
        type="button"
        className="icon-button"
        aria-pressed={wide}
        aria-label={wide ? 'Show the side panels' : 'Hide the side panels'}
        title={wide ? 'Show the side panels' : 'Hide the side panels'}
        onClick={() => useNav.getState().setWallWide(!wide)}
      >
        ⤢
      </button>
    </header>
  );
}

function FitSelection() {
  const selected = useWall((s) => s.selected);
  const flow = useReactFlow();
  return (
    <button
      type="button"
      className="button"
      disabled={selected.size === 0}
      onClick={() => void flow.fitView({ nodes: [...selected].map((id) => ({ id })), padding: 0.2 })}
    >
      Fit selection
    </button>
  );
}

function SelectionBar() {
  const selected = useWall((s) => s.selected);
  const cards = [...selected].filter((id) => id.startsWith('c')).length;
  if (cards === 0) return null;
  const wall = useWall.getState();
  return (
    <div className="wall-selection" role="toolbar" aria-label="Selected cards">
      <span>{cards} selected</span>
      <button type="button" className="button" onClick={() => void groupSelection()}>
        Group
      </button>
      <button type="button" className="button" onClick={() => wall.setPicker(true)}>
        Move to…
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of swatch buttons, not a form fieldset */}
      <span className="swatches" role="group" aria-label="Colour">
        {COLOURS.map((c) => (
          <button
            key={c.name}
            type="button"
            className="swatch"
            style={{ background: c.value ?? 'var(--surface)' }}
            aria-label={`Colour ${c.name}`}
            onClick={() => void useBoard.getState().colourCards(wall.selectedCards(), c.value)}
          />
        ))}
      </span>
      <button type="button" className="button" onClick={() => void voteSelection()}>
        Vote
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          const ids = wall.selectedCards();
          void useInsights
            .getState()
            .create({ title: 'New insight', statement: `From ${ids.length} cards`, fromCards: ids });
        }}
      >
        Make insight
      </button>
      <button
        type="button"
        className="button danger"
        onClick={() => {
          const ids = wall.selectedCards();
          wall.clear();
          void useBoard.getState().removeCards(ids);
        }}
      >
        Remove
      </button>
      <button type="button" className="button" onClick={() => wall.clear()}>
        Clear
      </button>
    </div>
  );
}

const COLOURS: { name: string; value: string | null }[] = [
  { name: 'none', value: null },
  { name: 'yellow', value: '#F2C94C' },
  { name: 'green', value: '#6FCF97' },
  { name: 'blue', value: '#56CCF2' },
  { name: 'pink', value: '#F78FB3' },
];

function LiveRegion() {
  const live = useWall((s) => s.live);
  return (
    <div className="visually-hidden" aria-live="polite" data-wall-live>
      {/* A zero-width space on every other message, so the same words are read again. */}
      {live.text}
      {live.n % 2 ? '\u200b' : ''}
    </div>
  );
}
