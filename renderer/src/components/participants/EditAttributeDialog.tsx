/** Rename an attribute, change its type, or edit its choices. */
import { useId, useState } from 'react';
import type { Attribute, AttributeType } from '../../../../core/contract/index.js';
import { useParticipants } from '../../stores/participants.js';
import { Dialog } from '../common/Dialog.js';
import { TYPE_LABEL } from './labels.js';

export function EditAttributeDialog({ attribute, onClose }: { attribute: Attribute; onClose(): void }) {
  const id = useId();
  const [name, setName] = useState(attribute.name);
  const [type, setType] = useState<AttributeType>(attribute.type);
  const [choices, setChoices] = useState(attribute.choices.join(', '));
  const [identifying, setIdentifying] = useState(attribute.identifying);
  const list = choices
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const ready = name.trim() !== '' && (type !== 'choice' || list.length > 0);
  return (
    <Dialog label={`Edit attribute ${attribute.name}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!ready) return;
          const ok = await useParticipants
            .getState()
            .updateAttribute(attribute.id, { name: name.trim(), type, choices: list, identifying });
          if (ok) onClose();
        }}
      >
        <h2>Edit attribute</h2>
        <p className="muted">
          Values already set must fit the new type or choices; Quarry refuses the change and says which do not.
        </p>
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
          {(Object.keys(TYPE_LABEL) as AttributeType[]).map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
        {type === 'choice' && (
          <>
            <label htmlFor={`${id}-choices`}>Choices, separated by commas</label>
            <input id={`${id}-choices`} value={choices} onChange={(e) => setChoices(e.target.value)} />
          </>
        )}
        <label className="choice">
          <input
            type="checkbox"
            data-attribute-identifying
            checked={identifying}
            onChange={(e) => setIdentifying(e.target.checked)}
          />
          <span>
            Identifies a person <span className="muted">— left out of redacted reports, its values replaced</span>
          </span>
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!ready}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
