import { useMemo } from 'react';
import type { DocumentId, DocumentSummary } from '../../../../core/contract/index.js';
import { fuzzyFilter } from '../../lib/fuzzy.js';
import { useBoard } from '../../stores/board.js';
import { useCodes } from '../../stores/codes.js';
import { useDocuments } from '../../stores/documents.js';
import { useHypotheses } from '../../stores/hypotheses.js';
import { useInsights } from '../../stores/insights.js';
import { useMemos } from '../../stores/memos.js';
import { useMetrics } from '../../stores/metrics.js';
import { type Section, useNav } from '../../stores/nav.js';
import { useParticipants } from '../../stores/participants.js';
import { useProject } from '../../stores/project.js';
import { Icon, type IconName } from '../common/Icon.js';
import { ImportButton, ImportFolderButton, PasteButton } from '../common/ImportButton.js';
import { useWindowedList } from '../common/useWindowedList.js';

const SECTIONS: { id: Section; label: string; icon: IconName }[] = [
  { id: 'documents', label: 'Documents', icon: 'documents' },
  { id: 'codes', label: 'Codes', icon: 'codes' },
  { id: 'excerpts', label: 'Excerpts', icon: 'excerpts' },
  { id: 'retrieve', label: 'Retrieve', icon: 'retrieve' },
  { id: 'memos', label: 'Memos', icon: 'memo' },
  { id: 'participants', label: 'Participants', icon: 'participants' },
  { id: 'board', label: 'Board', icon: 'board' },
  { id: 'insights', label: 'Insights', icon: 'insight' },
  { id: 'hypotheses', label: 'Hypotheses', icon: 'hypothesis' },
  { id: 'metrics', label: 'Metrics', icon: 'metrics' },
  { id: 'analysis', label: 'Analysis', icon: 'analysis' },
  { id: 'search', label: 'Search', icon: 'search' },
];

export function Rail() {
  const project = useProject((s) => s.status?.project);
  const section = useNav((s) => s.section);
  const go = useNav((s) => s.go);
  const docs = useDocuments((s) => s.list);
  const codes = useCodes((s) => s.list.length);
  const cards = useBoard((s) => s.current?.cards.length ?? null);
  const excerpts = docs.reduce((n, d) => n + d.excerpts, 0);
  const memoCount = useMemos((s) => s.list.length);
  const participants = useParticipants((s) => s.list.length);
  const counts: Record<Section, number | null> = {
    documents: docs.length,
    codes,
    excerpts,
    retrieve: null,
    memos: memoCount,
    participants,
    board: cards,
    insights: useInsights((s) => (s.loaded ? s.list.length : null)),
    hypotheses: useHypotheses((s) => (s.loaded ? s.list.length : null)),
    metrics: useMetrics((s) => (s.loaded ? s.list.length : null)),
    analysis: null,
    search: null,
  };

  return (
    <nav className="rail" aria-label="Project">
      <div className="rail-project">
        <button
          type="button"
          className="rail-project-button"
          title={project?.path}
          aria-label={`Project ${project?.name ?? ''}: switch project`}
          onClick={() => useNav.getState().setProjectsOpen(true)}
        >
          <span className="rail-logo" aria-hidden="true">
            Q
          </span>
          <span className="rail-project-name">{project?.name}</span>
          <Icon name="chevron" />
        </button>
      </div>
      <ul className="rail-sections">
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="rail-section"
              aria-current={section === s.id ? 'page' : undefined}
              onClick={() => go(s.id)}
            >
              <Icon name={s.icon} />
              <span>{s.label}</span>
              {counts[s.id] !== null && <span className="count">{counts[s.id]}</span>}
            </button>
          </li>
        ))}
      </ul>
      <div className="rail-actions">
        <ImportButton className="button rail-action" />
        <ImportFolderButton className="button rail-action" />
        <PasteButton className="button rail-action" />
        <button type="button" className="button rail-action" onClick={() => useNav.getState().setExportOpen(true)}>
          <Icon name="export" />
          Export…
        </button>
      </div>
      <DocumentList />
    </nav>
  );
}

function DocumentList() {
  const list = useDocuments((s) => s.list);
  const loaded = useDocuments((s) => s.loaded);
  const query = useDocuments((s) => s.query);
  const openId = useDocuments((s) => s.openId);
  const section = useNav((s) => s.section);
  const shown = useMemo(() => fuzzyFilter(list, query, ['title', 'participant']), [list, query]);

  return (
    <section className="rail-docs" aria-labelledby="rail-docs-title">
      <h2 id="rail-docs-title" className="rail-heading">
        Documents
      </h2>
      {list.length > 0 && (
        <div className="filter">
          <Icon name="search" />
          <input
            type="search"
            aria-label="Filter documents"
            placeholder="Filter documents"
            value={query}
            onChange={(e) => useDocuments.getState().setQuery(e.target.value)}
          />
        </div>
      )}
      {loaded && list.length === 0 && (
        <p className="rail-empty">
          No documents yet. Import transcripts, notes or survey exports, or drop files and folders anywhere on the
          window.
        </p>
      )}
      {list.length > 0 && shown.length === 0 && <p className="rail-empty">No document matches “{query}”.</p>}
      <DocList shown={shown} openId={openId} section={section} />
    </section>
  );
}

/** The document list scrolls itself; hundreds of documents render only the rows in view. */
function DocList({ shown, openId, section }: { shown: DocumentSummary[]; openId: DocumentId | null; section: string }) {
  const w = useWindowedList<HTMLUListElement>({ count: shown.length, estimate: 52 });
  return (
    <ul ref={w.ref} className="doc-list" aria-label="Documents" data-rows={shown.length} style={w.padding(0, 0)}>
      {shown.slice(w.start, w.end).map((d, k) => (
        <li key={d.id} ref={w.measure(w.start + k)}>
          <button
            type="button"
            className="doc-item"
            aria-current={d.id === openId && section === 'documents' ? 'true' : undefined}
            onClick={() => {
              useNav.getState().go('documents');
              void useDocuments.getState().open(d.id);
            }}
          >
            <span className="doc-title">{d.title}</span>
            <span className="doc-meta">
              {[d.participant, d.turns ? `${d.turns} turns` : null, d.excerpts ? `${d.excerpts} coded` : null]
                .filter(Boolean)
                .join(' · ') || d.format}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
