import { useExport } from '../../stores/exporter.js';
import { useNav } from '../../stores/nav.js';
import { Dialog } from '../common/Dialog.js';

export function ExportDialog() {
  const format = useExport((s) => s.format);
  const redact = useExport((s) => s.redact);
  const busy = useExport((s) => s.busy);
  const close = () => useNav.getState().setExportOpen(false);
  return (
    <Dialog label="Export report" onClose={close}>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await useExport.getState().run()) close();
        }}
      >
        <h2>Export report</h2>
        <p className="muted">Codes with their excerpts, and the board's groups, with who said what.</p>
        <fieldset className="choices">
          <legend>Format</legend>
          <label className="choice">
            <input
              type="radio"
              name="format"
              value="html"
              checked={format === 'html'}
              onChange={() => useExport.getState().setFormat('html')}
            />
            <span>
              HTML report <span className="muted">— one self-contained page to share</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="format"
              value="md"
              checked={format === 'md'}
              onChange={() => useExport.getState().setFormat('md')}
            />
            <span>
              Markdown <span className="muted">— for docs and wikis</span>
            </span>
          </label>
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={redact} onChange={(e) => useExport.getState().setRedact(e.target.checked)} />
          <span>Redact participant names</span>
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
