/** The panel beside the Participants table: how the table works. */
export function ParticipantsContext() {
  return (
    <section className="panel-section" aria-labelledby="panel-participants">
      <h2 id="panel-participants">Participants</h2>
      <p className="muted small">
        Edit a cell and press Enter (or leave it) to save; Esc puts the old value back. Clearing a cell removes the
        value.
      </p>
      <p className="muted small">
        Attributes are typed: numbers, dates (YYYY-MM-DD), a choice from a list, or yes/no. Search and retrieval can
        filter by them.
      </p>
      <p className="muted small">Every change can be undone with Ctrl/⌘ Z.</p>
    </section>
  );
}
