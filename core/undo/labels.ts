/**
 * Which contract calls are undoable, and how their undo step is named ("apply code Price").
 * Labels are computed before the call runs, so deleted things still have their names.
 */

import type { MetricId } from '../contract/measures-types.js';
import type { MethodName, ParsedInputOf } from '../contract/methods.js';
import type { CodeId } from '../contract/types.js';
import type { ProjectContext } from '../services/context.js';

type Labeller<K extends MethodName> = (ctx: ProjectContext, input: ParsedInputOf<K>) => string;
export type UndoLabels = { [K in MethodName]?: Labeller<K> };

const codeName = (ctx: ProjectContext, id: CodeId) => ctx.repos.codes.get(id)?.name ?? `code ${id}`;
const codeNames = (ctx: ProjectContext, ids: readonly CodeId[]) =>
  [...new Set(ids)].map((id) => codeName(ctx, id)).join(', ');
const metricName = (ctx: ProjectContext, id: MetricId) => ctx.repos.metrics.get(id)?.name ?? `measure ${id}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const UNDO_LABELS: UndoLabels = {
  'codes.add': (_, i) => `add code ${i.name}`,
  'codes.rename': (ctx, i) => `rename ${codeName(ctx, i.id)} to ${i.name}`,
  'codes.update': (ctx, i) =>
    i.color !== undefined &&
    i.description === undefined &&
    i.inclusion === undefined &&
    i.exclusion === undefined &&
    i.example === undefined
      ? `recolour ${codeName(ctx, i.id)}`
      : `edit ${codeName(ctx, i.id)}`,
  'codes.move': (ctx, i) => `move ${codeName(ctx, i.id)}`,
  'codes.delete': (ctx, i) => `delete code ${codeName(ctx, i.id)}`,
  'codes.merge': (ctx, i) => `merge ${codeName(ctx, i.sourceId)} into ${codeName(ctx, i.targetId)}`,
  'codes.split': (ctx, i) => `split ${i.name} from ${codeName(ctx, i.id)}`,
  'excerpts.tag': (ctx, i) => `apply code ${codeNames(ctx, i.codeIds)}`,
  'excerpts.tagTurns': (ctx, i) =>
    i.speaker !== undefined
      ? `apply code ${codeNames(ctx, i.codeIds)} to ${i.speaker}'s turns`
      : `apply code ${codeNames(ctx, i.codeIds)} to ${plural(i.turns?.length ?? 0, 'turn')}`,
  'excerpts.tagBatch': (_, i) => `code ${plural(i.items.length, 'span')} from a file`,
  'excerpts.untag': (ctx, i) => `remove code ${codeName(ctx, i.codeId)}`,
  'excerpts.delete': () => 'delete excerpt',
  'excerpts.resize': () => 'resize excerpt',
  'memos.add': (_, i) => `add ${i.targetKind} memo`,
  'memos.update': () => 'edit memo',
  'memos.delete': () => 'delete memo',
  'attributes.add': (_, i) => `add attribute ${i.name}`,
  'attributes.update': () => 'edit attribute',
  'participants.add': (_, i) => `add participant ${i.label}`,
  'participants.update': (ctx, i) => `edit participant ${ctx.repos.participants.get(i.id)?.label ?? i.id}`,
  'participants.setAttributes': (ctx, i) => `set attributes of ${ctx.repos.participants.get(i.id)?.label ?? i.id}`,
  'documents.setParticipant': () => 'link document to participant',
  'participants.linkDocuments': (_, i) => `link ${plural(i.links.length, 'document')} to participants`,
  'search.codeAll': (ctx, i) =>
    `code ${i.hits ? plural(i.hits.length, 'hit') : 'all hits'} of "${i.query}"${i.extent && i.extent !== 'match' ? ` by ${i.extent}` : ''} with ${codeName(ctx, i.codeId)}`,
  'boards.create': (_, i) => `create board ${i.name}`,
  'boards.addGroup': (_, i) => `add group ${i.name}`,
  'boards.rename': (ctx, i) => `rename board ${ctx.repos.boards.get(i.id)?.name ?? i.id} to ${i.name}`,
  'boards.delete': (ctx, i) => `delete board ${ctx.repos.boards.get(i.id)?.name ?? i.id}`,
  'boards.fromCodes': (_, i) => `cluster ${plural(i.codeIds.length, 'code')} on a board`,
  'boards.updateGroup': (_, i) =>
    i.parentId !== undefined
      ? 'nest group'
      : i.collapsed !== undefined
        ? `${i.collapsed ? 'collapse' : 'expand'} group`
        : i.x !== undefined || i.y !== undefined
          ? 'move group'
          : 'edit group',
  'boards.deleteGroup': () => 'delete group',
  'boards.bindGroup': (ctx, i) =>
    i.codeId === null
      ? 'unbind group'
      : i.codeId !== undefined
        ? `bind group to ${codeName(ctx, i.codeId)}`
        : 'bind group to a new code',
  'boards.tidyGroup': () => 'tidy group',
  'boards.addCard': (_, i) => (i.excerptId !== undefined ? 'add excerpt to board' : 'add note'),
  'boards.addCards': (_, i) => `add ${plural(i.excerptIds.length, 'excerpt')} to board`,
  'boards.addSpans': (_, i) => `add ${plural(i.spans.length, 'search hit')} to board`,
  'boards.moveCard': () => 'move card',
  'boards.moveCards': (_, i) => (i.moves.length === 1 ? 'move card' : `move ${plural(i.moves.length, 'card')}`),
  'boards.updateCard': () => 'edit note',
  'boards.updateCards': (_, i) => `colour ${plural(i.ids.length, 'card')}`,
  'boards.deleteCard': () => 'delete card',
  'boards.deleteCards': (_, i) => `delete ${plural(i.ids.length, 'card')}`,
  'boards.vote': (_, i) => (i.delta > 0 ? `vote for ${i.target}` : `take back vote on ${i.target}`),
  'insights.add': (_, i) => `add insight ${i.title}`,
  'insights.update': () => 'edit insight',
  'insights.setEvidence': (_, i) => `mark evidence as ${i.stance === 'supports' ? 'supporting' : 'contradicting'}`,
  'insights.removeEvidence': () => 'remove evidence',
  'insights.reorder': () => 'reorder insights',
  'insights.delete': () => 'delete insight',
  'hypotheses.add': () => 'add hypothesis',
  'hypotheses.update': () => 'edit hypothesis',
  'hypotheses.setStatus': (_, i) => `mark hypothesis ${i.status}`,
  'hypotheses.linkEvidence': (_, i) =>
    `link ${plural(i.excerptIds.length, 'excerpt')} as ${i.stance === 'supports' ? 'supporting' : 'contradicting'}`,
  'hypotheses.unlinkEvidence': () => 'unlink evidence',
  'hypotheses.delete': () => 'delete hypothesis',
  'metrics.add': (_, i) => `add measure ${i.name}`,
  'metrics.import': (_, i) => `import ${i.metric} for ${i.round}`,
  'metrics.link': (ctx, i) =>
    `link ${i.insightId !== undefined ? 'insight' : 'hypothesis'} to ${metricName(ctx, i.metricId)}`,
  'metrics.unlink': (ctx, i) =>
    `unlink ${i.insightId !== undefined ? 'insight' : 'hypothesis'} from ${metricName(ctx, i.metricId)}`,
};

/** For tests and docs: an undoable method's label. */
export function undoLabel<K extends MethodName>(
  ctx: ProjectContext,
  method: K,
  input: ParsedInputOf<K>,
): string | null {
  const labeller = UNDO_LABELS[method] as Labeller<K> | undefined;
  return labeller ? labeller(ctx, input) : null;
}
