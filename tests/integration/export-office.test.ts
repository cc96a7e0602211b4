import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { multilingualStudy, NAMES, QUOTES, type Study } from './export-fixture.js';

let s: Study;
afterEach(() => {
  s?.t.dispose();
  delete process.env.QUARRY_CHROMIUM;
});

function unzip(base64: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [
      name,
      /\.(xml|rels)$/.test(name) ? strFromU8(bytes) : `<${bytes.length} bytes>`,
    ]),
  );
}

/** The text of a WordprocessingML/DrawingML part: runs joined, breaks as newlines. */
function textOf(xml: string): string {
  return xml
    .replace(/<w:br\/>|<a:br\/>/g, '\n')
    .replace(/<\/w:p>|<\/a:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'");
}

const fold = (text: string) => text.replace(/\s+/g, ' ');

describe('DOCX report', () => {
  it('has Heading 1–3 styles, quotes in the Quote style, CJK fonts, RTL Arabic, tables and a chart', async () => {
    s = await multilingualStudy();
    const r = await s.t.call('export.report', { format: 'docx' });
    expect(r).toMatchObject({ fileName: 'checkout-结账-study-report.docx', encoding: 'base64', notices: [] });
    const files = unzip(r.data);
    const doc = files['word/document.xml'] ?? '';
    const styles = files['word/styles.xml'] ?? '';
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading2"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading3"/>'); // Money › Hidden fees under Money
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Quote"/);
    expect(doc).toContain('<w:pStyle w:val="Quote"/>');
    expect(doc).toMatch(/w:eastAsia="Noto Sans CJK SC"/);
    const text = textOf(doc);
    for (const q of Object.values(QUOTES)) expect(fold(text)).toContain(fold(q));
    // Insights come first, before the codebook and the excerpts by code.
    expect(text.indexOf('Fees must show early')).toBeLessThan(text.indexOf('Codebook'));
    expect(text).toContain('Recommendation: Show every fee on the first page of checkout');
    // The Arabic quote's paragraph is right to left.
    const arabicPara = doc.split('</w:p>').find((p) => textOf(p).includes(QUOTES.arabic)) ?? '';
    expect(arabicPara).toContain('<w:bidi/>');
    expect(arabicPara).toContain('<w:rtl/>');
    expect(doc).toContain('<w:tbl>');
    expect(Object.keys(files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    expect(Object.keys(files).some((f) => /^word\/media\/.+\.svg$/.test(f))).toBe(true);
  });

  it('redacted: no Latin, Chinese or Arabic names, no labels', async () => {
    s = await multilingualStudy();
    process.env.QUARRY_CHROMIUM = 'none'; // no charts needed here; Chromium is the slow part
    const files = unzip((await s.t.call('export.report', { format: 'docx', redact: true })).data);
    const text = textOf(files['word/document.xml'] ?? '');
    for (const name of [...Object.values(NAMES), 'Anna', 'Schmidt', 'P01', 'P02', 'P03'])
      expect(text).not.toContain(name);
    expect(text).toContain('Alpha');
    expect(text).toContain('Gamma');
  });

  it('without a Chromium the chart is dropped with a notice and the document is still written', async () => {
    s = await multilingualStudy();
    process.env.QUARRY_CHROMIUM = 'none';
    const r = await s.t.call('export.report', { format: 'docx' });
    expect(r.notices?.[0]).toMatch(/^Chart "Excerpts and participants per theme" left out: no Chromium/);
    const files = unzip(r.data);
    expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(false);
    expect(files['word/document.xml']).toContain('Heading1');
  });
});

describe('PPTX insight deck', () => {
  const slidesOf = (files: Record<string, string>) =>
    Object.keys(files)
      .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
      .sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0]))
      .map((f) => files[f] ?? '');

  it('title, overview, one slide per insight with its quotes and evidence, chart slides; CJK runs in a CJK font', async () => {
    s = await multilingualStudy();
    const r = await s.t.call('export.report', { format: 'pptx' });
    expect(r).toMatchObject({ fileName: 'checkout-结账-study-insights.pptx', encoding: 'base64' });
    const slides = slidesOf(unzip(r.data));
    // title + overview + 2 insights + 2 charts (frequency, by Segment)
    expect(slides).toHaveLength(6);
    const texts = slides.map((x) => fold(textOf(x)));
    expect(texts[0]).toContain('Checkout 结账 Study');
    expect(texts[1]).toContain('Method');
    expect(texts[1]).toContain('3participants'.replace('3', '3 '));
    expect(texts[2]).toContain('Fees must show early');
    expect(texts[2]).toContain(fold(QUOTES.fees));
    expect(texts[2]).toContain(QUOTES.arabic);
    expect(texts[2]).toContain('High priority · 2 participants · 2 documents · 2 excerpts');
    expect(texts[2]).toContain('Recommendation: Show every fee on the first page of checkout');
    expect(texts[2]).toContain('— Alpha'.replace('Alpha', 'P01'));
    expect(texts[3]).toContain('价格是主要障碍');
    expect(texts[3]).toContain(QUOTES.price);
    expect(texts[4]).toContain('Excerpts and participants per theme');
    expect(texts[5]).toContain('Excerpts per theme by Segment');
    // Every text is an editable text box (a:t inside p:sp with a txBody), not a picture of text.
    expect(slides[2]).toMatch(/<p:sp>[\s\S]*<p:txBody>[\s\S]*Fees must show early/);
    // The CJK run names a CJK font; the Latin one does not.
    const cjkRun = slides[3]?.match(/<a:rPr[^>]*>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>[^<]*价格是主要障碍/s)?.[0] ?? '';
    expect(cjkRun).toMatch(/typeface="Noto Sans CJK SC"/);
    expect(slides[4]).toContain('<p:pic>');
    // The Arabic quote's paragraph is right to left.
    const arabic = slides[2]?.split('</a:p>').find((p) => textOf(p).includes(QUOTES.arabic)) ?? '';
    expect(arabic).toMatch(/<a:pPr[^>]*rtl="1"/);
  });

  it('a very long quote is cut to fit its box', async () => {
    s = await multilingualStudy();
    process.env.QUARRY_CHROMIUM = 'none'; // no charts needed here; Chromium is the slow part
    const long = `${'The checkout asked for my address again and again. '.repeat(40)}END`;
    const doc = (
      await s.t.call('documents.import', {
        files: [{ name: 'long.txt', dataBase64: Buffer.from(long).toString('base64') }],
      })
    ).imported[0]?.documentIds[0];
    const codes = await s.t.call('codes.list', {});
    const ex = await s.t.call('excerpts.tag', {
      documentId: doc as never,
      start: 0,
      end: long.length,
      codeIds: [codes[0]?.id as never],
    });
    await s.t.call('insights.add', { title: 'Long', statement: 'A long one.', evidence: [ex.excerptId] });
    const slides = slidesOf(unzip((await s.t.call('export.report', { format: 'pptx' })).data));
    const slide = slides.find((x) => textOf(x).includes('A long one.')) ?? '';
    const text = textOf(slide);
    expect(text).not.toContain('END');
    expect(text).toContain('…');
    expect(text.length).toBeLessThan(900);
    expect(slide).toContain('<a:normAutofit');
  });

  it('redacted deck has no names or labels', async () => {
    s = await multilingualStudy();
    process.env.QUARRY_CHROMIUM = 'none'; // no charts needed here; Chromium is the slow part
    const slides = slidesOf(unzip((await s.t.call('export.report', { format: 'pptx', redact: true })).data));
    const all = slides.map(textOf).join('\n');
    for (const name of [...Object.values(NAMES), 'Anna', 'P01', 'P02', 'P03']) expect(all).not.toContain(name);
    expect(all).toContain('— Alpha');
    expect(all).toContain('— Beta');
  });

  // Chinese has no spaces between words: the name must be found inside running text.
  it('redacts a Chinese name written inside Chinese running text', async () => {
    s = await multilingualStudy();
    process.env.QUARRY_CHROMIUM = 'none'; // no charts needed here; Chromium is the slow part
    await s.t.call('insights.add', {
      title: 'CJK',
      statement: `${NAMES.cjk}认为价格太贵。`,
      evidence: [s.excerpts.price],
    });
    const slides = slidesOf(unzip((await s.t.call('export.report', { format: 'pptx', redact: true })).data));
    expect(slides.map(textOf).join('\n')).not.toContain(NAMES.cjk);
  });
});
