/** Table cells edited in place: the participant's label and one typed attribute value each. */
import { useEffect, useRef, useState } from 'react';
import type { Attribute, Participant } from '../../../../core/contract/index.js';
import { useParticipants } from '../../stores/participants.js';

/** A text-like input that saves on Enter or when it loses focus, and reverts on Escape. */
function CommitInput({
  label,
  value,
  type = 'text',
  onCommit,
}: {
  label: string;
  value: string;
  type?: 'text' | 'number' | 'date';
  onCommit(next: string): Promise<boolean>;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = async () => {
    if (draft.trim() === value) return;
    if (!(await onCommit(draft))) setDraft(value);
  };
  return (
    <input
      className="cell-input"
      aria-label={label}
      type={type}
      value={draft}
      step={type === 'number' ? 'any' : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setDraft(value);
        }
      }}
    />
  );
}

export function LabelCell({ participant }: { participant: Participant }) {
  return (
    <CommitInput
      label={`Label of ${participant.label}`}
      value={participant.label}
      onCommit={(next) =>
        next.trim() ? useParticipants.getState().rename(participant.id, next.trim()) : Promise.resolve(false)
      }
    />
  );
}

/** The real name (kept for the team) or the pseudonym (used by redacted reports). */
export function NameCell({ participant, field }: { participant: Participant; field: 'displayName' | 'pseudonym' }) {
  const what = field === 'displayName' ? 'Real name' : 'Pseudonym';
  return (
    <span data-participant-name={field}>
      <CommitInput
        label={`${what} of ${participant.label}`}
        value={participant[field] ?? ''}
        onCommit={(next) => useParticipants.getState().setNames(participant.id, { [field]: next })}
      />
    </span>
  );
}

export function AttributeCell({ participant, attribute }: { participant: Participant; attribute: Attribute }) {
  const value = participant.attributes[attribute.name] ?? '';
  const label = `${attribute.name} of ${participant.label}`;
  const save = (next: string) => useParticipants.getState().setAttribute(participant.id, attribute.name, next);
  switch (attribute.type) {
    case 'choice':
      return (
        <select className="cell-input" aria-label={label} value={value} onChange={(e) => void save(e.target.value)}>
          <option value="">—</option>
          {attribute.choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          {value && !attribute.choices.includes(value) && <option value={value}>{value}</option>}
        </select>
      );
    case 'boolean':
      return <BooleanCell label={label} value={value} onCommit={save} />;
    case 'number':
    case 'date':
      return <CommitInput label={label} value={value} type={attribute.type} onCommit={save} />;
    default:
      return <CommitInput label={label} value={value} onCommit={save} />;
  }
}

/**
 * A yes/no checkbox that shows the new state at once and goes back if the save fails. A value
 * never set shows as indeterminate (announced as "mixed"), so "not asked" is not read as "no".
 */
function BooleanCell({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit(next: string): Promise<boolean>;
}) {
  const [on, setOn] = useState(value === 'true');
  const [unset, setUnset] = useState(value === '');
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setOn(value === 'true');
    setUnset(value === '');
  }, [value]);
  useEffect(() => {
    if (box.current) box.current.indeterminate = unset;
  }, [unset]);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label={label}
      title={unset ? 'Not set' : undefined}
      checked={on}
      onChange={async (e) => {
        const next = e.target.checked;
        setOn(next);
        setUnset(false);
        if (!(await onCommit(next ? 'true' : 'false'))) {
          setOn(value === 'true');
          setUnset(value === '');
        }
      }}
    />
  );
}
