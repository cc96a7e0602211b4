/**
 * Survey headers however they are written: `respondent_id`, `RespondentID`, `Respondent ID`,
 * `ID`, `回答者ID`, `Teilnehmer-ID`, `Nr.`. A header is cut into lower-case, accent-free words
 * (camelCase, snake_case, kebab-case, dots and script changes all split), so one word list
 * recognises the respondent-id column in every style and several languages.
 */

/** Words meaning "identifier" or "number" (a column of labels, not a measure). */
const ID_WORDS = new Set([
  'id',
  'ids',
  'identifier',
  'identifiant',
  'identificador',
  'identificativo',
  'kennung',
  'uuid',
  'guid',
  'nr',
  'no',
  'num',
  'number',
  'nummer',
  'numero',
  'code',
  'key',
  '#',
  '编号',
  '番号',
  '번호',
  '아이디',
]);

/** Words naming the person (or case) a row describes. */
const WHO_WORDS = new Set([
  'respondent',
  'respondents',
  'response',
  'participant',
  'participants',
  'user',
  'case',
  'record',
  'subject',
  'person',
  'interviewee',
  'panelist',
  'panellist',
  'member',
  'customer',
  'p',
  'teilnehmer',
  'teilnehmerin',
  'teilnehmende',
  'befragte',
  'befragter',
  'befragten',
  'proband',
  'probandin',
  'fall',
  'repondant',
  'repondante',
  'participante',
  'encuestado',
  'encuestada',
  'entrevistado',
  'respondente',
  'partecipante',
  'rispondente',
  'deelnemer',
  'respondent',
  'uczestnik',
  'respondenta',
  '回答者',
  '受访者',
  '受訪者',
  '参与者',
  '參與者',
  '被访者',
  '调查对象',
  '参加者',
  '応答者',
  '回答',
  '응답자',
  '참가자',
  '참여자',
]);

/** Small words between the others: "Identifiant du répondant", "Number of the case". */
const LINKS = new Set(['of', 'the', 'du', 'de', 'des', 'del', 'der', 'di', 'da', 'do', 'van', 'von']);

/** A header as words: `RespondentID` → ["respondent", "id"], `回答者ID` → ["回答者", "id"]. */
export function headerWords(header: string): string[] {
  const spaced = header
    .normalize('NFKC')
    .replace(/\uFEFF/g, '')
    // camelCase and acronyms: respondentId, RespondentID, IDNumber
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    // a change of script: 回答者ID, ID番号
    .replace(/(\p{Script=Latin})(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu, '$1 ')
    .replace(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])(?=\p{Script=Latin})/gu, '$1 ')
    .replace(/(\p{L})(?=\d)|(\d)(?=\p{L})/gu, '$1$2 ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase();
  return spaced.split(/[^\p{L}\p{N}#]+/u).filter((w) => w !== '' && !LINKS.has(w));
}

/**
 * How strongly a header names the respondent id: 3 "respondent id" (who + id word),
 * 2 "id" alone, 1 "respondent" alone or a header holding an id word; 0 not at all.
 */
export function idHeaderScore(header: string): number {
  const words = headerWords(header);
  if (words.length === 0 || words.length > 3) return 0;
  const ids = words.filter((w) => ID_WORDS.has(w));
  const who = words.filter((w) => WHO_WORDS.has(w) || compoundWho(w));
  if (ids.length > 0 && ids.length + who.length === words.length && who.length > 0) return 3;
  if (words.length === 1 && compoundWho(words[0] as string)) return 3;
  if (words.length === 1 && ids.length === 1) return 2;
  if (words.length === 1 && who.length === 1) return 1;
  return words.includes('id') ? 1 : 0;
}

/** `teilnehmernummer`, `respondentnr`, `caseid`: a person word glued to an id word. */
function compoundWho(word: string): boolean {
  for (const id of ID_WORDS) {
    if (word.length > id.length && word.endsWith(id) && WHO_WORDS.has(word.slice(0, -id.length))) return true;
  }
  return false;
}

/** A header phrased as a question ("What could we do better?", "Warum?"): a hint of an open answer. */
export function isQuestion(header: string): boolean {
  return /[?？؟]\s*$/u.test(header.trim());
}

/**
 * Header cells as column names: BOM and runs of white space removed, an empty one named
 * "Column n", a repeated one numbered ("Age (2)") so every column can be chosen by name.
 */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, i) => {
    let name =
      cell
        .replace(/\uFEFF/g, '')
        .replace(/\s+/g, ' ')
        .trim() || `Column ${i + 1}`;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    if (n > 0) name = `${name} (${n + 1})`;
    return name;
  });
}
