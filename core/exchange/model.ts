/**
 * REFI-QDA 1.0 as Quarry reads and writes it: the parts of `project.qde` / a `.qdc`
 * codebook that map onto Quarry's model (see docs/formats.md, "REFI-QDA"). GUIDs are kept
 * lower-case without braces.
 */

export interface RefiUser {
  guid: string;
  name: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  color: string | null;
  description: string | null;
  children: RefiCode[];
  noteRefs: string[];
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  userGuid: string | null;
  created: string | null;
}

export interface RefiSelection {
  guid: string;
  name: string | null;
  start: number;
  end: number;
  userGuid: string | null;
  created: string | null;
  description: string | null;
  codings: RefiCoding[];
  noteRefs: string[];
}

export interface RefiVariableValue {
  variableGuid: string;
  value: string;
}

export interface RefiTextSource {
  guid: string;
  name: string;
  plainTextPath: string | null;
  richTextPath: string | null;
  plainTextContent: string | null;
  description: string | null;
  selections: RefiSelection[];
  noteRefs: string[];
  variableValues: RefiVariableValue[];
  userGuid: string | null;
  created: string | null;
}

export interface RefiNote {
  guid: string;
  name: string;
  plainTextContent: string | null;
  plainTextPath: string | null;
  description: string | null;
  userGuid: string | null;
  created: string | null;
  modified: string | null;
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  description: string | null;
}

export interface RefiCase {
  guid: string;
  name: string;
  description: string | null;
  variableValues: RefiVariableValue[];
  sourceRefs: string[];
  selectionRefs: string[];
}

export interface RefiSet {
  guid: string;
  name: string;
  description: string | null;
  codes: string[];
  sources: string[];
  notes: string[];
}

export interface RefiLink {
  guid: string;
  originGuid: string | null;
  targetGuid: string | null;
}

export interface RefiProject {
  kind: 'project' | 'codebook';
  name: string;
  origin: string | null;
  description: string | null;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  /** Picture, PDF, audio and video sources: named so the import can say what it left out. */
  otherSources: { kind: string; name: string; selections: number }[];
  notes: RefiNote[];
  sets: RefiSet[];
  links: RefiLink[];
  projectNoteRefs: string[];
  graphs: number;
}
