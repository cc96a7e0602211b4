/**
 * Coding from a file (`quarry tag --batch`): many spans, each with code names, in ONE
 * transaction. Codes named that do not exist yet are created at the top level. Any bad item
 * rejects the whole batch with its index in the error's detail (the CLI turns it into a line
 * number), and nothing is written.
 */
import type { CodeId, DocumentId, ExcerptId } from '../contract/types.js';
import { badInput, QuarryError } from '../errors.js';
import { addCode } from './codes.js';
import type { ProjectContext } from './context.js';
import { checkSpan, excerptSpan } from './excerpts.js';

export interface BatchItem {
  documentId: DocumentId;
  start: number;
  end: number;
  codes: string[];
}

/** Re-throws an item's failure with its index, so the caller can say which line was bad. */
function atItem<T>(index: number, work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof QuarryError) {
      throw new QuarryError(err.kind, `Item ${index + 1}: ${err.message}`, { ...err.detail, index });
    }
    throw err;
  }
}

export function tagBatch(ctx: ProjectContext, input: { items: BatchItem[] }): { excerptIds: ExcerptId[] } {
  const { repos } = ctx;
  const texts = new Map<DocumentId, string | undefined>();
  const textOf = (id: DocumentId) => {
    if (!texts.has(id)) texts.set(id, repos.documents.text(id));
    return texts.get(id);
  };
  // Everything that can be checked without writing is checked first.
  input.items.forEach((item, index) => {
    atItem(index, () => {
      const text = textOf(item.documentId);
      if (text === undefined) throw badInput(`There is no document with id ${item.documentId}.`);
      checkSpan(text, item.documentId, item.start, item.end);
      for (const name of item.codes) {
        if (repos.codes.findByName(name.trim()).length > 1) {
          throw badInput(`More than one code is named "${name.trim()}"; rename one of them first.`);
        }
      }
    });
  });
  return repos.tx(() => {
    const codeIds = new Map<string, CodeId>();
    const codeFor = (raw: string): CodeId => {
      const name = raw.trim();
      const key = name.toLowerCase();
      let id = codeIds.get(key);
      if (id === undefined) {
        id = repos.codes.findByName(name)[0]?.id ?? addCode(ctx, { name }).id;
        codeIds.set(key, id);
      }
      return id;
    };
    const coderId = ctx.coderId;
    const excerptIds = input.items.map((item, index) =>
      atItem(index, () => {
        const text = textOf(item.documentId) as string;
        const id =
          repos.excerpts.findSpan(item.documentId, item.start, item.end) ??
          repos.excerpts.insert(item.documentId, excerptSpan(text, item.start, item.end), coderId);
        for (const name of item.codes) repos.excerpts.addCoding(id, codeFor(name), coderId);
        return id;
      }),
    );
    return { excerptIds };
  });
}
