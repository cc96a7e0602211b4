/**
 * The Metrics dashboard of one study: each measure as a card with its trend by round (95%
 * interval band, target), its values by segment and task, the change from the previous round
 * in words, n per round, and the insights and hypotheses linked to it. Defining a measure and
 * importing values (file → column mapping → result) start here; charts export as PNG and SVG,
 * the measure table as CSV and XLSX. The codes that moved are in the side panel (MetricsContext).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { HypothesisId } from '../../../../core/contract/hypotheses-types.js';
import type { InsightId } from '../../../../core/contract/index.js';
import type { Metric, MetricLink } from '../../../../core/contract/measures-types.js';
import { formatChange, formatValue, isBetter, roundsOf, segmentOption, trendOption } from '../../lib/metricCharts.js';
import { useHypotheses } from '../../stores/hypotheses.js';
import { useInsights } from '../../stores/insights.js';
import { saveFile, studiesOf, useMetrics } from '../../stores/metrics.js';
import { useNav } from '../../stores/nav.js';
import { Icon } from '../common/Icon.js';
import { Chart, type ChartHandle } from './Chart.js';
import { DefineMeasureDialog, ImportMeasureDialog, KIND_NAMES } from './MetricDialogs.js';

export function MetricsView() {
  const list = useMetrics((s) => s.list);
  const rounds = useMetrics((s) => s.rounds);
  const loaded = useMetrics((s) => s.loaded);
  const study = useMetrics((s) => s.study);
  const defining = useMetrics((s) => s.defining);
  const flow = useMetrics((s) => s.flow);
  const studies = useMemo(() => studiesOf(list, rounds), [list, rounds]);
  useEffect(() => {
    void useMetrics.getState().load();
    // Link pickers list the project's insights and hypotheses.
    if (!useInsights.getState().loaded) void useInsights.getState().load();
    if (!useHypotheses.getState().loaded) void useHypotheses.getState().load();
  }, []);
  const store = useMetrics.getState();
  return (
    <div className="view metrics-view">
      <header className="view-head">
        <h1>Metrics</h1>
        {studies.length > 1 && (
          <select aria-label="Study" value={study ?? ''} onChange={(e) => void store.setStudy(e.target.value)}>
            {studies.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
        {studies.length === 1 && <span className="muted small">{study}</span>}
        <div className="view-tools">
          <button type="button" className="button" onClick={() => store.setDefining(true)}>
            <Icon name="plus" />
            Define a measure
          </button>
          {list.length > 0 && <ImportFileButton label="Import values…" />}
          {list.some((m) => m.rounds.length > 0) && (
            <>
              <button type="button" className="button" onClick={() => void store.exportTable(undefined, 'csv')}>
                <Icon name="export" />
                CSV
              </button>
              <button type="button" className="button" onClick={() => void store.exportTable(undefined, 'xlsx')}>
                <Icon name="export" />
                XLSX
              </button>
            </>
          )}
        </div>
      </header>
      <div className="view-body metrics-body">
        {loaded && list.length === 0 && <EmptyMetrics />}
        {list.map((m) => (
          <MetricCard key={m.id} metric={m} study={studies.length > 0 ? study : null} />
        ))}
      </div>
      {defining && <DefineMeasureDialog />}
      {flow && <ImportMeasureDialog />}
    </div>
  );
}

/** A file input behind a button: CSV or Excel, opening the column mapping for `metric`. */
function ImportFileButton({ label, metric, small }: { label: string; metric?: string; small?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={`button ${small ? 'small' : ''}`} onClick={() => input.current?.click()}>
        <Icon name="import" />
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".csv,.tsv,.txt,.xlsx"
        aria-label={metric ? `Values file for ${metric}` : 'Values file'}
        data-metric-file={metric ?? ''}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void useMetrics.getState().startImport(file, metric);
        }}
      />
    </>
  );
}

