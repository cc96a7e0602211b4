import { useCoding } from '../../stores/coding.js';
import { useExcerpt } from '../../stores/lookup.js';
import { useNav } from '../../stores/nav.js';
import { MetricsContext } from '../metrics/MetricsContext.js';
import { BoardContext } from './BoardContext.js';
import { CodeContext } from './CodeContext.js';
import { DocumentContext } from './DocumentContext.js';
import { ExcerptContext } from './ExcerptContext.js';
import { Hints } from './Hints.js';
import { ParticipantsContext } from './ParticipantsContext.js';
import { SelectionContext } from './SelectionContext.js';

/** Context for what is selected: the selected text, an excerpt, or the current section's item. */
export function RightPanel() {
  const focusedId = useCoding((s) => s.focusedExcerptId);
  const excerpt = useExcerpt(focusedId);
  const selection = useCoding((s) => s.selection);
  const section = useNav((s) => s.section);
  return (
    <aside className="panel" aria-label="Selection details">
      {selection && section === 'documents' ? (
        <SelectionContext text={selection.text} />
      ) : excerpt ? (
        <ExcerptContext excerpt={excerpt} />
      ) : section === 'documents' ? (
        <DocumentContext />
      ) : section === 'board' ? (
        <BoardContext />
      ) : section === 'codes' ? (
        <CodeContext />
      ) : section === 'participants' ? (
        <ParticipantsContext />
      ) : section === 'metrics' ? (
        <MetricsContext />
      ) : (
        <Hints />
      )}
    </aside>
  );
}
