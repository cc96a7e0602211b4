/** The export menu: report format, redaction, and saving the result as a download. */
import { create } from 'zustand';
import { bridge, getClient, unwrap } from '../client/index.js';
import { downloadFile } from '../lib/files.js';
import { guard, useActivity } from './activity.js';

export type ReportFormat = 'md' | 'html';

interface ExportState {
  format: ReportFormat;
  redact: boolean;
  busy: boolean;
  setFormat(format: ReportFormat): void;
  setRedact(redact: boolean): void;
  run(): Promise<boolean>;
}

export const useExport = create<ExportState>()((set, get) => ({
  format: 'html',
  redact: false,
  busy: false,
  setFormat: (format) => set({ format }),
  setRedact: (redact) => set({ redact }),
  async run() {
    if (get().busy) return false;
    const { format, redact } = get();
    const activity = useActivity.getState();
    set({ busy: true });
    activity.setWork(`Exporting the ${format === 'md' ? 'Markdown' : 'HTML'} report…`);
    try {
      const result = await guard(() => getClient().call('export.report', { format, redact }));
      if (!result) return false;
      const save = bridge()?.saveDialog;
      if (save) {
        // Electron: a native "save as" writes the file where the researcher chooses.
        const saved = await guard(async () =>
          unwrap(
            await save({ purpose: 'export', fileName: result.fileName, encoding: result.encoding, data: result.data }),
          ),
        );
        if (!saved || saved.canceled) return false;
        activity.toast('success', `Saved ${saved.path}`);
        return true;
      }
      downloadFile(result.fileName, result.mediaType, result.data, result.encoding);
      activity.toast('success', `Exported ${result.fileName}`);
      return true;
    } finally {
      set({ busy: false });
      activity.setWork(null);
    }
  },
}));
