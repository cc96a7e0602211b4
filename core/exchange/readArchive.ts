/**
 * A `.qdpx` (zip of `project.qde` + `sources/`) or a `.qdc` (codebook XML) → an import plan:
 * the project model, each text source's stored text with its selections placed on UTF-16
 * offsets, note bodies, and warnings for whatever could not be brought over. Nothing is
 * written here; a refusal (hostile archive, malformed XML, a selection outside its text)
 * throws ImportRefusal. Only entries of the archive are ever read — a path that points
 * elsewhere (file://, an absolute path, "..") is simply not found.
 */
import { DEFAULT_ZIP_LIMITS, mb, openZip, type ZipLimits } from '../archive/zip.js';
import { docxToText } from '../importers/docx.js';
import { documentFromText } from '../importers/plainText.js';
import { ImportRefusal, type ParsedDocument } from '../importers/types.js';
import { DecodeError, decodeText } from '../text/decode.js';
import type { RefiProject, RefiSelection, RefiTextSource } from './model.js';
import { mapText, nameMatches, type PositionUnit, placeSelection } from './positions.js';
import { readQde } from './readQde.js';
import { decodeXmlBytes } from './xml.js';

export interface PlannedExcerpt {
  selection: RefiSelection;
  start: number;
  end: number;
}

export interface PlannedDocument {
  source: RefiTextSource;
  document: ParsedDocument;
  excerpts: PlannedExcerpt[];
}

export interface ExchangePlan {
  project: RefiProject;
  documents: PlannedDocument[];
  /** Note GUID → its text (PlainTextContent, or the file plainTextPath names). */
  noteTexts: Map<string, string>;
  warnings: string[];
}

/** The largest project.qde (or .qdc) Quarry parses. */
export const MAX_XML_BYTES = 64 * 1024 * 1024;

/** What a producer counts positions in: NVivo writes UTF-16 code units, the standard code points. */
export function positionUnitOf(origin: string | null): PositionUnit {
  return origin !== null && /nvivo/i.test(origin) ? 'utf16' : 'codepoint';
}

const UNIT_NAME: Record<PositionUnit, string> = { codepoint: 'code points', utf16: 'UTF-16 units' };

function label(selection: RefiSelection): string {
  const name = selection.name?.trim();
  return name ? `"${name.length > 60 ? `${name.slice(0, 60)}…` : name}"` : selection.guid;
}

/** Archive entry names a REFI path may refer to, most likely first. */
function candidates(path: string): string[] {
  const match = /^([a-z]+):\/\/(.*)$/i.exec(path);
  const scheme = match?.[1]?.toLowerCase() ?? '';
  const rest = (match ? (match[2] ?? '') : path).replace(/^\/+/, '');
  if (scheme === 'internal') return [`sources/${rest}`];
  if (scheme === 'relative' || scheme === '') return [`sources/${rest}`, rest];
  return []; // file:// and anything else lives outside the archive
}

