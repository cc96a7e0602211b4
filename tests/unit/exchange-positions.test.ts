import { describe, expect, it } from 'vitest';
import { codePointCounter, mapText, nameMatches, placeSelection } from '../../core/exchange/positions.js';
import { positionUnitOf } from '../../core/exchange/readArchive.js';

/** The stored text a REFI position lands on, counted in `unit`. */
function slice(raw: string, start: number, end: number, unit: 'codepoint' | 'utf16' = 'codepoint') {
  const mapped = mapText(raw);
  const s = mapped.offset(start, unit);
  const e = mapped.offset(end, unit);
  if (typeof s !== 'number' || typeof e !== 'number') return { s, e };
  return mapped.text.slice(s, e);
}

describe('REFI-QDA positions → stored UTF-16 offsets', () => {
  it('counts code points: an emoji is one position, two UTF-16 units', () => {
    const raw = 'I 😀 love 🧑🏽‍🍳 cooking';
    // code points: "I", " ", "😀", " ", "l"... — "love" starts at code point 4
    expect(slice(raw, 4, 8)).toBe('love');
    const after = [...raw].indexOf('c');
    expect(slice(raw, after, after + 7)).toBe('cooking');
    expect(mapText(raw).offset(after, 'codepoint')).toBe(raw.indexOf('cooking'));
  });

  it('CJK text in the basic plane counts the same both ways; astral CJK does not', () => {
    const raw = '我们讨论了价格。𠀋字很少见，然后是配送。';
    const cp = [...raw];
    const at = cp.indexOf('配');
    expect(slice(raw, at, at + 2)).toBe('配送');
    expect(slice(raw, raw.indexOf('配'), raw.indexOf('配') + 2, 'utf16')).toBe('配送');
    expect(raw.indexOf('配')).toBe(at + 1); // the astral 𠀋 is two units
  });

  it('a lone CR, NEL and the Unicode line separators become \\n, one position each', () => {
    const raw = 'a\rb\u0085c\u2028d';
    expect(mapText(raw).text).toBe('a\nb\nc\nd');
    expect(slice(raw, 6, 7)).toBe('d');
  });

  it('a UTF-8 BOM is not counted', () => {
    expect(slice('\uFEFFHello world', 6, 11)).toBe('world');
    expect(mapText('\uFEFFHello').text).toBe('Hello');
  });

  it('CRLF counts as two in the file and lands on the right characters after it becomes \\n', () => {
    const raw = 'line one\r\nline two\r\nline three';
    const mapped = mapText(raw);
    expect(mapped.text).toBe('line one\nline two\nline three');
    expect(slice(raw, 10, 18)).toBe('line two');
    // A selection ending between CR and LF ends with the line.
    expect(slice(raw, 10, 19)).toBe('line two');
    expect(slice(raw, 0, raw.length)).toBe(mapped.text);
  });

  it('combining marks: NFC composes them; a position between base and mark cannot be placed', () => {
    const raw = 'Cafe\u0301 au lait'; // e + combining acute
    const mapped = mapText(raw);
    expect(mapped.text).toBe('Café au lait');
    expect(slice(raw, 0, 5)).toBe('Café');
    expect(slice(raw, 6, 8)).toBe('au');
    expect(mapped.offset(4, 'codepoint')).toBe('split');
    expect(placeSelection(mapped, 0, 4, 'codepoint', null)).toEqual({ problem: 'split', unit: 'codepoint' });
  });

  it('a mark NFC leaves alone keeps its own position (no composed form exists)', () => {
    const raw = 'q\u0307 x';
    expect(mapText(raw).text).toBe(raw);
    expect(mapText(raw).offset(1, 'codepoint')).toBe(1);
  });

  it('NVivo mode counts UTF-16 units, BOM not counted, CRLF as two', () => {
    const raw = '\uFEFF😀 first\r\n🎉 second';
    // UTF-16 units without BOM: 😀 = 2, " first" = 6, CRLF = 2 → "🎉" at 10, "second" at 13
    expect(slice(raw, 13, 19, 'utf16')).toBe('second');
    expect(slice(raw, 2, 8, 'utf16')).toBe(' first');
    // Inside a surrogate pair is not a place.
    expect(mapText(raw).offset(1, 'utf16')).toBe('split');
  });

  it('positions past the end are outside', () => {
    const mapped = mapText('abc');
    expect(mapped.offset(3, 'codepoint')).toBe(3);
    expect(mapped.offset(4, 'codepoint')).toBe('outside');
    expect(mapped.offset(-1, 'codepoint')).toBe('outside');
    expect(placeSelection(mapped, 1, 9, 'codepoint', null)).toEqual({ problem: 'outside', unit: 'codepoint' });
  });

  it('the producer is read from origin', () => {
    expect(positionUnitOf('NVivo for Mac 15.0.0')).toBe('utf16');
    expect(positionUnitOf('NVivo for Windows 12.6')).toBe('utf16');
    expect(positionUnitOf('ATLAS.ti 8.4.0 573')).toBe('codepoint');
    expect(positionUnitOf(null)).toBe('codepoint');
  });

  it('a selection whose name is its text is placed the way that matches, and says so', () => {
    const raw = '🙂🙂🙂 the price was high';
    const mapped = mapText(raw);
    // Written in UTF-16 units by a producer that claims code points: 3 emoji = 6 units.
    const placed = placeSelection(mapped, 11, 16, 'codepoint', 'price');
    expect(placed).toMatchObject({ unit: 'utf16' });
    if ('start' in placed) expect(mapped.text.slice(placed.start, placed.end)).toBe('price');
    // The same numbers, counted in code points, are right when the name says so.
    const cp = placeSelection(mapped, 4, 9, 'codepoint', 'the p…');
    expect(cp).toMatchObject({ unit: 'codepoint' });
    // A label that is not text keeps the producer's count.
    expect(placeSelection(mapped, 4, 9, 'codepoint', 'Quotation 1:1')).toMatchObject({ unit: 'codepoint' });
  });

  it('names match with collapsed whitespace and a truncation ellipsis', () => {
    expect(nameMatches('I did try the…', 'I did try the gluten free bread')).toBe(true);
    expect(nameMatches('line one line two', 'line one\nline two')).toBe(true);
    expect(nameMatches('damage done by fatty foods', 'And he said')).toBe(false);
  });

  it('export counts code points of stored offsets', () => {
    const text = 'a😀b𠀋c';
    const cp = codePointCounter(text);
    expect(cp(0)).toBe(0);
    expect(cp(1)).toBe(1);
    expect(cp(3)).toBe(2);
    expect(cp(4)).toBe(3);
    expect(cp(6)).toBe(4);
    expect(cp(text.length)).toBe(5);
  });

  it('round trip: every code point boundary of random mixed text maps back to itself', () => {
    const text = 'Hé 😀 価格 שלום مرحبا 👩‍👩‍👧 e\u0301 x'.normalize('NFC');
    const mapped = mapText(text);
    expect(mapped.text).toBe(text);
    const cp = codePointCounter(text);
    for (let i = 0; i <= text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      expect(mapped.offset(cp(i), 'codepoint')).toBe(i);
    }
  });
});
