/**
 * Intercoder agreement between chosen coders (core/analysis/agreement.ts has the arithmetic):
 * which documents are compared, which codes, and where the coders disagree.
 */
import type { CodingSpanRow } from '../../db/repositories/analysis.js';
import { CodeAgreement, mergeSpans, type PairTable, type Span, stretches } from '../analysis/agreement.js';
import type { AgreementFiguresDto, Disagreement, IntercoderAgreement } from '../contract/measures-types.js';
import type { CodeId, DocumentId } from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import type { ProjectContext } from './context.js';

/** The most disagreements one answer lists; the total is always given. */
export const MAX_DISAGREEMENTS = 1000;
/** The most characters of a disagreement's text an answer carries. */
const MAX_SNIPPET = 300;

export interface AgreementRequest {
  coders: readonly string[];
  code?: string | undefined;
}

function figures(agreement: CodeAgreement): AgreementFiguresDto {
  const f = agreement.figures();
  const table: PairTable | null = agreement.coders === 2 ? (agreement.pairs[0] ?? null) : null;
  return { ...f, table: table ? { ...table } : null };
}

export function intercoderAgreement({ repos }: ProjectContext, request: AgreementRequest): IntercoderAgreement {
  const names = [...new Set(request.coders.map((c) => c.trim()).filter((c) => c !== ''))];
  if (names.length < 2) throw badInput('Name at least two different coders to compare, e.g. --coders Ana,Ben.');
  const known = repos.coders.list();
  const coders = names.map((name) => {
    const coder = known.find((c) => c.name === name);
    if (!coder) {
      const list = known.map((c) => `"${c.name}"`).join(', ');
      throw notFound(`There is no coder "${name}" in this project.${list ? ` Coders: ${list}.` : ''}`);
    }
    return coder;
  });

  const codes = repos.codes.list();
  let onlyCode: CodeId | undefined;
  if (request.code !== undefined) {
    const matches = codes.filter((c) => c.name === request.code?.trim());
    if (matches.length === 0) throw notFound(`There is no code "${request.code}".`);
    if (matches.length > 1) throw badInput(`More than one code is named "${request.code}"; rename one to compare it.`);
    onlyCode = matches[0]?.id;
  }
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  const order = new Map(codes.map((c, i) => [c.id, i]));

  const coderIndex = new Map(coders.map((c, i) => [c.id as number, i]));
  const spans = repos.analysis.codingSpans(coders.map((c) => c.id));
  // Documents every chosen coder coded (with any code): the only ones where silence means "not this code".
  const codersOf = new Map<DocumentId, Set<number>>();
  for (const s of spans) {
    const set = codersOf.get(s.documentId) ?? new Set<number>();
    set.add(s.coderId);
    codersOf.set(s.documentId, set);
  }
  const documents = [...codersOf].filter(([, set]) => set.size === coders.length).map(([id]) => id);
  if (documents.length === 0) {
    throw badInput(
      `${names.join(', ')} have not coded any document in common, so there is nothing to compare. Each coder must code the same documents (merge your teammates' projects first).`,
    );
  }

  // document → code → coder index → spans
  const byDocument = new Map<DocumentId, Map<CodeId, Span[][]>>();
  const compared = new Set(documents);
  const usedCodes = new Set<CodeId>();
  for (const s of spans as CodingSpanRow[]) {
    if (!compared.has(s.documentId)) continue;
    if (onlyCode !== undefined && s.codeId !== onlyCode) continue;
    usedCodes.add(s.codeId);
    const documentCodes = byDocument.get(s.documentId) ?? new Map<CodeId, Span[][]>();
    byDocument.set(s.documentId, documentCodes);
    const perCoder = documentCodes.get(s.codeId) ?? coders.map((): Span[] => []);
    documentCodes.set(s.codeId, perCoder);
    perCoder[coderIndex.get(s.coderId) as number]?.push({ start: s.start, end: s.end });
  }
  if (onlyCode !== undefined) usedCodes.add(onlyCode);
  const codeIds = [...usedCodes].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));

  const perCode = new Map(codeIds.map((id) => [id, new CodeAgreement(coders.length)]));
  const disagreements: Disagreement[] = [];
  let disagreementsTotal = 0;
  let characters = 0;
  const titles = new Map(repos.documents.list().map((d) => [d.id, d.title]));
  for (const documentId of documents) {
    const text = repos.documents.text(documentId) ?? '';
    const total = [...stretches(text, [])].reduce((n, s) => n + s.characters, 0);
    characters += total;
    const coded = byDocument.get(documentId);
    for (const codeId of codeIds) {
      const agreement = perCode.get(codeId) as CodeAgreement;
      const lists = coded?.get(codeId);
      if (!lists) {
        agreement.add(
          total,
          coders.map(() => false),
        );
        continue;
      }
      let open: Disagreement | null = null;
      for (const piece of stretches(text, lists.map(mergeSpans))) {
        agreement.add(piece.characters, piece.coded);
        const agree = piece.coded.every((c) => c === piece.coded[0]);
        const codedBy = coders.filter((_, i) => piece.coded[i]).map((c) => c.name);
        if (open && (agree || open.end !== piece.start || open.codedBy.join('\u0000') !== codedBy.join('\u0000'))) {
          open = null;
        }
        if (agree) continue;
        if (open) {
          open.end = piece.end;
          continue;
        }
        disagreementsTotal++;
        if (disagreements.length >= MAX_DISAGREEMENTS) continue;
        open = {
          documentId,
          document: titles.get(documentId) ?? String(documentId),
          codeId,
          code: codeName.get(codeId) ?? String(codeId),
          start: piece.start,
          end: piece.end,
          codedBy,
          text: '',
        };
        disagreements.push(open);
      }
      for (const d of disagreements) {
        if (d.documentId === documentId && d.codeId === codeId && d.text === '') {
          d.text = text.slice(d.start, Math.min(d.end, d.start + MAX_SNIPPET));
        }
      }
    }
  }

  const overall = new CodeAgreement(coders.length);
  for (const a of perCode.values()) overall.merge(a);
  return {
    coders: coders.map((c) => c.name),
    documents: documents.length,
    characters,
    overall: figures(overall),
    codes: codeIds.map((id) => ({
      codeId: id,
      code: codeName.get(id) ?? String(id),
      ...figures(perCode.get(id) as CodeAgreement),
    })),
    disagreements,
    disagreementsTotal,
  };
}
