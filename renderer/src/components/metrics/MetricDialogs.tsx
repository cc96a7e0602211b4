/**
 * The two dialogs of the Metrics dashboard: define a measure (name, kind, unit, target,
 * direction), and import a values file with its column mapping, shown over the file's first
 * rows, ending in the counts imported or the reason the file was refused.
 */
import { useState } from 'react';
import type { MeasureKind } from '../../../../core/contract/measures-types.js';
import { type MeasureDraft, useMetrics } from '../../stores/metrics.js';
import { Dialog } from '../common/Dialog.js';

export const KIND_NAMES: Record<MeasureKind, { name: string; help: string }> = {
  nps: { name: 'NPS', help: 'one 0–10 answer per respondent; scored % promoters − % detractors (−100 to +100)' },
  sus: { name: 'SUS', help: 'the ten 1–5 items in questionnaire order; scored 0–100 per respondent, then averaged' },
  proportion: {
    name: 'Task success',
    help: '0/1 (or yes/no, success/fail) per respondent and task; the share of successes, Wilson interval',
  },
  time: { name: 'Time on task', help: 'seconds or m:ss per respondent and task; the geometric mean, lower is better' },
  mean: { name: 'Mean', help: 'any number (CSAT, a rating, drop-off); the mean with its t interval' },
};

