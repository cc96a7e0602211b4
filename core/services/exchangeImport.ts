/**
 * Stores a REFI-QDA import plan (core/exchange/readArchive.ts) in one transaction: coders,
 * the code tree, attributes, participants, documents, excerpts with their codings, memos and
 * sets. Rows keep their producer's GUID (lower-cased) unless the project already has that
 * GUID, when they get a new one — combining two copies of the same work is what merge is
 * for. Codes whose name a sibling already has, participants with a known label and
 * attributes with a known name are reused, not duplicated.
 */
import type { DocumentId } from '../contract/types.js';
import type { ExchangePlan } from '../exchange/readArchive.js';
import type { ProjectImporter } from '../importers/types.js';
import type { ProjectContext } from './context.js';
import { landCases, landCoders, landCodes, landVariables } from './exchange-import/codebook.js';
import { openLanding, plural } from './exchange-import/landing.js';
import { landDescriptions, landNotes, landSets } from './exchange-import/notes.js';
import { type ImportedFile, landSources } from './exchange-import/sources.js';
import type { MergeTally } from './exchange-import/tally.js';

export { emptyTally, type MergeTally } from './exchange-import/tally.js';

export interface StoredExchange {
  documentIds: DocumentId[];
  warnings: string[];
}

/**
 * With a tally, the plan is merged instead of imported: the same things are not added twice.
 * Documents with the same text are the same document, and their excerpts the same excerpts
 * (by GUID, else by span); coders match by GUID then name; a coding, memo or attribute value
 * already there is kept as it is, and differences are listed as conflicts.
 */
export function storeExchange(
  ctx: ProjectContext,
  file: ImportedFile,
  importer: ProjectImporter,
  plan: ExchangePlan,
  merge?: MergeTally,
): StoredExchange {
  return ctx.repos.tx(() => {
    // In dependency order: codings need codes and coders, documents their participants, memos their targets.
    const landing = openLanding(ctx, plan, merge);
    landCoders(landing);
    landCodes(landing);
    landVariables(landing);
    landCases(landing);
    const documentIds = landSources(landing, file, importer);
    landNotes(landing);
    landDescriptions(landing);
    landSets(landing);
    if (landing.renamedGuids > 0 && !merge) {
      landing.warnings.push(
        `${plural(landing.renamedGuids, 'item')} whose GUID this project already has got a new GUID (use merge to combine copies of the same work).`,
      );
    }
    return { documentIds, warnings: landing.warnings };
  });
}
