/**
 * Hypotheses: each with its status (open, supported, refuted) and status history, the balance
 * of supporting vs contradicting evidence, and a picker that links excerpts either way.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Hypothesis, HypothesisStatus, Stance } from '../../../../core/contract/hypotheses-types.js';
import type { ExcerptId } from '../../../../core/contract/index.js';
import { fuzzyFilter } from '../../lib/fuzzy.js';
import { clip } from '../../lib/graphemes.js';
import { useExcerpts } from '../../stores/excerpts.js';
import { useHypotheses } from '../../stores/hypotheses.js';
import { Icon } from '../common/Icon.js';
import { LinkedMeasures } from './LinkedMeasures.js';

const STATUSES: HypothesisStatus[] = ['open', 'supported', 'refuted'];

export function HypothesesView() {
  const list = useHypotheses((s) => s.list);
  const loaded = useHypotheses((s) => s.loaded);
  const [statement, setStatement] = useState('');
  useEffect(() => {
    void useHypotheses.getState().load();
  }, []);
  return (
    <div className="view synthesis-view">
      <header className="view-head">
        <h1>Hypotheses</h1>
        <span className="muted small">{list.length}</span>
      </header>
      <div className="synthesis-scroll">
        <form
          className="hypothesis-new"
          onSubmit={(e) => {
            e.preventDefault();
            if (!statement.trim()) return;
            void useHypotheses.getState().add(statement.trim());
            setStatement('');
          }}
        >
          <input
            className="input"
            aria-label="New hypothesis"
            placeholder="We believe that…"
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
          />
          <button type="submit" className="button primary" disabled={!statement.trim()}>
            <Icon name="plus" />
            Add hypothesis
          </button>
        </form>
        {loaded && list.length === 0 && (
          <p className="muted small">State what you expect to find; link evidence for and against as you code.</p>
        )}
        <ul className="hypothesis-list" aria-label="Hypotheses list">
          {list.map((h) => (
            <HypothesisCard key={h.id} h={h} />
          ))}
        </ul>
      </div>
    </div>
  );
}

function HypothesisCard({ h }: { h: Hypothesis }) {
  const [picking, setPicking] = useState(false);
  const store = useHypotheses.getState();
  const total = h.supporting.length + h.contradicting.length;
  return (
    <li className={`hypothesis ${h.status}`} data-hypothesis-id={h.id} aria-label={`Hypothesis ${h.statement}`}>
      <div className="hypothesis-head">
        <p className="hypothesis-statement">{h.statement}</p>
        <select
          aria-label="Status"
          value={h.status}
          onChange={(e) => void store.setStatus(h.id, e.target.value as HypothesisStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="balance" data-balance={`${h.supporting.length}:${h.contradicting.length}`}>
        <span className="balance-label">
          {h.supporting.length} supporting · {h.contradicting.length} contradicting
        </span>
        <span className="balance-bar" aria-hidden="true">
          <span className="for" style={{ flexGrow: total ? h.supporting.length : 1 }} />
          <span className="against" style={{ flexGrow: total ? h.contradicting.length : 0 }} />
        </span>
      </div>
      <ul className="evidence-list small" aria-label="Evidence">
        {h.evidence.map((e) => (
          <li key={e.excerptId} className={`evidence ${e.stance}`}>
            <blockquote>{e.text}</blockquote>
            <div className="evidence-foot">
              <span className="muted small">
                {e.stance === 'supports' ? 'Supports' : 'Contradicts'} · {e.participant ?? e.documentTitle}
              </span>
              <span className="spacer" />
              <button
                type="button"
                className="icon-button"
                aria-label="Unlink this evidence"
                onClick={() => void store.unlink(h.id, e.excerptId)}
              >
                <Icon name="close" />
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setPicking((p) => !p)} aria-expanded={picking}>
        Link excerpts…
      </button>
      {picking && <EvidencePicker h={h} onDone={() => setPicking(false)} />}
      <LinkedMeasures kind="hypothesis" id={h.id} />
      <details className="history">
        <summary className="muted small">Status history ({h.history.length})</summary>
        <ol>
          {h.history.map((c) => (
            <li key={`${c.at}-${c.status}`} className="small">
              <strong>{c.status}</strong> <span className="muted">{new Date(c.at).toLocaleString()}</span>
              {c.coder && <span className="muted"> · {c.coder}</span>}
              {c.note && <span> — {c.note}</span>}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}

function EvidencePicker({ h, onDone }: { h: Hypothesis; onDone(): void }) {
  const excerpts = useExcerpts((s) => s.list);
  const loaded = useExcerpts((s) => s.loaded);
  const [query, setQuery] = useState('');
  const [stance, setStance] = useState<Stance>('supports');
  const [picked, setPicked] = useState<ReadonlySet<ExcerptId>>(new Set());
  useEffect(() => {
    if (!loaded) void useExcerpts.getState().load();
  }, [loaded]);
  const linked = new Set([...h.supporting, ...h.contradicting]);
  const shown = useMemo(
    () => fuzzyFilter(excerpts, query, ['text', 'participant', 'documentTitle']).slice(0, 50),
    [excerpts, query],
  );
  return (
    <fieldset className="evidence-picker">
      <legend>Link excerpts</legend>
      <div className="row">
        <input
          type="search"
          className="input"
          aria-label="Find excerpts"
          placeholder="Find excerpts"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label>
          <input
            type="radio"
            name={`stance-${h.id}`}
            checked={stance === 'supports'}
            onChange={() => setStance('supports')}
          />{' '}
          Supports
        </label>
        <label>
          <input
            type="radio"
            name={`stance-${h.id}`}
            checked={stance === 'contradicts'}
            onChange={() => setStance('contradicts')}
          />{' '}
          Contradicts
        </label>
      </div>
      <ul className="picker-excerpts">
        {shown.map((x) => (
          <li key={x.id}>
            <label>
              <input
                type="checkbox"
                disabled={linked.has(x.id)}
                checked={picked.has(x.id)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(x.id);
                  else next.delete(x.id);
                  setPicked(next);
                }}
              />{' '}
              {clip(x.text, 140)} <span className="muted small">{x.participant ?? x.documentTitle}</span>
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button primary"
        disabled={picked.size === 0}
        onClick={() => {
          void useHypotheses.getState().link(h.id, [...picked], stance);
          onDone();
        }}
      >
        Link {picked.size} as {stance === 'supports' ? 'supporting' : 'contradicting'}
      </button>
    </fieldset>
  );
}
