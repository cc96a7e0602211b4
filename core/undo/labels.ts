/**
 * Which contract calls are undoable, and how their undo step is named ("apply code Price").
 * Labels are computed before the call runs, so deleted things still have their names.
 */
import type { MethodName, ParsedInputOf } from '../contract/methods.js';
import type { CodeId } from '../contract/types.js';
import type { ProjectContext } from '../services/context.js';

type Labeller<K extends MethodName> = (ctx: ProjectContext, input: ParsedInputOf<K>) => string;
export type UndoLabels = { [K in MethodName]?: Labeller<K> };

const codeName = (ctx: ProjectContext, id: CodeId) => ctx.repos.codes.get(id)?.name ?? `code ${id}`;
const codeNames = (ctx: ProjectContext, ids: readonly CodeId[]) =>
  [...new Set(ids)].map((id) => codeName(ctx, id)).join(', ');
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
  'search.codeAll': (ctx, i) =>
    `code ${i.hits ? plural(i.hits.length, 'hit') : 'all hits'} of "${i.query}" with ${codeName(ctx, i.codeId)}`,
  'boards.create': (_, i) => `create board ${i.name}`,
  'boards.addGroup': (_, i) => `add group ${i.name}`,
  'boards.updateGroup': (_, i) => (i.x !== undefined || i.y !== undefined ? 'move group' : 'edit group'),
  'boards.deleteGroup': () => 'delete group',
  'boards.addCard': (_, i) => (i.excerptId !== undefined ? 'add excerpt to board' : 'add note'),
  'boards.moveCard': () => 'move card',
  'boards.deleteCard': () => 'delete card',
  'insights.add': (_, i) => `add insight ${i.title}`,
  'metrics.add': (_, i) => `add measure ${i.name}`,
  'metrics.import': (_, i) => `import ${i.metric} for ${i.round}`,
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
