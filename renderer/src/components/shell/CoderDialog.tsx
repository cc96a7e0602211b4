import { useId, useState } from 'react';
import { useProject } from '../../stores/project.js';
import { useTeamwork } from '../../stores/teamwork.js';
import { Dialog } from '../common/Dialog.js';

/** Who is coding: the name every new coding records, for agreement statistics later. */
export function CoderDialog({ current, onClose }: { current: string; onClose(): void }) {
  const id = useId();
  const [name, setName] = useState(current);
  return (
    <Dialog label="Coder identity" onClose={onClose}>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await useProject.getState().setCoder(name)) onClose();
        }}
      >
        <h2>Who is coding?</h2>
        <p className="muted">
          Every coding you apply from now on records this name, so a team can compare its coders' work. Codings already
          made keep their coder.
        </p>
        <label htmlFor={`${id}-coder`}>Coder name</label>
        <input
          id={`${id}-coder`}
          name="coder"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
        <p className="muted">
          Working as a team?{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              onClose();
              void useTeamwork.getState().open('merge');
            }}
          >
            Merge a teammate's project…
          </button>{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              onClose();
              void useTeamwork.getState().open('agreement');
            }}
          >
            Compare coders…
          </button>
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