export function DefineMeasureDialog() {
  const [draft, setDraft] = useState<MeasureDraft>({
    name: '',
    kind: 'nps',
    unit: '',
    target: '',
    higherIsBetter: true,
  });
  const close = () => useMetrics.getState().setDefining(false);
  const set = (patch: Partial<MeasureDraft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <Dialog label="Define a measure" onClose={close} className="metric-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.name.trim()) void useMetrics.getState().define(draft);
        }}
      >
        <h2>Define a measure</h2>
        <label className="field">
          <span>Name</span>
          <input
            className="input"
            data-autofocus
            value={draft.name}
            placeholder="Checkout NPS"
            onChange={(e) => set({ name: e.target.value })}
          />
        </label>
        <fieldset className="field kinds">
          <legend>Kind</legend>
          {(Object.keys(KIND_NAMES) as MeasureKind[]).map((kind) => (
            <label key={kind} className="kind-choice">
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={draft.kind === kind}
                onChange={() =>
                  set({ kind, higherIsBetter: kind !== 'time', unit: kind === 'time' ? 's' : draft.unit })
                }
              />
              <span>
                <strong>{KIND_NAMES[kind].name}</strong>
                <span className="muted small"> — {KIND_NAMES[kind].help}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <label className="field">
            <span>Unit</span>
            <input className="input" value={draft.unit} onChange={(e) => set({ unit: e.target.value })} />
          </label>
          <label className="field">
            <span>Target</span>
            <input
              className="input"
              inputMode="decimal"
              value={draft.target}
              placeholder={draft.kind === 'proportion' ? '0.8' : ''}
              onChange={(e) => set({ target: e.target.value })}
            />
          </label>
          <label className="field">
            <span>Better when</span>
            <select
              value={draft.higherIsBetter ? 'higher' : 'lower'}
              onChange={(e) => set({ higherIsBetter: e.target.value === 'higher' })}
            >
              <option value="higher">higher</option>
              <option value="lower">lower</option>
            </select>
          </label>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!draft.name.trim()}>
            Define measure
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ImportMeasureDialog() {
  const flow = useMetrics((s) => s.flow);
  const list = useMetrics((s) => s.list);
  const rounds = useMetrics((s) => s.rounds);
  const study = useMetrics((s) => s.study);
  if (!flow) return null;
  const store = useMetrics.getState();
  const { preview, mapping } = flow;
  const metric = list.find((m) => m.name === mapping.metric);
  const sus = metric?.kind === 'sus';
  const columnSelect = (label: string, key: 'participantColumn' | 'segmentColumn' | 'taskColumn') => (
    <label className="field">
      <span>{label}</span>
      <select value={mapping[key]} onChange={(e) => store.setMapping({ [key]: e.target.value })}>
        <option value="">(none)</option>
        {preview.columns.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
  const toggleValue = (name: string, on: boolean) => {
    const chosen = new Set(mapping.columns);
    if (on) chosen.add(name);
    else chosen.delete(name);
    // In the file's order: SUS items are read in questionnaire order.
    store.setMapping({ columns: preview.columns.map((c) => c.name).filter((n) => chosen.has(n)) });
  };
  const role = (name: string) =>
    mapping.columns.includes(name)
      ? 'value'
      : name === mapping.participantColumn
        ? 'participant'
        : name === mapping.segmentColumn
          ? 'segment'
          : name === mapping.taskColumn
            ? 'task'
            : '';
  const ready =
    mapping.metric !== '' &&
    mapping.round.trim() !== '' &&
    mapping.columns.length > 0 &&
    (!sus || mapping.columns.length === 10) &&
    !(mapping.columns.length > 1 && !sus && mapping.taskColumn !== '');
  return (
    <Dialog label="Import measure values" onClose={() => store.closeImport()} className="metric-dialog wide">
      <h2>Import values from {preview.file}</h2>
      <p className="muted small">
        {preview.total} rows{preview.sheet ? ` in sheet “${preview.sheet}”` : ''}. Choose what each column holds; a
        value out of range refuses the whole file and nothing is written.
      </p>
      <div className="field-row">
        <label className="field">
          <span>Measure</span>
          <select value={mapping.metric} onChange={(e) => store.setMapping({ metric: e.target.value })}>
            {list.map((m) => (
              <option key={m.id} value={m.name}>
                {m.name} ({KIND_NAMES[m.kind].name})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Round{study ? ` of ${study}` : ''}</span>
          <input
            className="input"
            list="metric-rounds"
            value={mapping.round}
            onChange={(e) => store.setMapping({ round: e.target.value })}
          />
          <datalist id="metric-rounds">
            {rounds
              .filter((r) => r.study === study)
              .map((r) => (
                <option key={r.id} value={r.name} />
              ))}
          </datalist>
        </label>
        {preview.sheets.length > 1 && (
          <label className="field">
            <span>Sheet</span>
            <select value={preview.sheet ?? ''} onChange={(e) => void store.setSheet(e.target.value)}>
              {preview.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <fieldset className="field value-columns">
        <legend>
          Value column{sus ? 's: the ten SUS items, in questionnaire order' : '(s): one, or one per task'}
        </legend>
        {preview.columns.map((c) => (
          <label key={c.name} className="value-choice">
            <input
              type="checkbox"
              checked={mapping.columns.includes(c.name)}
              onChange={(e) => toggleValue(c.name, e.target.checked)}
            />
            {c.name}
            {c.numeric && <span className="muted small"> · numbers</span>}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        {columnSelect('Participant column', 'participantColumn')}
        {columnSelect('Segment / market column', 'segmentColumn')}
        {columnSelect('Task column', 'taskColumn')}
      </div>
      <div className="mapping-preview">
        <table>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {preview.columns.map((c) => (
                <th key={c.name} scope="col" data-role={role(c.name)}>
                  {c.name}
                  {role(c.name) && <span className="role">{role(c.name)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                {preview.columns.map((c, i) => (
                  <td key={c.name} data-role={role(c.name)}>
                    {r.cells[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {flow.error && (
        <p className="import-error" role="alert" data-import-error>
          {flow.error}
        </p>
      )}
      {flow.result && (
        <p className="import-result" role="status" data-import-result>
          Imported {flow.result.imported} values
          {flow.result.skipped > 0 ? `; ${flow.result.skipped} empty skipped` : ''}
          {flow.result.replaced > 0 ? `; replaced ${flow.result.replaced} imported before` : ''}.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => store.closeImport()}>
          {flow.result ? 'Done' : 'Cancel'}
        </button>
        {!flow.result && (
          <button
            type="button"
            className="button primary"
            disabled={!ready || flow.busy}
            onClick={() => void store.runImport()}
          >
            {flow.busy ? 'Importing…' : 'Import'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
