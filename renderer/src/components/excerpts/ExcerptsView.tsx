import { useEffect, useMemo } from 'react';
import type { CodeId } from '../../../../core/contract/index.js';
import { codeTree } from '../../lib/codes.js';
import { fuzzyFilter } from '../../lib/fuzzy.js';
import { useBoard } from '../../stores/board.js';
import { useCodes } from '../../stores/codes.js';
import { useExcerpts } from '../../stores/excerpts.js';
import { Icon } from '../common/Icon.js';
import { ExcerptList } from './ExcerptList.js';

/** Every excerpt, narrowed by code and a fuzzy text filter. */
export function ExcerptsView() {
  const codes = useCodes((s) => s.list);
  const rows = useMemo(() => codeTree(codes), [codes]);
  const codeFilter = useExcerpts((s) => s.codeFilter);
  const query = useExcerpts((s) => s.query);
  const list = useExcerpts((s) => s.list);
  const loaded = useExcerpts((s) => s.loaded);
  const shown = useMemo(
    () => fuzzyFilter(list, query, ['text', 'documentTitle', 'participant', 'codes.name']),
    [list, query],
  );
  useEffect(() => {
    // Cards show whether an excerpt is already on the board.
    if (!useBoard.getState().loaded) void useBoard.getState().load();
  }, []);

  return (
    <div className="view">
      <header className="view-head">
        <h1>Excerpts</h1>
        <div className="view-tools">
          <label className="select">
            <span className="visually-hidden">Filter by code</span>
            <select
              aria-label="Filter by code"
              value={codeFilter ?? ''}
              onChange={(e) =>
                void useExcerpts.getState().setFilter(e.target.value ? (Number(e.target.value) as CodeId) : null)
              }
            >
              <option value="">All codes</option>
              {rows.map((r) => (
                <option key={r.code.id} value={r.code.id}>
                  {r.path} ({r.code.excerpts})
                </option>
              ))}
            </select>
          </label>
          <div className="filter">
            <Icon name="search" />
            <input
              type="search"
              aria-label="Filter excerpts"
              placeholder="Filter excerpts"
              value={query}
              onChange={(e) => useExcerpts.getState().setQuery(e.target.value)}
            />
          </div>
        </div>
      </header>
      <div className="view-body">
        {loaded && list.length === 0 ? (
          <div className="empty">
            <h2>No excerpts{codeFilter !== null ? ' for this code' : ' yet'}</h2>
            <p className="muted">
              Select text in a transcript and press <kbd>C</kbd> to code it; coded passages are listed here.
            </p>
          </div>
        ) : (
          <>
            <p className="muted small view-count">
              {shown.length} of {list.length} excerpt{list.length === 1 ? '' : 's'}
            </p>
            <ExcerptList excerpts={shown} label="Excerpts" />
          </>
        )}
      </div>
    </div>
  );
}
