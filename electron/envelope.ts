/**
 * Everything the main process hands the renderer is an Envelope: a result or a wire error
 * with a user-facing message. Nothing thrown in main ever reaches the renderer as a stack.
 */
import type { Envelope } from '../core/contract/client.js';
import { toWireError } from '../core/errors.js';

export async function toEnvelope<O>(run: () => O | Promise<O>): Promise<Envelope<O>> {
  try {
    return { ok: true, result: await run() };
  } catch (err) {
    const { kind, message } = toWireError(err);
    return { ok: false, error: { kind, message } };
  }
}
