/**
 * The sample project's manifest (resources/sample/sample.json): what the bundled study
 * contains, declared by name and exact quote so the builder can create it through the
 * contract alone. Every cross-reference is checked here, before anything is written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { badInput } from '../errors.js';

/** Separates a parent code from its child in manifest references: "Delivery › Cost". */
export const CODE_PATH_SEPARATOR = ' › ';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const text = z.string().trim().min(1);

const codeLeaf = z.object({ name: text, color, description: z.string().default('') }).strict();
const codeNode = codeLeaf.extend({ children: z.array(codeLeaf).default([]) }).strict();

const manifestSchema = z
  .object({
    name: text,
    description: z.string().default(''),
    study: text.optional(),
    participants: z
      .array(
        z
          .object({ label: text, displayName: text.optional(), attributes: z.record(text, z.string()).default({}) })
          .strict(),
      )
      .min(1),
    documents: z
      .array(
        z
          .object({
            key: text,
            file: text,
            participant: text.optional(),
            /** What the transcript is written in (BCP 47); informative, the importer decides what it stores. */
            language: text.optional(),
          })
          .strict(),
      )
      .min(1),
    codes: z.array(codeNode).min(1),
    codings: z
      .array(
        z
          .object({
            id: text,
            document: text,
            /** Exact text as stored (NFC); it must occur exactly once in its document. */
            quote: z.string().min(1),
            codes: z.array(text).min(1),
            memo: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
    board: z
      .object({
        name: text,
        groups: z.array(z.object({ name: text, color: color.optional(), cards: z.array(text) }).strict()).min(1),
      })
      .strict(),
    insights: z
      .array(
        z
          .object({
            title: text,
            statement: text,
            priority: z.enum(['high', 'medium', 'low']).optional(),
            evidence: z.array(text).default([]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type SampleManifest = z.infer<typeof manifestSchema>;

export interface FlatCode {
  path: string;
  parentPath: string | null;
  name: string;
  color: string;
  description: string;
}

/** Codes in creation order (parents first), each with its manifest path. */
export function flattenCodes(manifest: SampleManifest): FlatCode[] {
  return manifest.codes.flatMap((parent) => [
    { path: parent.name, parentPath: null, name: parent.name, color: parent.color, description: parent.description },
    ...parent.children.map((child) => ({
      path: `${parent.name}${CODE_PATH_SEPARATOR}${child.name}`,
      parentPath: parent.name,
      name: child.name,
      color: child.color,
      description: child.description,
    })),
  ]);
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.has(v) || !seen.add(v)))];
}

/** Throws one BadInput listing every broken reference, so a manifest is fixed in one pass. */
function checkReferences(m: SampleManifest): void {
  const problems: string[] = [];
  const participants = new Set(m.participants.map((p) => p.label));
  const documents = new Set(m.documents.map((d) => d.key));
  const codePaths = new Set(flattenCodes(m).map((c) => c.path));
  const codings = new Set(m.codings.map((c) => c.id));

  const dupes: [string, string[]][] = [
    ['participant label', duplicates(m.participants.map((p) => p.label))],
    ['document key', duplicates(m.documents.map((d) => d.key))],
    ['code', duplicates(flattenCodes(m).map((c) => c.path))],
    ['coding id', duplicates(m.codings.map((c) => c.id))],
    ['board group', duplicates(m.board.groups.map((g) => g.name))],
    ['board card', duplicates(m.board.groups.flatMap((g) => g.cards))],
  ];
  for (const [what, list] of dupes) for (const d of list) problems.push(`duplicate ${what} "${d}"`);

  for (const d of m.documents) {
    if (d.participant && !participants.has(d.participant))
      problems.push(`document ${d.key} names unknown participant "${d.participant}"`);
  }
  for (const c of m.codings) {
    if (!documents.has(c.document)) problems.push(`coding ${c.id} names unknown document "${c.document}"`);
    for (const code of c.codes) if (!codePaths.has(code)) problems.push(`coding ${c.id} names unknown code "${code}"`);
  }
  for (const g of m.board.groups) {
    for (const card of g.cards)
      if (!codings.has(card)) problems.push(`group "${g.name}" names unknown coding "${card}"`);
  }
  for (const i of m.insights) {
    for (const e of i.evidence) if (!codings.has(e)) problems.push(`insight "${i.title}" names unknown coding "${e}"`);
  }
  if (problems.length > 0) throw badInput(`The sample manifest is inconsistent: ${problems.join('; ')}.`);
}

/** Parses and cross-checks a manifest value. */
export function parseManifest(value: unknown): SampleManifest {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw badInput(`The sample manifest is invalid: ${issues.join('; ')}.`);
  }
  checkReferences(parsed.data);
  return parsed.data;
}

export function loadManifest(sampleDir: string): SampleManifest {
  const path = join(sampleDir, 'sample.json');
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw badInput(`Cannot read the sample manifest ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw badInput(`The sample manifest ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseManifest(json);
}