function EmptyMetrics() {
  return (
    <div className="empty metrics-empty" data-empty="metrics">
      <h2>Track benchmark measures across rounds</h2>
      <p>
        Put the numbers your team reports round after round — NPS, SUS, task success, time on task — beside the
        interviews that explain them.
      </p>
      <ol>
        <li>
          <strong>Define a measure</strong>: give it a name and a kind, and optionally a unit, a target and whether
          higher is better.
        </li>
        <li>
          <strong>Import values</strong> for a round from a CSV or Excel file: one row per respondent; choose the value
          column and, if you have them, the participant, market/segment and task columns.
        </li>
        <li>
          <strong>Link</strong> the insights and hypotheses that explain a movement to the measure.
        </li>
      </ol>
      <dl className="kind-list">
        {Object.entries(KIND_NAMES).map(([kind, { name, help }]) => (
          <div key={kind}>
            <dt>{name}</dt>
            <dd>{help}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button primary" onClick={() => useMetrics.getState().setDefining(true)}>
        <Icon name="plus" />
        Define a measure
      </button>
    </div>
  );
}

function MetricCard({ metric, study }: { metric: Metric; study: string | null }) {
  const trend = useRef<ChartHandle>(null);
  const bySegment = useRef<ChartHandle>(null);
  const rounds = roundsOf(metric, study);
  const last = rounds.at(-1);
  const trendChart = useMemo(() => trendOption(metric, study), [metric, study]);
  const segmentChart = useMemo(() => segmentOption(metric, study), [metric, study]);
  const tasks = metric.tasks.filter((t) => study === null || t.study === study);
  const better = last?.change ? isBetter(metric, last.change.difference) : null;
  const exportChart = async (handle: ChartHandle | null, what: string, format: 'png' | 'svg') => {
    if (!handle) return;
    const stem = `${metric.name}-${what}`.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase();
    if (format === 'svg') {
      const svg = handle.svg();
      if (svg) await saveFile(`${stem}.svg`, 'image/svg+xml', svg, 'utf8');
    } else {
      const png = await handle.png();
      if (png) await saveFile(`${stem}.png`, 'image/png', png, 'base64');
    }
  };
  return (
    <article className="metric-card" data-metric-id={metric.id} aria-label={`Measure ${metric.name}`}>
      <header className="metric-head">
        <div>
          <h2>{metric.name}</h2>
          <span className="muted small">
            {KIND_NAMES[metric.kind].name}
            {metric.unit ? ` · ${metric.unit}` : ''} · {metric.higherIsBetter ? 'higher is better' : 'lower is better'}
            {metric.target !== null ? ` · target ${formatValue(metric.kind, metric.target, metric.unit)}` : ''}
          </span>
        </div>
        {last && (
          <div className="metric-now">
            <span className="metric-value" data-value={last.value}>
              {formatValue(metric.kind, last.value, metric.unit)}
            </span>
            <span className="muted small">
              {last.round} · n = {last.n}
            </span>
            {last.change && (
              <span
                className={`metric-change ${better === true ? 'better' : better === false ? 'worse' : ''}`}
                data-change
              >
                {formatChange(metric.kind, last.change)}
              </span>
            )}
          </div>
        )}
        <div className="metric-actions">
          <ImportFileButton label="Import" metric={metric.name} small />
          <button
            type="button"
            className="button small"
            aria-label={`Export ${metric.name} as CSV`}
            onClick={() => void useMetrics.getState().exportTable(metric.id, 'csv')}
          >
            CSV
          </button>
        </div>
      </header>
      {rounds.length === 0 ? (
        <p className="muted small metric-novalues">
          No values yet{study ? ` in ${study}` : ''}. Import a CSV or Excel file with one row per respondent.
        </p>
      ) : (
        <>
          <div className="metric-charts">
            <figure>
              <figcaption>
                Trend by round, with 95% interval
                <ChartExport name="trend" onExport={(f) => void exportChart(trend.current, 'trend', f)} />
              </figcaption>
              <Chart ref={trend} option={trendChart} label={`${metric.name} by round`} />
            </figure>
            {segmentChart && (
              <figure>
                <figcaption>
                  By segment
                  <ChartExport name="segments" onExport={(f) => void exportChart(bySegment.current, 'segments', f)} />
                </figcaption>
                <Chart ref={bySegment} option={segmentChart} label={`${metric.name} by segment`} />
              </figure>
            )}
          </div>
          <table className="metric-table">
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">n</th>
                <th scope="col">Value</th>
                <th scope="col">95% interval</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={`${r.study}:${r.round}`} data-round={r.round}>
                  <th scope="row">{r.round}</th>
                  <td data-n={r.n}>{r.n}</td>
                  <td>{formatValue(metric.kind, r.value, metric.unit)}</td>
                  <td>
                    {r.ci95
                      ? `${formatValue(metric.kind, r.ci95[0], metric.unit)} – ${formatValue(metric.kind, r.ci95[1], metric.unit)}`
                      : '–'}
                  </td>
                  <td>{r.change ? formatChange(metric.kind, r.change) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {tasks.length > 0 && (
            <table className="metric-table tasks" aria-label={`${metric.name} by task`}>
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Round</th>
                  <th scope="col">n</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((t) => (
                  <tr key={`${t.round}:${t.task}`} data-round={t.round} data-task={t.task}>
                    <th scope="row">{t.task}</th>
                    <td>{t.round}</td>
                    <td>{t.n}</td>
                    <td>{formatValue(metric.kind, t.value, metric.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <MetricLinks metric={metric} />
    </article>
  );
}

function ChartExport({ name, onExport }: { name: string; onExport(format: 'png' | 'svg'): void }) {
  return (
    <span className="chart-export">
      <button
        type="button"
        className="link-button"
        aria-label={`Export ${name} chart as PNG`}
        onClick={() => onExport('png')}
      >
        PNG
      </button>
      <button
        type="button"
        className="link-button"
        aria-label={`Export ${name} chart as SVG`}
        onClick={() => onExport('svg')}
      >
        SVG
      </button>
    </span>
  );
}

/** Opens an insight or hypothesis in its section. */
export function openLinked(link: Pick<MetricLink, 'kind' | 'id'>): void {
  if (link.kind === 'insight') {
    useNav.getState().go('insights');
    void useInsights.getState().open(link.id as InsightId);
  } else {
    useNav.getState().go('hypotheses');
    useHypotheses.getState().open(link.id as HypothesisId);
  }
}

function MetricLinks({ metric }: { metric: Metric }) {
  const insights = useInsights((s) => s.list);
  const hypotheses = useHypotheses((s) => s.list);
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const linked = new Set(metric.links.map((l) => `${l.kind}:${l.id}`));
  const store = useMetrics.getState();
  return (
    <section className="metric-links" aria-label={`Findings linked to ${metric.name}`}>
      <h3>Explained by</h3>
      {metric.links.length === 0 && <p className="muted small">No insight or hypothesis linked yet.</p>}
      <ul>
        {metric.links.map((l) => (
          <MetricLinkRow key={`${l.kind}:${l.id}`} metric={metric} link={l} />
        ))}
      </ul>
      {(insights.length > 0 || hypotheses.length > 0) && (
        <form
          className="metric-link-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!choice) return;
            void store.link(metric.id, linkEnd(choice), note.trim() || undefined);
            setChoice('');
            setNote('');
          }}
        >
          <select
            aria-label={`Link a finding to ${metric.name}`}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value="">Link an insight or hypothesis…</option>
            <optgroup label="Insights">
              {insights
                .filter((i) => !linked.has(`insight:${i.id}`))
                .map((i) => (
                  <option key={i.id} value={`insight:${i.id}`}>
                    {i.title}
                  </option>
                ))}
            </optgroup>
            <optgroup label="Hypotheses">
              {hypotheses
                .filter((h) => !linked.has(`hypothesis:${h.id}`))
                .map((h) => (
                  <option key={h.id} value={`hypothesis:${h.id}`}>
                    {h.statement}
                  </option>
                ))}
            </optgroup>
          </select>
          <input
            type="text"
            value={note}
            maxLength={2000}
            aria-label="How it explains the measure (optional)"
            placeholder="How it explains it (optional)"
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" className="button small" disabled={!choice}>
            Link
          </button>
        </form>
      )}
    </section>
  );
}

/** `insight:3` / `hypothesis:2` (a picker's value) as the ends the contract takes. */
function linkEnd(key: string): { insightId?: InsightId; hypothesisId?: HypothesisId } {
  const [kind, raw] = key.split(':');
  const id = Number(raw);
  return kind === 'insight' ? { insightId: id as InsightId } : { hypothesisId: id as HypothesisId };
}

/** One linked finding: open it, read or edit the note on how it explains the measure, unlink it. */
function MetricLinkRow({ metric, link }: { metric: Metric; link: MetricLink }) {
  const [editing, setEditing] = useState<string | null>(null);
  const store = useMetrics.getState();
  const end = linkEnd(`${link.kind}:${link.id}`);
  const save = (text: string) => {
    setEditing(null);
    if (text.trim() !== link.note) void store.link(metric.id, end, text.trim());
  };
  return (
    <li data-link={`${link.kind}:${link.id}`}>
      <div className="metric-link-line">
        <Icon name={link.kind === 'insight' ? 'insight' : 'hypothesis'} />
        <button type="button" className="link-button" onClick={() => openLinked(link)}>
          {link.title}
        </button>
        <span className="muted small">{link.status}</span>
        <button
          type="button"
          className="icon-button"
          aria-label={link.note ? `Edit the note on ${link.title}` : `Add a note on ${link.title}`}
          onClick={() => setEditing(link.note)}
        >
          <Icon name="edit" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Unlink ${link.title}`}
          onClick={() => void store.unlink(metric.id, end)}
        >
          <Icon name="close" />
        </button>
      </div>
      {editing !== null ? (
        <input
          className="metric-link-note"
          type="text"
          // biome-ignore lint/a11y/noAutofocus: opened by the edit button, the field takes the typing at once
          autoFocus
          value={editing}
          maxLength={2000}
          aria-label={`Note on ${link.title}`}
          onChange={(e) => setEditing(e.target.value)}
          onBlur={(e) => {
            // Escape has already closed the field: its blur must not save what was dropped.
            if (e.currentTarget.dataset.cancelled !== 'true') save(editing);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') {
              e.currentTarget.dataset.cancelled = 'true';
              setEditing(null);
            }
          }}
        />
      ) : (
        link.note && (
          <p className="metric-link-note muted small" data-role="link-note">
            {link.note}
          </p>
        )
      )}
    </li>
  );
}
