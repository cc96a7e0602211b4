/**
 * A Server-Sent Events reader over fetch(). EventSource cannot send headers, so it could only
 * authenticate with a cookie or a token in the URL, both of which leak (see session.ts); this
 * reads the same text/event-stream with the Authorization header, and reconnects after the
 * server's `retry:` delay when the stream ends or fails.
 */

export interface EventStreamOptions {
  url: string;
  headers: () => Record<string, string>;
  /** Each event's `data` (its data lines joined with \n). */
  onData: (data: string) => void;
  /** The server refused the request (401/403): reconnecting cannot help. */
  onRefused?: (status: number) => void;
}

/** Splits a stream's text into events; keeps an incomplete tail for the next chunk. */
export class EventParser {
  private buffer = '';
  private data: string[] = [];
  retryMs: number | null = null;

  constructor(private readonly emit: (data: string) => void) {}

  /** A chunk ended on \r: a \n opening the next chunk belongs to the same line end. */
  private afterCR = false;

  push(text: string): void {
    if (text === '') return;
    this.buffer += this.afterCR && text.startsWith('\n') ? text.slice(1) : text;
    this.afterCR = false;
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      if (end < 0) return;
      const line = this.buffer.slice(0, end);
      const crlf = this.buffer.startsWith('\r\n', end);
      if (this.buffer[end] === '\r' && !crlf && end === this.buffer.length - 1) this.afterCR = true;
      this.buffer = this.buffer.slice(end + (crlf ? 2 : 1));
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.emit(this.data.join('\n'));
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return; // comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }
}

/** Opens the stream and keeps it open until the returned function is called. */
export function openEventStream(options: EventStreamOptions): () => void {
  const controller = new AbortController();
  let stopped = false;
  let retryMs = 2000;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function connect(): Promise<void> {
    const parser = new EventParser(options.onData);
    try {
      const response = await fetch(options.url, {
        headers: { Accept: 'text/event-stream', ...options.headers() },
        cache: 'no-store',
        credentials: 'omit',
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403) {
        options.onRefused?.(response.status);
        return;
      }
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
        if (parser.retryMs !== null) retryMs = parser.retryMs;
      }
    } catch {
      // Aborted by stop(), or the server went away: both end here; the timer below decides.
    }
    if (!stopped) timer = setTimeout(() => void connect(), retryMs);
  }

  void connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    controller.abort();
  };
}
