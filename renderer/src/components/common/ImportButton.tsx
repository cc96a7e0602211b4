import { useEffect, useRef } from 'react';
import { bridge } from '../../client/index.js';
import { readFileBase64 } from '../../lib/files.js';
import { useDocuments } from '../../stores/documents.js';
import { useImporter } from '../../stores/importer.js';
import { Icon } from './Icon.js';

export const IMPORT_ACCEPT = '.txt,.md,.markdown,.docx,.vtt,.srt,.csv,.tsv,.qdpx,.qdc';

/** Opens the system file chooser (several files at once) and imports what was chosen. */
export function ImportButton({ className }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const importing = useImporter((s) => s.running);
  const importFiles = useDocuments((s) => s.importFiles);
  const label = importing ? 'Importing…' : 'Import files';
  if (bridge()?.openDialog) {
    return (
      <button
        type="button"
        className={className ?? 'button'}
        onClick={() => void useDocuments.getState().importWithDialog()}
        disabled={importing}
      >
        <Icon name="import" />
        {label}
      </button>
    );
  }
  return (
    <>
      <button
        type="button"
        className={className ?? 'button'}
        onClick={() => input.current?.click()}
        disabled={importing}
      >
        <Icon name="import" />
        {label}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        aria-label="Choose files to import"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          void importFiles(files);
        }}
      />
    </>
  );
}

/** Opens the dialog for pasting text as a new document. */
export function PasteButton({ className }: { className?: string }) {
  return (
    <button type="button" className={className ?? 'button'} onClick={() => useImporter.getState().setPasteOpen(true)}>
      <Icon name="edit" />
      Paste text…
    </button>
  );
}

/** A chosen folder's files, with their folder path as the name; hidden files and folders skipped (as on drop). */
export function folderFiles(files: readonly File[]): { name: string; file: File }[] {
  return files
    .map((file) => ({ name: file.webkitRelativePath || file.name, file }))
    .filter(({ name }) => !name.split('/').some((part) => part.startsWith('.')))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Opens the system folder chooser and imports every file in the folder and its subfolders. */
export function ImportFolderButton({ className }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const importing = useImporter((s) => s.running);
  // React has no prop for this non-standard (but universally supported) attribute.
  useEffect(() => input.current?.setAttribute('webkitdirectory', ''), []);
  if (bridge()?.openDialog) return null;
  return (
    <>
      <button
        type="button"
        className={className ?? 'button'}
        onClick={() => input.current?.click()}
        disabled={importing}
        aria-label="Import a folder"
        title="Import every file in a folder and its subfolders"
      >
        <Icon name="import" />
        Folder…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        aria-label="Choose a folder to import"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const chosen = folderFiles(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = '';
          void useImporter
            .getState()
            .start(chosen.map(({ name, file }) => ({ name, read: () => readFileBase64(file) })));
        }}
      />
    </>
  );
}
