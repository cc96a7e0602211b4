/**
 * The Participants table: one row per participant, one column per typed attribute, edited in
 * place (text, number, date, choice, yes/no), plus linked documents. Adds participants and
 * attributes, filters by one attribute value. The participants store decides; this renders.
 */
import { useEffect, useState } from 'react';
import type { Attribute, AttributeType, Participant } from '../../../../core/contract/index.js';
import { useDocuments } from '../../stores/documents.js';
import { useLinking } from '../../stores/linking.js';
import { useParticipants } from '../../stores/participants.js';
import { Icon } from '../common/Icon.js';
import { BulkLinkDialog } from './BulkLinkDialog.js';
import { AttributeCell, LabelCell, NameCell } from './cells.js';
import { EditAttributeDialog } from './EditAttributeDialog.js';
import { LinkDocumentsDialog } from './LinkDocumentsDialog.js';
import { TYPE_LABEL } from './labels.js';

export function ParticipantsView() {
  const rows = useParticipants((s) => s.rows);
  const all = useParticipants((s) => s.list);
  const attributes = useParticipants((s) => s.attributes);
  const filter = useParticipants((s) => s.filter);
  const docs = useDocuments((s) => s.list);
  const [linking, setLinking] = useState<Participant | null>(null);
  const bulkOpen = useLinking((s) => s.open);
  const [editing, setEditing] = useState<Attribute | null>(null);
  const titleOf = new Map(docs.map((d) => [d.id, d.title]));

  useEffect(() => {
    void useParticipants.getState().load();
  }, []);

  return (
    <div className="view participants-view">
      <header className="view-head">
        <h1 id="participants-title">Participants</h1>
        <span className="muted small">
          {filter ? `${rows.length} of ${all.length}` : all.length} participant{all.length === 1 ? '' : 's'}
        </span>
        <button
          type="button"
          className="button"
          onClick={() => void useLinking.getState().show()}
          disabled={docs.length === 0}
          title="Link many documents to participants at once, from file names or main speakers"
        >
          Link documents…
        </button>
      </header>
      <div className="participants-tools">
        <AddParticipantForm />
        <AddAttributeForm />
        <FilterForm attributes={attributes} />
      </div>
      <div className="participants-table-wrap">
        {all.length === 0 ? (
          <p className="muted pad">
            No participants yet. Add one above; transcripts whose speakers are labelled like “Anna (P001):” create them
            on import.
          </p>
        ) : (
          <table className="participants-table" aria-labelledby="participants-title">
            <thead>
              <tr>
                <th scope="col">Participant</th>
                <th scope="col">Real name</th>
                <th scope="col" title="Used instead of every name in redacted reports; P01, P02… when empty">
                  Pseudonym
                </th>
                {attributes.map((a) => (
                  <th scope="col" key={a.id}>
                    {a.name} <span className="muted small">{TYPE_LABEL[a.type]}</span>
                    {a.identifying && (
                      <span
                        className="muted small"
                        data-attribute-identifying-badge
                        title="Left out of redacted reports"
                      >
                        {' '}
                        · identifying
                      </span>
                    )}
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Edit attribute ${a.name}`}
                      title="Rename, change type or choices"
                      onClick={() => setEditing(a)}
                    >
                      <Icon name="edit" />
                    </button>
                  </th>
                ))}
                <th scope="col">Documents</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <LabelCell participant={p} />
                  </th>
                  <td>
                    <NameCell participant={p} field="displayName" />
                  </td>
                  <td>
                    <NameCell participant={p} field="pseudonym" />
                  </td>
                  {attributes.map((a) => (
                    <td key={a.id}>
                      <AttributeCell participant={p} attribute={a} />
                    </td>
                  ))}
                  <td>
                    <div className="participant-docs">
                      {p.documents.length === 0 ? (
                        <span className="muted small">No documents</span>
                      ) : (
                        <ul aria-label={`Documents of ${p.label}`}>
                          {p.documents.map((id) => (
                            <li key={id}>{titleOf.get(id) ?? `Document ${id}`}</li>
                          ))}
                        </ul>
                      )}
                      <button
                        type="button"
                        className="button small"
                        aria-label={`Link documents to ${p.label}`}
                        onClick={() => setLinking(p)}
                      >
                        Link documents…
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={attributes.length + 4} className="muted">
                    No participant has {filter?.name} = “{filter?.value}”.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </div>
      {bulkOpen && <BulkLinkDialog />}
      {linking && <LinkDocumentsDialog participant={linking} onClose={() => setLinking(null)} />}
      {editing && <EditAttributeDialog attribute={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function AddParticipantForm() {
  const [label, setLabel] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const sent = label;
        // Clear only what was sent: the researcher may already be typing the next one.
        if (sent.trim() && (await useParticipants.getState().add(sent.trim())))
          setLabel((now) => (now === sent ? '' : now));
      }}
    >
      <input
        aria-label="New participant label"
        placeholder="New participant"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      <button type="submit" className="button" disabled={!label.trim()}>
        <Icon name="plus" />
        Add participant
      </button>
    </form>
  );
}

function AddAttributeForm() {
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [choices, setChoices] = useState('');
  const list = choices
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const ready = name.trim() !== '' && (type !== 'choice' || list.length > 0);
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!ready) return;
        const sent = { name, choices };
        if (await useParticipants.getState().addAttribute(name.trim(), type, list)) {
          // Clear only what was sent: the researcher may already be typing the next one.
          setName((now) => (now === sent.name ? '' : now));
          setChoices((now) => (now === sent.choices ? '' : now));
        }
      }}
    >
      <input
        aria-label="New attribute name"
        placeholder="New attribute"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <select aria-label="Attribute type" value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
        {(Object.keys(TYPE_LABEL) as AttributeType[]).map((t) => (
          <option key={t} value={t}>
            {TYPE_LABEL[t]}
          </option>
        ))}
      </select>
      {type === 'choice' && (
        <input
          aria-label="Choices, separated by commas"
          placeholder="Choices: DE, FR, UK"
          value={choices}
          onChange={(e) => setChoices(e.target.value)}
        />
      )}
      <button type="submit" className="button" disabled={!ready}>
        <Icon name="plus" />
        Add attribute
      </button>
    </form>
  );
}

function FilterForm({ attributes }: { attributes: Attribute[] }) {
  const filter = useParticipants((s) => s.filter);
  const [name, setName] = useState(filter?.name ?? '');
  const [value, setValue] = useState(filter?.value ?? '');
  const attribute = attributes.find((a) => a.name === name);
  const apply = (v: string) => {
    setValue(v);
    void useParticipants.getState().setFilter(name && v.trim() ? { name, value: v.trim() } : null);
  };
  if (attributes.length === 0) return null;
  return (
    <form
      className="inline-form"
      aria-label="Filter participants"
      onSubmit={(e) => {
        e.preventDefault();
        apply(value);
      }}
    >
      <Icon name="search" />
      <select
        aria-label="Filter by attribute"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setValue('');
          if (filter) void useParticipants.getState().setFilter(null);
        }}
      >
        <option value="">Filter by attribute…</option>
        {attributes.map((a) => (
          <option key={a.id} value={a.name}>
            {a.name}
          </option>
        ))}
      </select>
      {attribute?.type === 'choice' || attribute?.type === 'boolean' ? (
        <select aria-label="Filter value" value={value} onChange={(e) => apply(e.target.value)}>
          <option value="">Any</option>
          {(attribute.type === 'boolean' ? ['true', 'false'] : attribute.choices).map((c) => (
            <option key={c} value={c}>
              {attribute.type === 'boolean' ? (c === 'true' ? 'Yes' : 'No') : c}
            </option>
          ))}
        </select>
      ) : (
        attribute && (
          <input
            aria-label="Filter value"
            type={attribute.type === 'date' ? 'date' : attribute.type === 'number' ? 'number' : 'text'}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="Value, then Enter"
          />
        )
      )}
      {filter && (
        <button
          type="button"
          className="button"
          onClick={() => {
            setValue('');
            void useParticipants.getState().setFilter(null);
          }}
        >
          Clear filter
        </button>
      )}
    </form>
  );
}
