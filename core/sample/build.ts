/**
 * Builds the bundled sample project (a small e-commerce checkout study) from
 * resources/sample/sample.json, through the contract only, exactly as a researcher would
 * through the UI. The file is assembled under a temporary name and renamed into place
 * only when complete, so a failed build never leaves a half-made project behind.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app.js';
import type { CodeId, DocumentId, ExcerptId, GroupId, ParticipantId, ProjectCounts } from '../contract/types.js';
import { badInput, conflict, notFound } from '../errors.js';
import type { Dispatcher } from '../host.js';
import { flattenCodes, loadManifest, type SampleManifest } from './manifest.js';

export interface BuildSampleOptions {
  /** Folder holding sample.json and the transcripts; found next to the code by default. */
  sampleDir?: string;
  /** Replace an existing file at the destination (otherwise that is refused). */
  overwrite?: boolean;
}

export interface SampleSummary {
  path: string;
  name: string;
  counts: ProjectCounts;
  /** Distinct document languages (as stored by the importer, else as the manifest declares). */
  languages: string[];
  groups: number;
}

/** Board layout in canvas units: groups side by side, cards stacked inside them. */
const LAYOUT = { groupWidth: 300, groupGap: 40, header: 48, cardHeight: 110, cardGap: 8, padding: 12 } as const;

/** Walks up from this module (core/sample or dist/core/sample) to the folder holding resources/sample. */
export function defaultSampleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'sample');
    if (existsSync(join(candidate, 'sample.json'))) return candidate;
    dir = dirname(dir);
  }
  throw notFound('The sample project resources (resources/sample/sample.json) are missing from this installation.');
}

/** Where `quote` sits in `text`; it must occur exactly once so the span is unambiguous. */
export function locateQuote(text: string, quote: string, where: string): { start: number; end: number } {
  const needle = quote.normalize('NFC');
  const start = text.indexOf(needle);
  if (start < 0) throw badInput(`Sample coding ${where}: the quote "${quote}" is not in the stored document text.`);
  if (text.indexOf(needle, start + 1) >= 0) {
    throw badInput(`Sample coding ${where}: the quote "${quote}" occurs more than once; quote a longer passage.`);
  }
  return { start, end: start + needle.length };
}

function removeProjectFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

