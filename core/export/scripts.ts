/**
 * Which writing system a text is in, for writers that must pick a font with the glyphs (CJK)
 * or lay a paragraph out right to left (Arabic, Hebrew, …). Office files do not fall back
 * between fonts the way browsers do, so the writer has to name the right one.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Right to left when the first strong (letter) character is from an RTL script, as Unicode's bidi rule P2. */
export function isRtl(text: string): boolean {
  for (const ch of text) {
    if (LETTER.test(ch)) return RTL_LETTER.test(ch);
  }
  return false;
}

/** Noto CJK ships with most Linux desktops and LibreOffice; Windows and macOS substitute their own. */
export function cjkFont(text: string, language?: string | null): string {
  const lang = (language ?? '').toLowerCase();
  if (lang.startsWith('ja') || /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'Noto Sans CJK JP';
  if (lang.startsWith('ko') || /\p{Script=Hangul}/u.test(text)) return 'Noto Sans CJK KR';
  if (lang === 'zh-tw' || lang === 'zh-hant' || lang === 'zh-hk') return 'Noto Sans CJK TC';
  return 'Noto Sans CJK SC';
}

/** Latin text font for Office files: metric-compatible Carlito stands in for it on Linux. */
export const LATIN_FONT = 'Calibri';
/** For Arabic/Hebrew runs (the complex-script slot): Arial has both on Windows and macOS. */
export const RTL_FONT = 'Arial';
