/**
 * The open project as REFI-QDA: a `.qdpx` (project.qde + each document's text as UTF-8
 * under sources/, positions in code points) or a `.qdc` codebook. Every element carries
 * the row's stored GUID, so exporting twice names everything the same way. What REFI-QDA
 * cannot hold (boards, insights, hypotheses, studies and rounds, participant sets, code
 * inclusion/exclusion notes) is left out; docs/formats.md lists it.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { ExportResult } from '../contract/types.js';
import { badInput } from '../errors.js';
import type {
  RefiCase,
  RefiCode,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiTextSource,
  RefiVariable,
} from '../exchange/model.js';
import { codePointCounter } from '../exchange/positions.js';
import { writeCodebookXml, writeProjectXml } from '../exchange/writeQde.js';
import type { ProjectContext } from './context.js';

export const QUARRY_ORIGIN = 'Quarry';

/** A GUID derived from another (for elements Quarry has no row for, like a memo's link to a case). */
function derivedGuid(from: string, salt: string): string {
  const h = createHash('sha256').update(`${salt}:${from}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A selection's name: the start of its text, as ATLAS.ti and NVivo name them. */
function selectionName(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = [...flat];
  return chars.length > 80 ? `${chars.slice(0, 80).join('').trimEnd()}…` : flat;
}

function variableType(type: string, values: readonly string[]): RefiVariable['type'] {
  if (type === 'number') return values.every((v) => /^-?\d+$/.test(v)) ? 'Integer' : 'Float';
  if (type === 'date') return 'Date';
  if (type === 'boolean') return 'Boolean';
  return 'Text';
}

/** The project as the REFI-QDA model, with each document's text by source GUID. */
export function buildRefiProject(ctx: ProjectContext): { project: RefiProject; texts: Map<string, string> } {
  const { repos } = ctx;
  const x = repos.exchange;
  const coderGuid = x.guids('coders');
  const codeGuid = x.guids('codes');
  const docGuid = x.guids('documents');
  const participantGuid = x.guids('participants');
  const attributeGuid = x.guids('attributes');
  const guidOfCoder = (id: number | null) => (id === null ? null : (coderGuid.get(id) ?? null));

  const notes: RefiNote[] = [];
  const noteRefs = new Map<string, string[]>(); // "kind:id" → note guids
  const links: RefiProject['links'] = [];
  const projectNoteRefs: string[] = [];
  for (const memo of x.memos()) {
    notes.push({
      guid: memo.guid,
      name: memo.title,
      plainTextContent: memo.body,
      plainTextPath: null,
      description: null,
      userGuid: guidOfCoder(memo.authorId),
      created: memo.createdAt,
      modified: memo.updatedAt,
    });
    if (memo.targetKind === 'participant' && memo.targetId !== null) {
      // A case has no NoteRef in REFI-QDA 1.0; a link from the note says what it is about.
      const target = participantGuid.get(memo.targetId);
      if (target) links.push({ guid: derivedGuid(memo.guid, 'link'), originGuid: memo.guid, targetGuid: target });
    } else if (['document', 'code', 'excerpt'].includes(memo.targetKind) && memo.targetId !== null) {
      const key = `${memo.targetKind}:${memo.targetId}`;
      noteRefs.set(key, [...(noteRefs.get(key) ?? []), memo.guid]);
    } else {
      projectNoteRefs.push(memo.guid);
    }
  }
  const refsOf = (kind: string, id: number) => noteRefs.get(`${kind}:${id}`) ?? [];

  const rows = x.codes();
  const build = (parentId: number | null): RefiCode[] =>
    rows
      .filter((c) => c.parentId === parentId)
      .map((c) => ({
        guid: c.guid,
        name: c.name,
        color: /^#[0-9A-Fa-f]{6}$/.test(c.color) ? c.color : null,
        description: c.description,
        children: build(c.id),
        noteRefs: refsOf('code', c.id),
      }));
  const codes = build(null);

  const values = repos.participants.attributeValues();
  const attributeRows = repos.participants.attributes();
  const variables: RefiVariable[] = attributeRows.map((a) => ({
    guid: attributeGuid.get(a.id) ?? derivedGuid(String(a.id), 'attribute'),
    name: a.name,
    type: variableType(
      a.type,
      values.filter((v) => v.name === a.name).map((v) => v.value),
    ),
    description: null,
  }));
  const variableByName = new Map(attributeRows.map((a, i) => [a.name, variables[i]?.guid ?? '']));

  const documents = x.documents();
  const cases: RefiCase[] = repos.participants.list().map((p) => ({
    guid: participantGuid.get(p.id) ?? derivedGuid(String(p.id), 'participant'),
    name: p.label,
    description: null,
    variableValues: values
      .filter((v) => v.participantId === p.id && v.value !== '')
      .map((v) => ({ variableGuid: variableByName.get(v.name) ?? '', value: v.value })),
    sourceRefs: documents.filter((d) => d.participantId === p.id).map((d) => d.guid),
    selectionRefs: [],
  }));

  const group = <T, K>(list: readonly T[], key: (item: T) => K): Map<K, T[]> => {
    const map = new Map<K, T[]>();
    for (const item of list) {
      const k = key(item);
      const bucket = map.get(k);
      if (bucket) bucket.push(item);
      else map.set(k, [item]);
    }
    return map;
  };
  const codingsOf = group(x.codings(), (c) => c.excerptId);
  const excerptsOf = group(x.excerpts(), (e) => e.documentId);
  const texts = new Map<string, string>();
  const sources: RefiTextSource[] = documents.map((d) => {
    const toCodePoint = codePointCounter(d.text);
    texts.set(d.guid, d.text);
    const selections: RefiSelection[] = (excerptsOf.get(d.id) ?? []).map((e) => ({
      guid: e.guid,
      name: selectionName(d.text.slice(e.start, e.end)),
      start: toCodePoint(e.start),
      end: toCodePoint(e.end),
      userGuid: guidOfCoder(e.createdBy),
      created: e.createdAt,
      description: null,
      codings: (codingsOf.get(e.id) ?? []).map((c) => ({
        guid: c.guid,
        codeGuid: codeGuid.get(c.codeId) ?? '',
        userGuid: guidOfCoder(c.coderId),
        created: c.createdAt,
      })),
      noteRefs: refsOf('excerpt', e.id),
    }));
    return {
      guid: d.guid,
      name: d.title,
      plainTextPath: `internal://${d.guid}.txt`,
      richTextPath: null,
      plainTextContent: null,
      description: null,
      selections,
      noteRefs: refsOf('document', d.id),
      variableValues: [],
      userGuid: null,
      created: d.createdAt,
    };
  });

  const sets = x
    .sets()
    .filter((s) => s.kind !== 'participants')
    .map((s) => ({
      guid: s.guid,
      name: s.name,
      description: s.description,
      codes:
        s.kind === 'codes' ? s.members.map((m) => codeGuid.get(m)).filter((g): g is string => g !== undefined) : [],
      sources:
        s.kind === 'documents' ? s.members.map((m) => docGuid.get(m)).filter((g): g is string => g !== undefined) : [],
      notes: [],
    }));
  return {
    project: {
      kind: 'project',
      name: repos.meta.get()?.name ?? 'Quarry project',
      origin: QUARRY_ORIGIN,
      description: null,
      users: x.coders().map((c) => ({ guid: c.guid, name: c.name })),
      codes,
      variables,
      cases,
      sources,
      otherSources: [],
      notes,
      sets,
      links,
      projectNoteRefs,
      graphs: 0,
    },
    texts,
  };
}

export function exportExchange(ctx: ProjectContext, format: 'qdpx' | 'qdc', baseName: string): ExportResult {
  const { project, texts } = buildRefiProject(ctx);
  if (format === 'qdc') {
    if (project.codes.length === 0) throw badInput('The project has no codes, so there is no codebook to export.');
    return {
      fileName: `${baseName}.qdc`,
      mediaType: 'application/xml; charset=utf-8',
      encoding: 'utf8',
      data: writeCodebookXml(project),
    };
  }
  const files: Record<string, Uint8Array> = {
    'project.qde': strToU8(writeProjectXml(project, new Date().toISOString())),
  };
  for (const [guid, text] of texts) files[`sources/${guid}.txt`] = strToU8(text);
  return {
    fileName: `${baseName}.qdpx`,
    mediaType: 'application/x-qdpx+zip',
    encoding: 'base64',
    data: Buffer.from(zipSync(files, { level: 6 })).toString('base64'),
  };
}
