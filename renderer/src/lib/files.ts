/** Reads a browser File as base64 (the contract carries file bytes as base64). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () =>
      reject(new Error(`Could not read ${file.name}: ${reader.error?.message ?? 'unknown error'}`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

/** Saves a text or base64 payload as a download through a temporary object URL. */
export function downloadFile(fileName: string, mediaType: string, data: string, encoding: 'utf8' | 'base64'): void {
  const blob =
    encoding === 'base64'
      ? new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: mediaType })
      : new Blob([data], { type: mediaType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
