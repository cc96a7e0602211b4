import { useDocuments } from '../../stores/documents.js';
import { ImportButton } from '../common/ImportButton.js';
import { Reader } from './Reader.js';

/** The Documents section's centre: the open document, or how to get one. */
export function ReaderView() {
  const doc = useDocuments((s) => s.doc);
  const openId = useDocuments((s) => s.openId);
  const loaded = useDocuments((s) => s.loaded);
  const count = useDocuments((s) => s.list.length);
  if (doc) return <Reader doc={doc} />;
  if (openId !== null || !loaded) return <div className="empty muted">Loading…</div>;
  return (
    <div className="empty">
      <h2>{count === 0 ? 'Bring your first transcript in' : 'Pick a document'}</h2>
      {count === 0 ? (
        <>
          <p className="muted">
            Import transcripts, notes and survey exports (.txt, .md, .docx, .vtt, .srt, .csv), or a project from another
            QDA tool (REFI-QDA .qdpx, .qdc). Lines like <code>Anna: …</code> become speaker turns. You can also drop
            files or folders anywhere on this window.
          </p>
          <ImportButton className="button primary" />
        </>
      ) : (
        <p className="muted">Choose a document on the left to read and code it.</p>
      )}
    </div>
  );
}
