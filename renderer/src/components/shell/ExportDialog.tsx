import { useEffect } from 'react';
import type { ExportTable, ReportLanguage } from '../../../../core/contract/report-types.js';
import { type CodeChoice, type ReportFormat, type SectionFlag, useExport } from '../../stores/exporter.js';
import { useNav } from '../../stores/nav.js';
import { Dialog } from '../common/Dialog.js';

const FORMATS: { value: ReportFormat; label: string; note: string }[] = [
  { value: 'html', label: 'HTML report', note: 'one self-contained page; reads on a phone, prints well' },
  { value: 'pdf', label: 'PDF', note: 'the same report, ready to send' },
  { value: 'docx', label: 'Word document', note: 'with headings, quote styles and tables, to edit' },
  { value: 'pptx', label: 'Insight deck', note: 'a slide per insight with its quotes (PowerPoint, Keynote, Impress)' },
  { value: 'md', label: 'Markdown', note: 'for docs and wikis' },
  { value: 'xlsx', label: 'Excel workbook', note: 'excerpts, codebook and code × participant counts, a sheet each' },
  { value: 'csv', label: 'CSV table', note: 'one table for R, SPSS or pandas' },
];

const TABLES: { value: ExportTable; label: string }[] = [
  { value: 'excerpts', label: 'Excerpts with codes, participants and attributes' },
  { value: 'codebook', label: 'Codebook with definitions' },
  { value: 'matrix', label: 'Code × participant counts' },
];

const SECTIONS: { value: SectionFlag; label: string }[] = [
  { value: 'executiveSummary', label: 'Executive summary' },
  { value: 'insights', label: 'Insights with evidence' },
  { value: 'hypotheses', label: 'Hypotheses' },
  { value: 'charts', label: 'Charts' },
  { value: 'method', label: 'Method' },
  { value: 'participants', label: 'Participants' },
  { value: 'appendix', label: 'Appendix (codebook, documents, memos)' },
];

const LANGUAGES: { value: ReportLanguage; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
  { value: 'ja', label: '日本語' },
  { value: 'zh', label: '中文' },
];

const CODE_CHOICES: { value: CodeChoice; label: string }[] = [
  { value: 'all', label: 'All codes' },
  { value: 'some', label: 'Chosen codes' },
  { value: 'none', label: 'No themes section' },
];

export function ExportDialog() {
  const s = useExport();
  const close = () => useNav.getState().setExportOpen(false);
  useEffect(() => {
    void useExport.getState().load();
  }, []);
  const cancel = () => {
    if (useExport.getState().busy) useExport.getState().cancel();
    close();
  };
  return (
    <Dialog label="Export report" onClose={cancel}>
      <form
        className="form export-form"
        data-export-dialog
        onSubmit={async (e) => {
          e.preventDefault();
          if (await useExport.getState().run()) close();
        }}
      >
        <h2>Export report</h2>
        <p className="muted">Insights first, each with how many people back it and their best quotes.</p>
        <fieldset className="choices">
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label className="choice" key={f.value}>
              <input
                type="radio"
                name="format"
                value={f.value}
                data-export-format={f.value}
                checked={s.format === f.value}
                onChange={() => s.setFormat(f.value)}
              />
              <span>
                {f.label} <span className="muted">— {f.note}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {s.format === 'csv' && (
          <fieldset className="choices">
            <legend>Table</legend>
            {TABLES.map((t) => (
              <label className="choice" key={t.value}>
                <input
                  type="radio"
                  name="table"
                  value={t.value}
                  checked={s.table === t.value}
                  onChange={() => s.setTable(t.value)}
                />
                <span>{t.label}</span>
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="choices">
          <legend>Sections</legend>
          {SECTIONS.map((section) => (
            <label className="choice" key={section.value}>
              <input
                type="checkbox"
                data-export-section={section.value}
                checked={s.sections[section.value]}
                onChange={(e) => s.setSection(section.value, e.target.checked)}
              />
              <span>{section.label}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choices">
          <legend>Themes (codes)</legend>
          {CODE_CHOICES.map((c) => (
            <label className="choice" key={c.value}>
              <input
                type="radio"
                name="codes"
                data-export-codes={c.value}
                checked={s.codeChoice === c.value}
                onChange={() => s.setCodeChoice(c.value)}
              />
              <span>{c.label}</span>
            </label>
          ))}
          {s.codeChoice === 'some' && (
            <div className="export-list" data-export-code-list>
              {s.codes.length === 0 && <p className="muted">No codes yet.</p>}
              {s.codes.map((code) => (
                <label className="choice" key={code.id}>
                  <input
                    type="checkbox"
                    data-export-code={code.name}
                    checked={s.codeIds.includes(code.id)}
                    onChange={(e) => s.toggleCode(code.id, e.target.checked)}
                  />
                  <span>
                    {code.name} <span className="muted">({code.excerpts})</span>
                  </span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        {s.boards.length > 0 && (
          <fieldset className="choices">
            <legend>Boards</legend>
            {s.boards.map((board) => (
              <label className="choice" key={board.id}>
                <input
                  type="checkbox"
                  data-export-board={board.name}
                  checked={s.boardIds.includes(board.id)}
                  onChange={(e) => s.toggleBoard(board.id, e.target.checked)}
                />
                <span>{board.name}</span>
              </label>
            ))}
          </fieldset>
        )}
        <label className="field">
          <span>Title</span>
          <input
            type="text"
            data-export-title
            value={s.title}
            placeholder="The project's name"
            maxLength={200}
            onChange={(e) => s.setTitle(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Language of headings</span>
          <select
            data-export-language
            value={s.language}
            onChange={(e) => s.setLanguage(e.target.value as ReportLanguage)}
          >
            {LANGUAGES.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            data-export-redact
            checked={s.redact}
            onChange={(e) => s.setRedact(e.target.checked)}
          />
          <span>
            Redact <span className="muted">— pseudonyms for every name, e-mails and phone numbers masked</span>
          </span>
        </label>
        {s.busy && (
          <p className="export-progress" role="status" data-export-progress>
            <progress /> {s.stage}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" data-export-cancel onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-export-run disabled={s.busy}>
            {s.busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
