/**
 * Files dropped on the window, folders included: each DataTransferItem's entry is walked
 * (webkitGetAsEntry; directory readers return entries in batches until an empty one), hidden
 * files and folders are skipped, and names keep their folder path ("interviews/p07.txt").
 */

export interface DroppedFile {
  name: string;
  file: File;
}

const hidden = (name: string) => name.startsWith('.');

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: DroppedFile[]): Promise<void> {
  if (hidden(entry.name)) return;
  if (entry.isFile) {
    out.push({ name: `${prefix}${entry.name}`, file: await fileOf(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    const children: FileSystemEntry[] = [];
    for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader))
      children.push(...batch);
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, `${prefix}${entry.name}/`, out);
  }
}

/**
 * Must be called synchronously inside the drop handler: the entries are only available
 * while the event is being dispatched. The walk itself continues afterwards.
 */
export function droppedFiles(data: DataTransfer): Promise<DroppedFile[]> {
  const entries = Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) {
    // No entry API (or synthetic items): plain files only.
    return Promise.resolve(Array.from(data.files).map((file) => ({ name: file.name, file })));
  }
  return (async () => {
    const out: DroppedFile[] = [];
    for (const entry of entries as FileSystemEntry[]) await walk(entry, '', out);
    return out;
  })();
}
