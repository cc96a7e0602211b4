/**
 * The first stages of a REFI-QDA import: coders, the code tree, variables as typed attributes,
 * and cases as participants with their values.
 */
import type { AttributeRow } from '../../../db/repositories/participants.js';
import type { CodeId, CoderId, ParticipantId } from '../../contract/types.js';
import type { RefiCode, RefiVariableType } from '../../exchange/model.js';
import { keyBetween } from '../../order/keys.js';
import { normaliseValue } from '../attributes.js';
import { CODE_PALETTE } from '../palette.js';
import { type Landing, plural, were } from './landing.js';

/** `#RGB` or `#RRGGBB` as Quarry stores colours (`#RRGGBB`, upper case), or null. */
export function refiColor(color: string | null): string | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return `#${hex.toUpperCase()}`;
}

/** One coder per person, matched by GUID (and by name when merging). */
export function landCoders({ ctx: { repos }, plan, merge, coders }: Landing): void {
  for (const user of plan.project.users) {
    let existing = repos.exchange.idOf('coders', user.guid) as CoderId | undefined;
    if (merge) existing ??= repos.coders.findByName(user.name.trim())?.id;
    coders.set(user.guid, existing ?? repos.exchange.insertCoder(user.guid, user.name.trim() || 'Unknown coder'));
  }
}

/** The code tree, reusing a code by GUID or a sibling of the same name; a merge lists what differs. */
export function landCodes(landing: Landing): void {
  const { ctx, plan, merge, codes, warnings } = landing;
  const { repos } = ctx;
  let reusedCodes = 0;
  let colourIndex = 0;
  const conflictsWith = (id: CodeId, name: string, code: RefiCode) => {
    const ours = repos.codes.get(id);
    if (!merge || !ours) return;
    const theirs = refiColor(code.color);
    if (ours.name !== name) merge.conflicts.push(`Code "${ours.name}" is named "${name}" there; kept "${ours.name}".`);
    if ((code.description?.trim() ?? '') !== '' && code.description?.trim() !== ours.description.trim()) {
      merge.conflicts.push(`Code "${ours.name}" has another description there; kept this project's.`);
    }
    if (theirs && theirs !== ours.color.toUpperCase()) {
      merge.conflicts.push(`Code "${ours.name}" has the colour ${theirs} there; kept ${ours.color}.`);
    }
  };
  const addCode = (code: RefiCode, parentId: CodeId | null) => {
    const name = code.name.trim() || '(unnamed code)';
    let id = codes.get(code.guid) ?? (repos.exchange.idOf('codes', code.guid) as CodeId | undefined);
    if (id === undefined) {
      id = repos.codes.findSibling(parentId, name);
      if (id !== undefined) reusedCodes++;
    }
    if (merge && id !== undefined) {
      merge.codes.matched++;
      conflictsWith(id, name, code);
    }
    if (id === undefined) {
      if (merge) merge.codes.added++;
      id = repos.codes.insert(
        {
          name,
          parentId,
          color: refiColor(code.color) ?? CODE_PALETTE[colourIndex++ % CODE_PALETTE.length] ?? '#4C9A2A',
          description: code.description?.trim() ?? '',
          createdBy: null,
        },
        keyBetween(repos.codes.lastKey(parentId), null),
      );
      repos.exchange.setGuid('codes', id, landing.guidFor('codes', code.guid));
    }
    codes.set(code.guid, id);
    for (const child of code.children) addCode(child, id);
  };
  for (const code of plan.project.codes) addCode(code, null);
  if (reusedCodes > 0 && !merge) {
    warnings.push(
      `${plural(reusedCodes, 'code')} already in the project by name ${were(reusedCodes)} reused, not duplicated.`,
    );
  }
}

const ATTRIBUTE_TYPES: Record<RefiVariableType, AttributeRow['type']> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

/** Variables become typed attributes, reused by GUID or name. */
export function landVariables(landing: Landing): void {
  const { repos } = landing.ctx;
  for (const variable of landing.plan.project.variables) {
    const name = variable.name.trim() || variable.guid;
    const byGuid = repos.exchange.idOf('attributes', variable.guid);
    let row = byGuid !== undefined ? repos.participants.attribute(byGuid) : repos.participants.attributeByName(name);
    if (!row) {
      const id = repos.participants.insertAttribute(name, ATTRIBUTE_TYPES[variable.type], []);
      repos.exchange.setGuid('attributes', id, landing.guidFor('attributes', variable.guid));
      row = repos.participants.attribute(id);
    }
    if (row) landing.attributes.set(variable.guid, row);
  }
}

/**
 * Cases become participants (reused by GUID or label) with their values and the sources they own.
 * A merge keeps a value this project already has and lists the difference.
 */
export function landCases(landing: Landing): void {
  const { ctx, plan, merge, warnings } = landing;
  const { repos } = ctx;
  let selectionRefs = 0;
  for (const kase of plan.project.cases) {
    const label = kase.name.trim() || kase.guid;
    let id = repos.exchange.idOf('participants', kase.guid) as ParticipantId | undefined;
    id ??= repos.participants.findByLabel(label)?.id;
    if (merge) merge.participants[id === undefined ? 'added' : 'matched']++;
    const known = new Map(
      id === undefined ? [] : repos.participants.attributeValuesOf(id).map((v) => [v.name, v.value] as const),
    );
    if (id === undefined) {
      id = repos.participants.insert(label, null);
      repos.exchange.setGuid('participants', id, landing.guidFor('participants', kase.guid));
    }
    landing.participants.set(kase.guid, id);
    for (const value of kase.variableValues) {
      const attribute = landing.attributes.get(value.variableGuid);
      if (!attribute) continue;
      const typed =
        attribute.type === 'date' && /^\d{4}-\d{2}-\d{2}T/.test(value.value) ? value.value.slice(0, 10) : value.value;
      const checked = normaliseValue({ name: attribute.name, type: attribute.type, choices: [] }, typed);
      const ours = known.get(attribute.name);
      if ('error' in checked) warnings.push(`Participant "${label}": ${checked.error} The value was left out.`);
      else if (merge && ours !== undefined && ours !== '') {
        if (checked.value !== '' && checked.value !== ours) {
          merge.conflicts.push(
            `Participant "${label}": ${attribute.name} is "${checked.value}" there and "${ours}" here; kept "${ours}".`,
          );
        }
      } else if (checked.value !== '') repos.participants.setValue(id, attribute.id, checked.value);
    }
    for (const source of kase.sourceRefs) {
      if (!landing.participantOfSource.has(source)) landing.participantOfSource.set(source, id);
    }
    selectionRefs += kase.selectionRefs.length;
  }
  if (selectionRefs > 0) {
    warnings.push(
      `${plural(selectionRefs, 'link')} from cases to single selections ${were(selectionRefs)} not kept: in Quarry a participant owns whole documents.`,
    );
  }
}
