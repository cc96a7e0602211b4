import { useEffect } from 'react';
import { useProject } from '../stores/project.js';
import { startSync } from '../stores/sync.js';
import { Shell } from './shell/Shell.js';
import { StartScreen } from './start/StartScreen.js';

export function App() {
  const status = useProject((s) => s.status);
  const booting = useProject((s) => s.booting);
  const bootError = useProject((s) => s.bootError);

  const projectName = status?.project?.name ?? null;
  useEffect(() => {
    document.title = projectName ? `${projectName} — Quarry` : 'Quarry';
  }, [projectName]);

  useEffect(() => {
    const stop = startSync();
    void useProject.getState().boot();
    return stop;
  }, []);

  if (!status && booting) {
    return (
      <div className="splash" role="status">
        Opening Quarry…
      </div>
    );
  }
  if (!status) {
    return (
      <div className="splash" role="alert">
        <p>{bootError ?? 'Quarry could not start.'}</p>
        <button type="button" className="button primary" onClick={() => void useProject.getState().boot()}>
          Try again
        </button>
      </div>
    );
  }
  if (!status.project) return <StartScreen />;
  return <Shell />;
}
