/**
 * Insights: an ordered list (filter by status and priority, reorder with Alt+↑/↓) beside the
 * open insight (drag one onto another to put it there), which reads like a slide: title, statement, recommendation, priority, status
 * edited in place; its evidence with stance toggles and the evidence strength.
 */
import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  PointerSensor,
  type UniqueIdentifier,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { type CSSProperties, useEffect, useState } from 'react';
import type {
  CoderId,
  Excerpt,
  Insight,
  InsightDetail,
  InsightId,
  InsightStatus,
  Priority,
} from '../../../../core/contract/index.js';
import { useDocuments } from '../../stores/documents.js';
import { shown, useInsights } from '../../stores/insights.js';
import { useNav } from '../../stores/nav.js';
import { CodeChip } from '../common/CodeChip.js';
import { Icon } from '../common/Icon.js';
import { LinkedMeasures } from './LinkedMeasures.js';

const STATUSES: InsightStatus[] = ['draft', 'review', 'final', 'archived'];
const PRIORITIES: Priority[] = ['high', 'medium', 'low'];

export function InsightsView() {
  const list = useInsights((s) => s.list);
  const loaded = useInsights((s) => s.loaded);
  const openId = useInsights((s) => s.openId);
  const status = useInsights((s) => s.statusFilter);
  const priority = useInsights((s) => s.priorityFilter);
  useEffect(() => {
    void useInsights.getState().load();
  }, []);
  const visible = shown(list, status, priority);
  const store = useInsights.getState();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  // A drop on another insight puts the dragged one in its place (the list may be filtered).
  const onDragEnd = (e: DragEndEvent) => {
    const id = Number(e.active.id) as InsightId;
    const over = e.over ? (Number(e.over.id) as InsightId) : null;
    if (over === null || over === id) return;
    const to = list.findIndex((i) => i.id === over);
    if (to >= 0) void store.moveTo(id, to);
  };
  const title = (id: UniqueIdentifier) => list.find((i) => i.id === Number(id))?.title ?? 'insight';
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${title(active.id)}`,
    onDragOver: ({ active, over }) => (over ? `${title(active.id)} over ${title(over.id)}` : `${title(active.id)}`),
    onDragEnd: ({ active, over }) =>
      over ? `${title(active.id)} moved to the place of ${title(over.id)}` : `${title(active.id)} put back`,
    onDragCancel: ({ active }) => `${title(active.id)} put back`,
  };
  return (
    <div className="view synthesis-view">
      <header className="view-head">
        <h1>Insights</h1>
        <span className="muted small">{list.length}</span>
        <span className="spacer" />
        <select
          aria-label="Filter by status"
          value={status ?? ''}
          onChange={(e) => store.setFilter((e.target.value || null) as InsightStatus | null, priority)}
        >
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by priority"
          value={priority ?? ''}
          onChange={(e) => store.setFilter(status, (e.target.value || null) as Priority | null)}
        >
          <option value="">Any priority</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onClick={() => void store.create({ title: 'New insight', statement: 'What we learned…' })}
        >
          <Icon name="plus" />
          New insight
        </button>
      </header>
      <div className="synthesis-split">
        <ol className="synthesis-list" aria-label="Insights list">
          {loaded && visible.length === 0 && (
            <li className="muted small synthesis-empty">
              {list.length === 0
                ? 'No insights yet. Make one from a group on the board (its menu: Make insight), from selected cards, or with New insight.'
                : 'No insight matches the filters.'}
            </li>
          )}
          <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements }}>
            {visible.map((i) => (
              <InsightItem key={i.id} insight={i} open={i.id === openId} />
            ))}
          </DndContext>
        </ol>
        <InsightPage />
      </div>
    </div>
  );
}

/** One insight in the list: opens on click, reorders by drag (onto another) or Alt+↑/↓. */
function InsightItem({ insight: i, open }: { insight: Insight; open: boolean }) {
  const drag = useDraggable({ id: i.id });
  const drop = useDroppable({ id: i.id });
  const store = useInsights.getState();
  const style: CSSProperties | undefined = drag.transform
    ? { transform: CSS.Translate.toString(drag.transform), position: 'relative', zIndex: 2 }
    : undefined;
  return (
    <li
      ref={drop.setNodeRef}
      data-insight-id={i.id}
      className={drop.isOver && !drag.isDragging ? 'drop-target' : undefined}
    >
      <button
        ref={drag.setNodeRef}
        {...drag.listeners}
        type="button"
        className={`synthesis-item${drag.isDragging ? ' dragging' : ''}`}
        style={style}
        aria-current={open ? 'true' : undefined}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        aria-roledescription="draggable insight"
        onClick={() => void store.open(i.id)}
        onKeyDown={(e) => {
          if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            void store
              .step(i.id, e.key === 'ArrowUp' ? -1 : 1)
              .then(() =>
                requestAnimationFrame(() =>
                  document.querySelector<HTMLElement>(`[data-insight-id="${i.id}"] button`)?.focus(),
                ),
              );
          }
        }}
      >
        <span className="synthesis-title">{i.title}</span>
        <span className="muted small">
          {[i.status, i.priority, `${i.strength.participants} participants`].filter(Boolean).join(' · ')}
        </span>
      </button>
    </li>
  );
}

/** "9 participants in 3 markets; 2 contradict". */
export function strengthLine(d: InsightDetail): string {
  const contradict = d.evidence.filter((e) => e.stance === 'contradicts').length;
  const [attribute, values] = Object.entries(d.strength.byAttribute).sort(
    (a, b) => Object.keys(b[1]).length - Object.keys(a[1]).length,
  )[0] ?? [null, {}];
  const spread = attribute
    ? ` in ${Object.keys(values).length} ${Object.keys(values).length === 1 ? attribute : `${attribute}s`}`
    : '';
  const p = d.strength.participants;
  return `${p} participant${p === 1 ? '' : 's'}${spread}; ${contradict} contradict`;
}

function InsightPage() {
  const detail = useInsights((s) => s.detail);
  const coders = useInsights((s) => s.coders);
  if (!detail) return <div className="synthesis-page muted empty">Choose an insight.</div>;
  const store = useInsights.getState();
  return (
    <article
      className="synthesis-page insight-page"
      data-insight-page={detail.id}
      aria-label={`Insight ${detail.title}`}
    >
      <Editable
        key={`t${detail.id}`}
        label="Title"
        className="insight-title"
        value={detail.title}
        onSave={(title) => void store.update({ title })}
      />
      <p className="insight-strength" data-strength>
        <strong>{strengthLine(detail)}</strong>
        <span className="muted small">
          {' '}
          · {detail.strength.documents} document{detail.strength.documents === 1 ? '' : 's'} ·{' '}
          {detail.strength.segments} supporting excerpt{detail.strength.segments === 1 ? '' : 's'}
        </span>
      </p>
      {Object.entries(detail.strength.byAttribute).map(([name, values]) => (
        <p key={name} className="muted small insight-by">
          {name}:{' '}
          {Object.entries(values)
            .map(([v, n]) => `${v} ${n}`)
            .join(' · ')}
        </p>
      ))}
      <div className="insight-meta">
        <label>
          Priority{' '}
          <select
            value={detail.priority ?? ''}
            onChange={(e) => void store.update({ priority: (e.target.value || null) as Priority | null })}
          >
            <option value="">none</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select
            value={detail.status}
            onChange={(e) => void store.update({ status: e.target.value as InsightStatus })}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Owner{' '}
          <select
            value={detail.owner?.id ?? ''}
            onChange={(e) =>
              void store.update({ ownerId: e.target.value ? (Number(e.target.value) as CoderId) : null })
            }
          >
            <option value="">nobody</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Editable
        key={`s${detail.id}`}
        label="Statement"
        multiline
        className="insight-statement"
        value={detail.statement}
        onSave={(statement) => void store.update({ statement })}
      />
      <h2 className="insight-h">Recommendation</h2>
      <Editable
        key={`r${detail.id}`}
        label="Recommendation"
        multiline
        placeholder="What should the team do?"
        value={detail.recommendation}
        onSave={(recommendation) => void store.update({ recommendation })}
      />
      <LinkedMeasures kind="insight" id={detail.id} />
      <h2 className="insight-h">Evidence ({detail.evidence.length})</h2>
      <ul className="evidence-list" aria-label="Evidence">
        {detail.evidence.map(({ excerpt, stance }) => (
          <li key={excerpt.id} className={`evidence ${stance}`} data-evidence-id={excerpt.id}>
            <blockquote>{excerpt.text}</blockquote>
            <div className="evidence-foot">
              <span className="muted small">{excerpt.participant ?? excerpt.documentTitle}</span>
              <span className="chips">
                {excerpt.codes.map((c) => (
                  <CodeChip key={c.id} code={c} />
                ))}
              </span>
              <span className="spacer" />
              <button
                type="button"
                className="button stance"
                aria-pressed={stance === 'contradicts'}
                title="Toggle supports / contradicts"
                onClick={() => void store.setStance(excerpt.id, stance === 'supports' ? 'contradicts' : 'supports')}
              >
                {stance === 'supports' ? 'Supports' : 'Contradicts'}
              </button>
              <button type="button" className="button" onClick={() => openInTranscript(excerpt)}>
                Open in transcript
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label="Remove this evidence"
                onClick={() => void store.removeEvidence(excerpt.id)}
              >
                <Icon name="close" />
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" className="button danger" onClick={() => void store.remove(detail.id)}>
        Delete insight
      </button>
    </article>
  );
}

export function openInTranscript(excerpt: Excerpt): void {
  useNav.getState().go('documents');
  void useDocuments.getState().open(excerpt.documentId, { start: excerpt.start, end: excerpt.end }, true);
}

/** Text shown as text, edited in place on click; Enter (or leaving the field) saves, Escape cancels. */
export function Editable({
  label,
  value,
  onSave,
  multiline,
  className,
  placeholder,
}: {
  label: string;
  value: string;
  onSave(value: string): void;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const save = () => {
    setEditing(false);
    if (draft.trim() !== value && (draft.trim() || label === 'Recommendation')) onSave(draft.trim());
  };
  if (!editing) {
    return (
      <button
        type="button"
        className={`editable ${className ?? ''} ${value ? '' : 'muted'}`}
        aria-label={`${label}: ${value || 'empty'}. Edit`}
        onClick={() => {
          setDraft(value);
          setEditing(true);
        }}
      >
        {value || placeholder || '—'}
      </button>
    );
  }
  const props = {
    autoFocus: true,
    'aria-label': label,
    className: `editable-input ${className ?? ''}`,
    value: draft,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: save,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        setEditing(false);
      } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        save();
      }
    },
  };
  return multiline ? <textarea rows={4} {...props} /> : <input {...props} />;
}
