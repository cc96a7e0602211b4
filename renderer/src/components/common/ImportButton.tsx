import { useRef } from 'react';
import { useDocuments } from '../../stores/documents.js';
import { Icon } from './Icon.js';

export const IMPORT_ACCEPT = '.txt,.md,.markdown,.docx,.vtt,.srt,.csv,.qdpx,.qdc';

/** Opens the system file chooser (several files at once) and imports what was chosen. */
export function ImportButton({ className }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const importing = useDocuments((s) => s.importing);
  const importFiles = useDocuments((s) => s.importFiles);
  return (
    <>
      <button
        type="button"
        className={className ?? 'button'}
        onClick={() => input.current?.click()}
        disabled={importing}
      >
        <Icon name="import" />
        {importing ? 'Importing…' : 'Import files'}
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
