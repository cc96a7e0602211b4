/**
 * The contract over HTTP: `POST /api/<method>` with a JSON body runs the method through the
 * same dispatcher as every other host and answers with the `{ok, result | error}` envelope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from '../../core/contract/depth.js';
import { localPathRefusal } from '../../core/contract/localPaths.js';
import { isMethodName } from '../../core/contract/methods.js';
import { type ErrorKind, toWireError } from '../../core/errors.js';
import type { Dispatcher } from '../../core/host.js';
import { CLIENT_HEADER } from './events.js';
import { sendError, sendJson } from './respond.js';

export const DEFAULT_MAX_BODY_BYTES = 512 * 1024 * 1024;

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  BadInput: 400,
  NotFound: 404,
  Conflict: 409,
  NoProject: 409,
  Unsupported: 415,
  Internal: 500,
};

class TooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

function tooLarge(res: ServerResponse, req: IncomingMessage, limit: number): void {
  res.setHeader('Connection', 'close');
  sendError(
    res,
    413,
    'BadInput',
    `The request is larger than ${Math.round(limit / 1024 / 1024)} MB. Import very large files with "quarry import" instead.`,
  );
  // Stop receiving the rest; the response is already on its way.
  res.on('finish', () => req.destroy());
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  methodName: string,
  dispatcher: Dispatcher,
  maxBodyBytes: number,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendError(res, 405, 'BadInput', 'Contract methods are called with POST.');
    return;
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    sendError(res, 415, 'BadInput', 'Send the input as JSON (Content-Type: application/json).');
    return;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) {
    tooLarge(res, req, maxBodyBytes);
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, maxBodyBytes);
  } catch (err) {
    if (err instanceof TooLarge) tooLarge(res, req, maxBodyBytes);
    else sendError(res, 400, 'BadInput', 'The request body could not be read.');
    return;
  }
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      sendError(res, 400, 'BadInput', 'The request body is not valid JSON.');
      return;
    }
    // Checked here too: the value crosses to the worker by structured clone, which recurses.
    if (nestsDeeperThan(input, MAX_INPUT_DEPTH)) {
      sendError(res, 400, 'BadInput', `The request body nests deeper than ${MAX_INPUT_DEPTH} levels.`);
      return;
    }
  }
  if (!isMethodName(methodName)) {
    sendError(res, 404, 'NotFound', `There is no method "${methodName}".`);
    return;
  }
  const refusal = localPathRefusal(methodName, input);
  if (refusal) {
    sendError(res, 400, 'BadInput', refusal);
    return;
  }
  try {
    const client = req.headers[CLIENT_HEADER];
    const origin = typeof client === 'string' && /^[0-9a-f-]{36}$/.test(client) ? client : undefined;
    const result = await dispatcher.dispatch(methodName, input, origin);
    sendJson(res, 200, { ok: true, result: result ?? null });
  } catch (err) {
    const wire = toWireError(err);
    sendJson(res, STATUS_BY_KIND[wire.kind] ?? 500, { ok: false, error: { kind: wire.kind, message: wire.message } });
  }
}
