/**
 * Files cross every host as base64 (so IPC, HTTP and the CLI behave alike). Node's decoder
 * silently skips characters that are not base64, which would store a damaged file as if it
 * were whole; these functions size the data before decoding and refuse anything that does not
 * decode to exactly that many bytes.
 */

/** The number of bytes `data` decodes to, or null when it cannot be base64 at all. */
export function base64Size(data: string): number | null {
  const compact = /\s/.test(data) ? data.replace(/\s/g, '') : data;
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 0x3d /* = */ && compact.length - end < 2) end--;
  if (end % 4 === 1) return null;
  return Math.floor((end * 3) / 4);
}

/** The bytes of `data`, or null when it is not well-formed base64. */
export function decodeBase64(data: string): Buffer | null {
  const size = base64Size(data);
  if (size === null) return null;
  const bytes = Buffer.from(data, 'base64');
  return bytes.byteLength === size ? bytes : null;
}
