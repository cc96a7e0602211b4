/**
 * Create / open / recent: the same forms on the start screen and in the project switcher.
 * In a browser the researcher types a path; Electron can offer native dialogs instead.
 */
import { type FormEvent, useId, useState } from 'react';
import { bridge } from '../../client/index.js';
import { useProject } from '../../stores/project.js';
import { Icon } from '../common/Icon.js';

function relativeTime(iso: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const minutes = Math.round((Date.now() - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(then).toLocaleDateString();
}

export function CreateProjectForm() {
  const id = useId();
  const create = useProject((s) => s.create);
  const native = useProject((s) => s.status?.nativeDialogs ?? false);
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const picker = native ? bridge()?.pickNewProjectPath : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!path.trim() || busy) return;
    setBusy(true);
    await create(path, name);
    setBusy(false);
  }

  if (picker) {
    return (
      <button
        type="button"
        className="button primary"
        onClick={async () => {
          const chosen = await picker();
          if (chosen) await create(chosen);
        }}
      >
        Create project…
      </button>
    );
  }
  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={`${id}-path`}>Project file</label>
      <input
        id={`${id}-path`}
        name="path"
        required
        spellCheck={false}
        autoComplete="off"
        placeholder="/home/you/Research/checkout-study.quarry"
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
      <label htmlFor={`${id}-name`}>
        Name <span className="muted">(optional)</span>
      </label>
      <input
        id={`${id}-name`}
        name="name"
        autoComplete="off"
        placeholder="Checkout study, round 2"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button primary" disabled={!path.trim() || busy}>
        {busy ? 'Creating…' : 'Create project'}
      </button>
    </form>
  );
}

export function OpenProjectForm() {
  const id = useId();
  const open = useProject((s) => s.open);
  const native = useProject((s) => s.status?.nativeDialogs ?? false);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const picker = native ? bridge()?.pickProjectPath : undefined;

  if (picker) {
    return (
      <button
        type="button"
        className="button"
        onClick={async () => {
          const chosen = await picker();
          if (chosen) await open(chosen);
        }}
      >
        Open project…
      </button>
    );
  }
  return (
    <form
      className="form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!path.trim() || busy) return;
        setBusy(true);
        await open(path);
        setBusy(false);
      }}
    >
      <label htmlFor={`${id}-open`}>Project file to open</label>
      <input
        id={`${id}-open`}
        name="open-path"
        required
        spellCheck={false}
        autoComplete="off"
        placeholder="/home/you/Research/study.quarry"
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
      <button type="submit" className="button" disabled={!path.trim() || busy}>
        {busy ? 'Opening…' : 'Open project'}
      </button>
    </form>
  );
}

const NONE: never[] = [];

export function RecentProjects() {
  const recent = useProject((s) => s.status?.recent ?? NONE);
  const current = useProject((s) => s.status?.project?.path ?? null);
  const open = useProject((s) => s.open);
  const others = recent.filter((r) => r.path !== current);
  if (others.length === 0) return <p className="muted">Projects you open will be listed here.</p>;
  return (
    <ul className="recent" aria-label="Recent projects">
      {others.map((r) => (
        <li key={r.path}>
          <button type="button" className="recent-item" onClick={() => void open(r.path)} title={r.path}>
            <Icon name="folder" />
            <span className="recent-text">
              <span className="recent-name">{r.name}</span>
              <span className="recent-path">{r.path}</span>
            </span>
            <span className="recent-when">{relativeTime(r.openedAt)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