class Entries {
  private readonly byLower = new Map<string, string>();
  constructor(names: readonly string[]) {
    for (const name of names) this.byLower.set(name.toLowerCase(), name);
  }
  /** The entry a REFI path names; the `sources/` folder and file names match case-insensitively. */
  find(path: string | null): string | undefined {
    if (!path) return undefined;
    for (const candidate of candidates(path)) {
      const found = this.byLower.get(candidate.toLowerCase());
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

function decodeSource(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) return '';
  return decodeText(bytes).text;
}

function placeAll(
  source: RefiTextSource,
  raw: string,
  unit: PositionUnit,
  fromRichText: boolean,
  warnings: string[],
): PlannedDocument {
  const mapped = mapText(raw);
  const title = source.name.trim() || source.guid;
  const document = documentFromText(title, mapped.text);
  const excerpts: PlannedExcerpt[] = [];
  for (const selection of source.selections) {
    const placed = placeSelection(mapped, selection.start, selection.end, unit, selection.name);
    if ('problem' in placed) {
      if (placed.problem === 'outside') {
        throw new ImportRefusal(
          `the selection ${label(selection)} in "${title}" runs from ${selection.start} to ${selection.end}, outside its text of ${mapped.length(unit)} ${UNIT_NAME[unit]}`,
        );
      }
      warnings.push(
        placed.problem === 'split'
          ? `Selection ${label(selection)} in "${title}" was not imported: its position ${selection.start}–${selection.end} falls inside a character.`
          : `Selection ${label(selection)} in "${title}" was not imported: it is empty (${selection.start}–${selection.end}).`,
      );
      continue;
    }
    const text = mapped.text.slice(placed.start, placed.end);
    if (fromRichText && !(selection.name && nameMatches(selection.name, text))) {
      warnings.push(
        `Selection ${label(selection)} in "${title}" was not imported: the source's text came from its Word file (no plain text in the archive), and the selection could not be checked against it.`,
      );
      continue;
    }
    if (placed.unit !== unit) {
      warnings.push(
        `Selection ${label(selection)} in "${title}" was placed counting ${UNIT_NAME[placed.unit]}, not ${UNIT_NAME[unit]} as its producer usually does: only that way does its text match its name.`,
      );
    }
    excerpts.push({ selection, start: placed.start, end: placed.end });
  }
  return { source, document, excerpts };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function reportLeftOut(project: RefiProject, warnings: string[]): void {
  for (const other of project.otherSources) {
    const kind = other.kind === 'PDFSource' ? 'PDF' : other.kind.replace('Source', '').toLowerCase();
    warnings.push(
      `The ${kind} source "${other.name}" was not imported (Quarry holds text only)${other.selections > 0 ? `, nor its ${plural(other.selections, 'selection')}` : ''}.`,
    );
  }
  if (project.graphs > 0) {
    warnings.push(
      `${plural(project.graphs, 'graph')} (network view) ${project.graphs === 1 ? 'was' : 'were'} not imported.`,
    );
  }
}

export async function readQdpx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ExchangePlan> {
  const zip = openZip(bytes, 'a REFI-QDA project (.qdpx)', limits);
  const qde = zip.entries.find((e) => /^project\.qde$/i.test(e.name));
  if (!qde) throw new ImportRefusal('it is a zip archive but not a REFI-QDA project (there is no project.qde inside)');
  if (qde.originalSize > MAX_XML_BYTES) {
    throw new ImportRefusal(`its project.qde is ${mb(qde.originalSize)}, over the limit of ${mb(MAX_XML_BYTES)}`);
  }
  const qdeBytes = zip.read([qde.name])[qde.name];
  if (!qdeBytes) throw new ImportRefusal('its project.qde cannot be unpacked');
  const project = readQde(decodeXmlBytes(qdeBytes), 'its project.qde');
  if (project.kind !== 'project') throw new ImportRefusal('its project.qde holds a codebook, not a project');

  const entries = new Entries(zip.entries.map((e) => e.name));
  const wanted = new Set<string>();
  for (const source of project.sources) {
    for (const path of [source.plainTextPath, source.richTextPath]) {
      const found = entries.find(path);
      if (found) wanted.add(found);
    }
  }
  for (const note of project.notes) {
    const found = entries.find(note.plainTextPath);
    if (found) wanted.add(found);
  }
  const files = zip.read(wanted);
  const unit = positionUnitOf(project.origin);
  const warnings: string[] = [];
  const documents: PlannedDocument[] = [];

  for (const source of project.sources) {
    const title = source.name.trim() || source.guid;
    const plain = files[entries.find(source.plainTextPath) ?? ''];
    const rich = files[entries.find(source.richTextPath) ?? ''];
    let raw: string | null = null;
    let fromRichText = false;
    try {
      if (source.plainTextContent !== null) raw = source.plainTextContent;
      else if (plain) raw = decodeSource(plain);
      else if (rich && /\.docx$/i.test(source.richTextPath ?? '')) {
        raw = await docxToText(rich);
        fromRichText = true;
      }
    } catch (err) {
      if (!(err instanceof DecodeError || err instanceof ImportRefusal)) throw err;
      warnings.push(`The source "${title}" was not imported: its text cannot be read (${err.message}).`);
      continue;
    }
    if (raw === null) {
      const path = source.plainTextPath ?? source.richTextPath ?? '(no path)';
      warnings.push(
        `The source "${title}" was not imported: its text (${path}) is not in the archive` +
          (source.selections.length > 0
            ? `, so neither ${source.selections.length === 1 ? 'is its selection' : `are its ${source.selections.length} selections`}.`
            : '.'),
      );
      continue;
    }
    if (raw.trim() === '') warnings.push(`The source "${title}" has no text.`);
    documents.push(placeAll(source, raw, unit, fromRichText, warnings));
  }

  const noteTexts = new Map<string, string>();
  for (const note of project.notes) {
    if (note.plainTextContent !== null) noteTexts.set(note.guid, note.plainTextContent);
    else {
      const file = files[entries.find(note.plainTextPath) ?? ''];
      if (file) noteTexts.set(note.guid, decodeSource(file));
    }
  }
  reportLeftOut(project, warnings);
  return { project, documents, noteTexts, warnings };
}

export function readQdc(bytes: Uint8Array): ExchangePlan {
  if (bytes.byteLength > MAX_XML_BYTES) {
    throw new ImportRefusal(`the codebook is ${mb(bytes.byteLength)}, over the limit of ${mb(MAX_XML_BYTES)}`);
  }
  const project = readQde(decodeXmlBytes(bytes), 'the codebook');
  if (project.kind !== 'codebook') {
    throw new ImportRefusal('it holds a whole project, not a codebook; import the .qdpx it came from instead');
  }
  return { project, documents: [], noteTexts: new Map(), warnings: [] };
}
