/**
 * Writes the model of ./model.ts as REFI-QDA 1.0 XML: `project.qde` (urn:QDA-XML:project:1.0)
 * or a `.qdc` codebook (urn:QDA-XML:codebook:1.0), in the element order the XSDs require.
 * Empty containers are left out (the schema wants at least one child in each).
 */
import type { RefiCode, RefiProject, RefiSelection, RefiTextSource, RefiVariable, RefiVariableValue } from './model.js';
import { esc } from './xml.js';

type Attrs = Record<string, string | number | null | undefined>;

function open(name: string, attrs: Attrs, selfClose = false): string {
  const list = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
  return `<${name}${list}${selfClose ? '/>' : '>'}`;
}

function element(name: string, attrs: Attrs, children: string[]): string {
  const inner = children.filter((c) => c !== '');
  return inner.length === 0 ? open(name, attrs, true) : `${open(name, attrs)}${inner.join('')}</${name}>`;
}

const textElement = (name: string, text: string | null) => (text === null ? '' : `<${name}>${esc(text)}</${name}>`);
const container = (name: string, children: string[]) =>
  children.length === 0 ? '' : `<${name}>${children.join('')}</${name}>`;
const refs = (name: string, guids: readonly string[]) => guids.map((g) => open(name, { targetGUID: g }, true));
const nonEmpty = (text: string | null) => (text !== null && text.trim() !== '' ? text : null);

function code(c: RefiCode, inProject: boolean): string {
  return element('Code', { guid: c.guid, name: c.name, isCodable: 'true', color: c.color }, [
    textElement('Description', nonEmpty(c.description)),
    ...(inProject ? refs('NoteRef', c.noteRefs) : []),
    ...c.children.map((child) => code(child, inProject)),
  ]);
}

const VALUE_ELEMENT: Record<RefiVariable['type'], string> = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
};

function variableValue(value: RefiVariableValue, types: ReadonlyMap<string, RefiVariable['type']>): string {
  const type = types.get(value.variableGuid) ?? 'Text';
  return `<VariableValue>${open('VariableRef', { targetGUID: value.variableGuid }, true)}${textElement(VALUE_ELEMENT[type], value.value)}</VariableValue>`;
}

function selection(s: RefiSelection): string {
  return element(
    'PlainTextSelection',
    {
      guid: s.guid,
      name: s.name,
      startPosition: s.start,
      endPosition: s.end,
      creatingUser: s.userGuid,
      creationDateTime: s.created,
    },
    [
      textElement('Description', nonEmpty(s.description)),
      ...s.codings.map((c) =>
        element('Coding', { guid: c.guid, creatingUser: c.userGuid, creationDateTime: c.created }, [
          open('CodeRef', { targetGUID: c.codeGuid }, true),
        ]),
      ),
      ...refs('NoteRef', s.noteRefs),
    ],
  );
}

function textSource(s: RefiTextSource): string {
  return element(
    'TextSource',
    {
      guid: s.guid,
      name: s.name,
      plainTextPath: s.plainTextPath,
      creatingUser: s.userGuid,
      creationDateTime: s.created,
    },
    [
      textElement('Description', nonEmpty(s.description)),
      textElement('PlainTextContent', s.plainTextContent),
      ...s.selections.map(selection),
      ...refs('NoteRef', s.noteRefs),
    ],
  );
}

const HEADER = '<?xml version="1.0" encoding="utf-8"?>\n';

export function writeProjectXml(p: RefiProject, created: string): string {
  const types = new Map(p.variables.map((v) => [v.guid, v.type]));
  const body = [
    container(
      'Users',
      p.users.map((u) => open('User', { guid: u.guid, name: u.name }, true)),
    ),
    p.codes.length > 0 ? `<CodeBook><Codes>${p.codes.map((c) => code(c, true)).join('')}</Codes></CodeBook>` : '',
    container(
      'Variables',
      p.variables.map((v) =>
        element('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type }, [
          textElement('Description', nonEmpty(v.description)),
        ]),
      ),
    ),
    container(
      'Cases',
      p.cases.map((c) =>
        element('Case', { guid: c.guid, name: c.name }, [
          textElement('Description', nonEmpty(c.description)),
          ...c.variableValues.map((v) => variableValue(v, types)),
          ...refs('SourceRef', c.sourceRefs),
          ...refs('SelectionRef', c.selectionRefs),
        ]),
      ),
    ),
    container('Sources', p.sources.map(textSource)),
    container(
      'Notes',
      p.notes.map((n) =>
        element(
          'Note',
          {
            guid: n.guid,
            name: n.name,
            creatingUser: n.userGuid,
            creationDateTime: n.created,
            modifiedDateTime: n.modified,
          },
          [textElement('Description', nonEmpty(n.description)), textElement('PlainTextContent', n.plainTextContent)],
        ),
      ),
    ),
    container(
      'Links',
      p.links.map((l) =>
        open(
          'Link',
          { guid: l.guid, name: 'Memo', direction: 'OneWay', originGUID: l.originGuid, targetGUID: l.targetGuid },
          true,
        ),
      ),
    ),
    container(
      'Sets',
      p.sets.map((s) =>
        element('Set', { guid: s.guid, name: s.name }, [
          textElement('Description', nonEmpty(s.description)),
          ...refs('MemberCode', s.codes),
          ...refs('MemberSource', s.sources),
          ...refs('MemberNote', s.notes),
        ]),
      ),
    ),
    textElement('Description', nonEmpty(p.description)),
    ...refs('NoteRef', p.projectNoteRefs),
  ];
  return `${HEADER}${open('Project', {
    xmlns: 'urn:QDA-XML:project:1.0',
    name: p.name,
    origin: p.origin,
    creationDateTime: created,
  })}${body.join('')}</Project>\n`;
}

export function writeCodebookXml(p: RefiProject): string {
  const sets = p.sets.filter((s) => s.codes.length > 0);
  return `${HEADER}${open('CodeBook', { xmlns: 'urn:QDA-XML:codebook:1.0', origin: p.origin })}<Codes>${p.codes
    .map((c) => code(c, false))
    .join('')}</Codes>${container(
    'Sets',
    sets.map((s) =>
      element('Set', { guid: s.guid, name: s.name }, [
        textElement('Description', nonEmpty(s.description)),
        ...s.codes.map((g) => open('MemberCode', { guid: g }, true)),
      ]),
    ),
  )}</CodeBook>\n`;
}
