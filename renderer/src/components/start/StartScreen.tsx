import { useActivity } from '../../stores/activity.js';
import { CreateProjectForm, OpenProjectForm, RecentProjects } from './ProjectForms.js';

/** Shown when no project is open: create one, open one, or pick a recent one. */
export function StartScreen() {
  const lastError = useActivity((s) => s.lastError);
  return (
    <main className="start">
      <div className="start-inner">
        <header className="start-head">
          <h1>Quarry</h1>
          <p className="muted">
            Bring interviews in, code what matters, cluster the evidence, report. Everything stays in one file on this
            machine.
          </p>
        </header>
        <div className="start-grid">
          <section className="card" aria-labelledby="start-create">
            <h2 id="start-create">Create a project</h2>
            <CreateProjectForm />
          </section>
          <section className="card" aria-labelledby="start-open">
            <h2 id="start-open">Open a project</h2>
            <OpenProjectForm />
            <h3 className="start-recent-title">Recent projects</h3>
            <RecentProjects />
          </section>
        </div>
        {/* Errors show here, beside the forms, rather than as toasts. */}
        {lastError && (
          <p className="start-error" role="alert">
            {lastError}
          </p>
        )}
      </div>
    </main>
  );
}