async function populate(dispatcher: Dispatcher, manifest: SampleManifest, sampleDir: string): Promise<string[]> {
  const participantIds = new Map<string, ParticipantId>();
  for (const p of manifest.participants) {
    const created = await dispatcher.call('participants.add', {
      label: p.label,
      ...(p.displayName ? { displayName: p.displayName } : {}),
      attributes: p.attributes,
    });
    participantIds.set(p.label, created.id);
  }

  const codeIds = new Map<string, CodeId>();
  for (const code of flattenCodes(manifest)) {
    const created = await dispatcher.call('codes.add', {
      name: code.name,
      parentId: code.parentPath === null ? null : codeIds.get(code.parentPath),
      color: code.color,
      description: code.description,
    });
    codeIds.set(code.path, created.id);
  }

  const documents = new Map<string, { id: DocumentId; text: string; title: string }>();
  const languages = new Set<string>();
  for (const doc of manifest.documents) {
    const path = join(sampleDir, doc.file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      throw notFound(`Sample transcript ${path} cannot be read: ${(err as Error).message}`);
    }
    const result = await dispatcher.call('documents.import', {
      files: [{ name: basename(doc.file), dataBase64: bytes.toString('base64') }],
      ...(manifest.study ? { study: manifest.study } : {}),
    });
    const rejected = result.rejected[0];
    if (rejected) throw badInput(`Sample transcript ${doc.file} was rejected by the importer: ${rejected.error}`);
    const ids = result.imported.flatMap((i) => i.documentIds);
    const id = ids[0];
    if (ids.length !== 1 || id === undefined) {
      throw badInput(`Sample transcript ${doc.file} should import as one document, not ${ids.length}.`);
    }
    if (doc.participant) {
      const participantId = participantIds.get(doc.participant) ?? null;
      await dispatcher.call('documents.setParticipant', { documentId: id, participantId });
    }
    const detail = await dispatcher.call('documents.get', { id });
    documents.set(doc.key, { id, text: detail.text, title: detail.title });
    const language = detail.language ?? doc.language;
    if (language) languages.add(language);
  }

  const excerptIds = new Map<string, ExcerptId>();
  for (const coding of manifest.codings) {
    // References were checked when the manifest was loaded, so these lookups succeed.
    const doc = documents.get(coding.document);
    if (!doc) throw badInput(`Sample coding ${coding.id}: unknown document ${coding.document}.`);
    const span = locateQuote(doc.text, coding.quote, `${coding.id} (${doc.title})`);
    const tagged = await dispatcher.call('excerpts.tag', {
      documentId: doc.id,
      ...span,
      codeIds: coding.codes.map((path) => codeIds.get(path) as CodeId),
      ...(coding.memo ? { memo: coding.memo } : {}),
    });
    if (tagged.text !== coding.quote.normalize('NFC')) {
      throw badInput(`Sample coding ${coding.id}: the excerpt reads "${tagged.text}", not the quoted text.`);
    }
    excerptIds.set(coding.id, tagged.excerptId);
  }

  const board = await dispatcher.call('boards.create', { name: manifest.board.name });
  let x = 0;
  for (const group of manifest.board.groups) {
    const height =
      LAYOUT.header + group.cards.length * (LAYOUT.cardHeight + LAYOUT.cardGap) + LAYOUT.padding - LAYOUT.cardGap;
    const created = await dispatcher.call('boards.addGroup', {
      boardId: board.id,
      name: group.name,
      x,
      y: 0,
      ...(group.color ? { color: group.color } : {}),
    });
    const groupId: GroupId = created.id;
    await dispatcher.call('boards.updateGroup', { id: groupId, w: LAYOUT.groupWidth, h: Math.max(height, 120) });
    for (const [index, card] of group.cards.entries()) {
      await dispatcher.call('boards.addCard', {
        boardId: board.id,
        excerptId: excerptIds.get(card) as ExcerptId,
        groupId,
        x: x + LAYOUT.padding,
        y: LAYOUT.header + index * (LAYOUT.cardHeight + LAYOUT.cardGap),
      });
    }
    x += LAYOUT.groupWidth + LAYOUT.groupGap;
  }

  for (const insight of manifest.insights) {
    await dispatcher.call('insights.add', {
      title: insight.title,
      statement: insight.statement,
      evidence: insight.evidence.map((id) => excerptIds.get(id) as ExcerptId),
      ...(insight.priority ? { priority: insight.priority } : {}),
    });
  }
  return [...languages].sort();
}

/**
 * Creates the sample project at `outPath` (a new `.quarry` file) and returns what it holds.
 * Throws a QuarryError, leaving nothing at `outPath`, if the manifest or a quote is wrong.
 */
export async function buildSampleProject(outPath: string, options: BuildSampleOptions = {}): Promise<SampleSummary> {
  const target = resolve(outPath);
  const sampleDir = options.sampleDir ? resolve(options.sampleDir) : defaultSampleDir();
  const manifest = loadManifest(sampleDir);

  if (existsSync(target) && !options.overwrite) {
    throw conflict(`${target} already exists; the sample project is only built into a new file.`);
  }
  // Hosts build the sample on demand into their data folder, which may not exist yet.
  mkdirSync(dirname(target), { recursive: true });

  // The building file sits beside the target so the final rename stays on one file system.
  const building = join(dirname(target), `.${basename(target, '.quarry')}.building-${process.pid}.quarry`);
  removeProjectFiles(building);
  // A private config dir keeps the build out of the user's recent-projects list.
  const configDir = mkdtempSync(join(tmpdir(), 'quarry-sample-'));
  const app = createApp({ configDir, coderName: 'Sample author' });
  let closed = false;
  try {
    await app.dispatcher.call('project.create', { path: building, name: manifest.name });
    const languages = await populate(app.dispatcher, manifest, sampleDir);
    const info = await app.dispatcher.call('project.info', {});
    const board = (await app.dispatcher.call('boards.list', {}))[0];
    const groups = board ? (await app.dispatcher.call('boards.get', { id: board.id })).groups.length : 0;
    app.close();
    closed = true;
    if (options.overwrite) removeProjectFiles(target);
    renameSync(building, target);
    // close() checkpoints the WAL; should a -wal file survive anyway, it travels with the file.
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(`${building}${suffix}`)) renameSync(`${building}${suffix}`, `${target}${suffix}`);
    }
    return { path: target, name: info.name, counts: info.counts, languages, groups };
  } catch (err) {
    if (!closed) app.close();
    removeProjectFiles(building);
    throw err;
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}
