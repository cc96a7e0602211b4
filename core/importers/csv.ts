/**
 * Survey exports (.csv): each respondent (row) becomes a participant with typed attribute
 * values (numbers, dates, yes/no: ./csv/values.ts) and one 'survey_response' document holding
 * their answers, each under its question heading. Empty answers are skipped; a respondent
 * without any answer is still a participant, with no document. Without a mapping from the
 * caller, the guessed column roles are used (./csv/analyse.ts).
 */
import { guessLanguage } from '../text/language.js';
import { type CsvMapping, guessRoles, mappingFromRoles, parseCsv } from './csv/analyse.js';
import { typeColumn } from './csv/values.js';
import { extensionOf, titleFromFileName } from './names.js';
import { decodeOrRefuse } from './plainText.js';
import { type Importer, ImportRefusal, type ParsedDocument } from './types.js';

/**
 * The most columns one survey import turns into attributes and answers. Real questionnaires
 * have tens to a few hundred; a file with 100,000 columns is a data dump, and each attribute is
 * a row that every participant view lists.
 */
export const MAX_SURVEY_COLUMNS = 1000;

export function csvDocuments(text: string, name: string, mapping?: CsvMapping): ParsedDocument[] {
  const table = parseCsv(text);
  const map = mapping ?? mappingFromRoles(guessRoles(table));
  const chosen = map.attributeColumns.length + map.textColumns.length;
  if (chosen > MAX_SURVEY_COLUMNS) {
    throw new ImportRefusal(
      `it has ${table.headers.length.toLocaleString('en')} columns and ${chosen.toLocaleString('en')} would be imported; Quarry takes at most ${MAX_SURVEY_COLUMNS} from one survey file (choose the columns with --csv-text and --csv-attributes, or in the CSV preview)`,
    );
  }
  const positions = new Map<string, number>();
  table.headers.forEach((h, i) => {
    if (!positions.has(h)) positions.set(h, i);
  });
  const index = (column: string) => {
    const i = positions.get(column) ?? -1;
    if (i < 0)
      throw new ImportRefusal(
        `it has no column "${column}" (its columns are ${table.headers.map((h) => `"${h}"`).join(', ')})`,
      );
    return i;
  };
  const idIndex = map.idColumn ? index(map.idColumn) : -1;
  const attributes = map.attributeColumns.map((c) => {
    const i = index(c);
    return { name: c, ...typeColumn(table.rows.map((row) => row[i] ?? '')) };
  });
  const types = Object.fromEntries(attributes.map((a) => [a.name, a.type]));
  const texts = map.textColumns.map((c) => [c, index(c)] as const);
  if (texts.length === 0) {
    throw new ImportRefusal('no column holds open-text answers; choose the text columns in the CSV preview');
  }
  const stem = titleFromFileName(name);
  const docs: ParsedDocument[] = [];
  const labels = new Set<string>();
  table.rows.forEach((row, r) => {
    let label = idIndex >= 0 ? (row[idIndex] ?? '') : '';
    if (!label) label = `${stem} #${r + 1}`;
    if (labels.has(label))
      throw new ImportRefusal(`respondent id "${label}" appears twice in column "${map.idColumn}"`);
    labels.add(label);
    const answers = texts
      .map(([column, i]) => [column, (row[i] ?? '').replace(/\r\n?/g, '\n').trim()] as const)
      .filter(([, answer]) => answer !== '');
    const participant = {
      label,
      attributes: Object.fromEntries(
        attributes.map((a) => [a.name, a.values[r] ?? ''] as const).filter(([, v]) => v !== ''),
      ),
      types,
    };
    if (answers.length === 0) {
      docs.push({ title: `${stem} — ${label}`, text: '', turns: [], participant, participantOnly: true });
      return;
    }
    const breaks: number[] = [];
    let out = '';
    for (const [question, answer] of answers) {
      if (out) out += '\n\n';
      breaks.push(out.length);
      out += `${question}\n${answer}`;
    }
    const body = out.normalize('NFC');
    docs.push({
      title: `${stem} — ${label}`,
      text: body,
      turns: [],
      breaks,
      kind: 'survey_response',
      language: guessLanguage(body),
      participant,
    });
  });
  return docs;
}

export const csvImporter: Importer = {
  format: 'csv',
  version: '1',
  mediaType: 'text/csv',
  detect: (_bytes, name) => ['csv', 'tsv'].includes(extensionOf(name)),
  parse(bytes, name, options) {
    return csvDocuments(decodeOrRefuse(bytes), name, options?.csv);
  },
};
