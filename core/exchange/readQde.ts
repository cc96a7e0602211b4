/**
 * Reads `project.qde` (urn:QDA-XML:project:1.0) or a `.qdc` codebook
 * (urn:QDA-XML:codebook:1.0) into the model of ./model.ts. Elements Quarry cannot hold
 * (picture, PDF, audio and video sources, graphs) are counted so the import can report them.
 */
import { ImportRefusal } from '../importers/types.js';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiSet,
  RefiTextSource,
  RefiVariable,
  RefiVariableType,
  RefiVariableValue,
} from './model.js';
import { attr, kid, kids, parseXml, textOf, type XmlNode } from './xml.js';

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

export function normaliseGuid(raw: string): string | null {
  const match = GUID.exec(raw.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}

function guidOf(node: XmlNode, what: string, name = 'guid'): string {
  const raw = attr(node, name);
  const guid = raw === undefined ? null : normaliseGuid(raw);
  if (!guid) {
    throw new ImportRefusal(
      raw === undefined
        ? `a ${what} has no ${name}`
        : `a ${what} has the ${name} "${raw.slice(0, 60)}", which is not a GUID`,
    );
  }
  return guid;
}

const optionalGuid = (node: XmlNode, name: string) => {
  const raw = attr(node, name);
  return raw === undefined ? null : normaliseGuid(raw);
};

const refs = (node: XmlNode, element: string, name = 'targetGUID'): string[] =>
  kids(node, element)
    .map((r) => optionalGuid(r, name))
    .filter((g): g is string => g !== null);

function integer(node: XmlNode, name: string, what: string): number {
  const raw = attr(node, name);
  if (raw === undefined || !/^\s*[+-]?\d{1,15}\s*$/.test(raw)) {
    throw new ImportRefusal(`a ${what} has ${raw === undefined ? `no ${name}` : `the ${name} "${raw.slice(0, 30)}"`}`);
  }
  return Number(raw);
}

function readCode(node: XmlNode, depth: number): RefiCode {
  if (depth > 100) throw new ImportRefusal('its codebook nests codes more than 100 levels deep');
  return {
    guid: guidOf(node, 'code'),
    name: attr(node, 'name') ?? '',
    color: attr(node, 'color') ?? null,
    description: textOf(node, 'Description') ?? null,
    children: kids(node, 'Code').map((c) => readCode(c, depth + 1)),
    noteRefs: refs(node, 'NoteRef'),
  };
}

function readCoding(node: XmlNode): RefiCoding {
  const codeRef = kid(node, 'CodeRef');
  if (!codeRef) throw new ImportRefusal('a coding has no CodeRef');
  return {
    guid: guidOf(node, 'coding'),
    codeGuid: guidOf(codeRef, 'CodeRef', 'targetGUID'),
    userGuid: optionalGuid(node, 'creatingUser'),
    created: attr(node, 'creationDateTime') ?? null,
  };
}

function readSelection(node: XmlNode): RefiSelection {
  return {
    guid: guidOf(node, 'PlainTextSelection'),
    name: attr(node, 'name') ?? null,
    start: integer(node, 'startPosition', 'PlainTextSelection'),
    end: integer(node, 'endPosition', 'PlainTextSelection'),
    userGuid: optionalGuid(node, 'creatingUser'),
    created: attr(node, 'creationDateTime') ?? null,
    description: textOf(node, 'Description') ?? null,
    codings: kids(node, 'Coding').map(readCoding),
    noteRefs: refs(node, 'NoteRef'),
  };
}

function readValues(node: XmlNode): RefiVariableValue[] {
  return kids(node, 'VariableValue').flatMap((v) => {
    const ref = kid(v, 'VariableRef');
    const variableGuid = ref ? optionalGuid(ref, 'targetGUID') : null;
    if (!variableGuid) return [];
    for (const element of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']) {
      const value = textOf(v, element);
      if (value !== undefined) return [{ variableGuid, value }];
    }
    return [];
  });
}

function readTextSource(node: XmlNode, what: string): RefiTextSource {
  return {
    guid: guidOf(node, what),
    name: attr(node, 'name') ?? '',
    plainTextPath: attr(node, 'plainTextPath') ?? null,
    richTextPath: attr(node, 'richTextPath') ?? null,
    plainTextContent: textOf(node, 'PlainTextContent') ?? null,
    description: textOf(node, 'Description') ?? null,
    selections: kids(node, 'PlainTextSelection').map(readSelection),
    noteRefs: refs(node, 'NoteRef'),
    variableValues: readValues(node),
    userGuid: optionalGuid(node, 'creatingUser'),
    created: attr(node, 'creationDateTime') ?? null,
  };
}

function readNote(node: XmlNode): RefiNote {
  return {
    guid: guidOf(node, 'note'),
    name: attr(node, 'name') ?? '',
    plainTextContent: textOf(node, 'PlainTextContent') ?? null,
    plainTextPath: attr(node, 'plainTextPath') ?? null,
    description: textOf(node, 'Description') ?? null,
    userGuid: optionalGuid(node, 'creatingUser'),
    created: attr(node, 'creationDateTime') ?? null,
    modified: attr(node, 'modifiedDateTime') ?? null,
  };
}

const VARIABLE_TYPES: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

function readVariable(node: XmlNode): RefiVariable {
  const type = attr(node, 'typeOfVariable') ?? 'Text';
  return {
    guid: guidOf(node, 'variable'),
    name: attr(node, 'name') ?? '',
    type: (VARIABLE_TYPES as readonly string[]).includes(type) ? (type as RefiVariableType) : 'Text',
    description: textOf(node, 'Description') ?? null,
  };
}

function readCase(node: XmlNode): RefiCase {
  return {
    guid: guidOf(node, 'case'),
    name: attr(node, 'name') ?? '',
    description: textOf(node, 'Description') ?? null,
    variableValues: readValues(node),
    sourceRefs: refs(node, 'SourceRef'),
    selectionRefs: refs(node, 'SelectionRef'),
  };
}

function readSet(node: XmlNode, codebook: boolean): RefiSet {
  return {
    guid: guidOf(node, 'set'),
    name: attr(node, 'name') ?? '',
    description: textOf(node, 'Description') ?? null,
    // A codebook's MemberCode names its code in `guid`; a project's in `targetGUID`.
    codes: refs(node, 'MemberCode', codebook ? 'guid' : 'targetGUID'),
    sources: refs(node, 'MemberSource'),
    notes: refs(node, 'MemberNote'),
  };
}

const OTHER_SOURCES: Record<string, string[]> = {
  PictureSource: ['PictureSelection'],
  PDFSource: ['PDFSelection'],
  AudioSource: ['AudioSelection'],
  VideoSource: ['VideoSelection'],
};

/** Parses the XML of a project (`project.qde`) or a codebook (`.qdc`). */
export function readQde(xml: string, part: string): RefiProject {
  const doc = parseXml(xml, part);
  const project = kid(doc, 'Project');
  const codebook = kid(doc, 'CodeBook');
  if (!project && !codebook) {
    throw new ImportRefusal(
      `${part} is not a REFI-QDA project or codebook (its root is neither <Project> nor <CodeBook>)`,
    );
  }
  if (codebook && !project) {
    return {
      kind: 'codebook',
      name: '',
      origin: attr(codebook, 'origin') ?? null,
      description: null,
      users: [],
      codes: kids(kid(codebook, 'Codes'), 'Code').map((c) => readCode(c, 0)),
      variables: [],
      cases: [],
      sources: [],
      otherSources: [],
      notes: [],
      sets: kids(kid(codebook, 'Sets'), 'Set').map((s) => readSet(s, true)),
      links: [],
      projectNoteRefs: [],
      graphs: 0,
    };
  }
  const p = project as XmlNode;
  const sources = kid(p, 'Sources');
  const otherSources = Object.entries(OTHER_SOURCES).flatMap(([element, [selection]]) =>
    kids(sources, element).map((s) => ({
      kind: element,
      name: attr(s, 'name') ?? '',
      selections: kids(s, selection ?? '').length,
    })),
  );
  return {
    kind: 'project',
    name: attr(p, 'name') ?? '',
    origin: attr(p, 'origin') ?? null,
    description: textOf(p, 'Description') ?? null,
    users: kids(kid(p, 'Users'), 'User').map((u) => ({ guid: guidOf(u, 'user'), name: attr(u, 'name') ?? '' })),
    codes: kids(kid(kid(p, 'CodeBook'), 'Codes'), 'Code').map((c) => readCode(c, 0)),
    variables: kids(kid(p, 'Variables'), 'Variable').map(readVariable),
    cases: kids(kid(p, 'Cases'), 'Case').map(readCase),
    sources: kids(sources, 'TextSource').map((s) => readTextSource(s, 'TextSource')),
    otherSources,
    notes: kids(kid(p, 'Notes'), 'Note').map(readNote),
    sets: kids(kid(p, 'Sets'), 'Set').map((s) => readSet(s, false)),
    links: kids(kid(p, 'Links'), 'Link').map((l) => ({
      guid: guidOf(l, 'link'),
      originGuid: optionalGuid(l, 'originGUID'),
      targetGuid: optionalGuid(l, 'targetGUID'),
    })),
    projectNoteRefs: refs(p, 'NoteRef'),
    graphs: kids(kid(p, 'Graphs'), 'Graph').length,
  };
}
