import { useNav } from '../../stores/nav.js';
import { useProject } from '../../stores/project.js';
import { Dialog } from '../common/Dialog.js';
import { CreateProjectForm, OpenProjectForm, RecentProjects } from '../start/ProjectForms.js';

/** The project switcher: the start screen's choices while a project is open. */
export function ProjectsDialog() {
  const close = () => useNav.getState().setProjectsOpen(false);
  const project = useProject((s) => s.status?.project);
  // Closing after a switch happens through the store: a new project path re-renders the shell.
  return (
    <Dialog label="Projects" onClose={close} className="wide">
      <h2>Projects</h2>
      {project && (
        <p className="muted">
          Open now: <strong>{project.name}</strong> <span className="path">{project.path}</span>
        </p>
      )}
      <div className="start-grid">
        <section aria-labelledby="switch-create">
          <h3 id="switch-create">Create a project</h3>
          <CreateProjectForm />
        </section>
        <section aria-labelledby="switch-open">
          <h3 id="switch-open">Open a project</h3>
          <OpenProjectForm />
          <h3>Recent projects</h3>
          <RecentProjects />
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
