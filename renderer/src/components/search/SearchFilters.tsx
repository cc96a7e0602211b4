/** The search's filters: codes, documents, participants' attributes and rounds. */
import { useEffect, useMemo } from 'react';
import type { CodeId, DocumentId } from '../../../../core/contract/index.js';
import { codeTree } from '../../lib/codes.js';
import { useCodes } from '../../stores/codes.js';
import { useDocuments } from '../../stores/documents.js';
import { useParticipants } from '../../stores/participants.js';
import { activeFilterCount, useSearch } from '../../stores/search.js';

/** Narrow the search to one code, one document, or participants with one attribute value. */
export function SearchFilters() {
  const filters = useSearch((s) => s.filters);
  const codes = useCodes((s) => s.list);
  const rows = useMemo(() => codeTree(codes), [codes]);
  const documents = useDocuments((s) => s.list);
  const attributes = useParticipants((s) => s.attributes);
  const rounds = useSearch((s) => s.rounds);
  const { setFilters } = useSearch.getState();
  useEffect(() => void useSearch.getState().loadRounds(), []);
  const attr = filters.attribute;
  const attrDef = attr ? attributes.find((a) => a.name === attr.name) : undefined;
  return (
    <fieldset className="search-filters review-bar" aria-label="Search filters">
      <select
        aria-label="Filter by code"
        value={filters.codeId ?? ''}
        onChange={(e) => setFilters({ codeId: e.target.value ? (Number(e.target.value) as CodeId) : null })}
      >
        <option value="">Any code</option>
        {rows.map((r) => (
          <option key={r.code.id} value={r.code.id}>
            {r.path}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by document"
        value={filters.documentId ?? ''}
        onChange={(e) => setFilters({ documentId: e.target.value ? (Number(e.target.value) as DocumentId) : null })}
      >
        <option value="">Any document</option>
        {documents.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
      {rounds.length > 0 && (
        <select
          aria-label="Filter by round"
          value={filters.round ?? ''}
          onChange={(e) => setFilters({ round: e.target.value || null })}
        >
          <option value="">Any round</option>
          {[...new Set(rounds.map((r) => r.name))].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
      {attributes.length > 0 && (
        <select
          aria-label="Filter by participant attribute"
          value={attr?.name ?? ''}
          onChange={(e) => setFilters({ attribute: e.target.value ? { name: e.target.value, value: '' } : null })}
        >
          <option value="">Any participant</option>
          {attributes.map((a) => (
            <option key={a.id} value={a.name}>
              {a.name}
            </option>
          ))}
        </select>
      )}
      {attr &&
        (attrDef && attrDef.choices.length > 0 ? (
          <select
            aria-label={`${attr.name} value`}
            value={attr.value}
            onChange={(e) => setFilters({ attribute: { name: attr.name, value: e.target.value } })}
          >
            <option value="">Choose…</option>
            {attrDef.choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        ) : (
          <input
            aria-label={`${attr.name} value`}
            placeholder={`${attr.name} is…`}
            value={attr.value}
            onChange={(e) => setFilters({ attribute: { name: attr.name, value: e.target.value } })}
          />
        ))}
      {activeFilterCount(filters) > 0 && (
        <button type="button" className="link" onClick={() => useSearch.getState().clearFilters()}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
