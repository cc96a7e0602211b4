import { useEffect, useState } from 'react';
import { droppedFiles } from '../../lib/dropped.js';
import { readFileBase64 } from '../../lib/files.js';
import { useImporter } from '../../stores/importer.js';

function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/** Files and folders dragged from the desktop onto any part of the window are imported. */
export function DropZone() {
  const [active, setActive] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setActive(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setActive(false);
      if (!e.dataTransfer) return;
      void droppedFiles(e.dataTransfer).then((files) =>
        useImporter.getState().start(files.map((f) => ({ name: f.name, read: () => readFileBase64(f.file) }))),
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!active) return null;
  return (
    <div className="dropzone" aria-hidden="true">
      <div className="dropzone-card">Drop files or folders to import them</div>
    </div>
  );
}
