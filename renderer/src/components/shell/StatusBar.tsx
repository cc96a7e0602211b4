import { useState } from 'react';
import { useActivity } from '../../stores/activity.js';
import { useHistory } from '../../stores/history.js';
import { useNav } from '../../stores/nav.js';
import { useProject } from '../../stores/project.js';
import { Icon } from '../common/Icon.js';
import { CoderDialog } from './CoderDialog.js';

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function StatusBar() {
  const project = useProject((s) => s.status?.project);
  const coder = useProject((s) => s.status?.coder);
  const pending = useActivity((s) => s.pending);
  const work = useActivity((s) => s.work);
  const lastError = useActivity((s) => s.lastError);
  const { canUndo, canRedo, undoLabel, redoLabel } = useHistory();
  const saveState = pending > 0 ? 'Saving…' : 'All changes saved';
  const [coderOpen, setCoderOpen] = useState(false);
  return (
    <footer className="statusbar">
      <span className="status-file" title={project?.path}>
        {project ? baseName(project.path) : ''}
      </span>
      <span className="status-history">
        <button
          type="button"
          className="icon-button"
          aria-label={undoLabel ?? 'Nothing to undo'}
          title={undoLabel ? `${undoLabel} (Ctrl/⌘ Z)` : 'Nothing to undo'}
          disabled={!canUndo}
          onClick={() => void useHistory.getState().undo()}
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={redoLabel ?? 'Nothing to redo'}
          title={redoLabel ? `${redoLabel} (Shift Ctrl/⌘ Z)` : 'Nothing to redo'}
          disabled={!canRedo}
          onClick={() => void useHistory.getState().redo()}
        >
          <Icon name="redo" />
        </button>
      </span>
      <span className="status-save" role="status" aria-label="Save state">
        <span className={`status-dot ${pending > 0 ? 'busy' : ''}`} aria-hidden="true" />
        {saveState}
      </span>
      {work && (
        <span className="status-work" role="status">
          {work}
        </span>
      )}
      {lastError && (
        <span className="status-error" role="alert">
          <span className="status-error-text">{lastError}</span>
          <button
            type="button"
            className="link"
            aria-label="Dismiss error"
            onClick={() => useActivity.getState().clearError()}
          >
            Dismiss
          </button>
        </span>
      )}
      <span className="status-spacer" />
      {coder && (
        <button
          type="button"
          className="link status-coder"
          title="Change who is recorded on new codings"
          onClick={() => setCoderOpen(true)}
        >
          Coder: {coder.name}
        </button>
      )}
      {coderOpen && coder && <CoderDialog current={coder.name} onClose={() => setCoderOpen(false)} />}
      <button type="button" className="link status-help" onClick={() => useNav.getState().setShortcutsOpen(true)}>
        Shortcuts ?
      </button>
    </footer>
  );
}
