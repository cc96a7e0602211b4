/**
 * A cautious guess at a document's language (BCP 47), from its script and, for Latin
 * script, from very common words. Returns null when unsure: a wrong label is worse than none.
 */

const SCRIPTS: [RegExp, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  // Ukrainian letters (і ї є ґ) absent from Russian tell the two apart; other Cyrillic reads as Russian.
  [/[іїєґІЇЄҐ]/gu, 'uk'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
];

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'is', 'was', 'that', 'it', 'of', 'to', 'you', 'with', 'have', 'this', 'not', 'but'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'mit', 'auch', 'ein', 'eine', 'war', 'sie', 'wir'],
  fr: ['le', 'la', 'les', 'et', 'est', 'pas', 'je', 'une', 'des', 'que', 'pour', 'avec', 'nous', 'vous'],
  es: ['el', 'la', 'los', 'y', 'es', 'que', 'no', 'una', 'por', 'con', 'para', 'pero', 'muy', 'yo'],
  nl: ['de', 'het', 'een', 'en', 'is', 'niet', 'ik', 'dat', 'met', 'van', 'maar', 'ook', 'wij', 'zijn'],
  it: ['il', 'la', 'che', 'e', 'è', 'non', 'per', 'una', 'sono', 'con', 'ma', 'anche', 'io', 'gli'],
  pl: ['nie', 'się', 'jest', 'że', 'to', 'na', 'jak', 'ale', 'tak', 'mnie', 'było', 'bardzo', 'już', 'dla'],
  sv: ['och', 'det', 'att', 'är', 'jag', 'inte', 'som', 'en', 'på', 'med', 'för', 'men', 'var', 'har'],
  tr: ['ve', 'bir', 'bu', 'çok', 'ama', 'ne', 'için', 'de', 'da', 'ben', 'değil', 'gibi', 'var', 'mi'],
  pt: ['o', 'a', 'que', 'e', 'não', 'um', 'uma', 'para', 'com', 'mas', 'eu', 'os', 'muito', 'está'],
};

function cyrillicShare(sample: string, letters: number): number {
  return (sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0) / letters;
}

export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return null;
  // Kana marks Japanese even where Han characters dominate, so it is checked first.
  for (const [pattern, language] of SCRIPTS) {
    const n = sample.match(pattern)?.length ?? 0;
    const share = language === 'ja' ? 0.05 : language === 'uk' ? 0.01 : 0.3;
    if (n / letters > share && (language !== 'uk' || cyrillicShare(sample, letters) > 0.3)) return language;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return null;
  const scores = Object.entries(STOPWORDS).map(([language, list]) => {
    const set = new Set(list);
    return [language, words.filter((w) => set.has(w)).length] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < 3 || best[1] / words.length < 0.05) return null;
  if (second && best[1] < second[1] * 1.5) return null;
  return best[0];
}
