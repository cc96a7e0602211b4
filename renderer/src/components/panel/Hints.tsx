/** What the panel shows when nothing is selected. */
export function Hints() {
  return (
    <section className="panel-section" aria-labelledby="panel-hints">
      <h2 id="panel-hints">Details</h2>
      <p className="muted small">Select text or an excerpt to see its codes and where it is used.</p>
      <p className="muted small">
        Press <kbd>?</kbd> for keyboard shortcuts.
      </p>
    </section>
  );
}
