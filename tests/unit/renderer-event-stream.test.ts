/** The fetch-based SSE reader's parser: events split across chunks, line ends, comments, retry. */
import { describe, expect, it } from 'vitest';
import { EventParser } from '../../renderer/src/client/event-stream.js';

function parse(chunks: string[]) {
  const events: string[] = [];
  const parser = new EventParser((data) => events.push(data));
  for (const chunk of chunks) parser.push(chunk);
  return { events, retry: parser.retryMs };
}

describe('EventParser', () => {
  const stream = 'retry: 2000\n: connected\n\ndata: {"method":"codes.add"}\n\n: ping\n\ndata: a\ndata: b\n\n';

  it('reads events, skips comments and keeps retry', () => {
    expect(parse([stream])).toEqual({ events: ['{"method":"codes.add"}', 'a\nb'], retry: 2000 });
  });

  it('gives the same events however the stream is cut into chunks', () => {
    for (let cut = 1; cut < stream.length; cut++) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)]).events).toEqual(['{"method":"codes.add"}', 'a\nb']);
    }
    expect(parse([...stream]).events).toEqual(['{"method":"codes.add"}', 'a\nb']);
  });

  it('accepts CRLF and CR line ends, split between chunks too', () => {
    expect(parse(['data: x\r', '\n\r\ndata:y\r\r']).events).toEqual(['x', 'y']);
  });

  it('does not emit an event before its blank line, nor an empty one', () => {
    expect(parse(['data: half']).events).toEqual([]);
    expect(parse(['\n\n\nevent: change\n\n']).events).toEqual([]);
  });
});
