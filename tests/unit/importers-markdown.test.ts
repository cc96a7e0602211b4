import { describe, expect, it } from 'vitest';
import { mdImporter } from '../../core/importers/md.js';
import { findImporter, unknownFormatReason } from '../../core/importers/registry.js';
import { txtImporter } from '../../core/importers/txt.js';
import { ImportRefusal } from '../../core/importers/types.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('Markdown importer', () => {
  it('keeps readable text without markup and uses the first heading as title', () => {
    const [doc] = mdImporter.parse(
      bytes(
        '# Interview 3 &amp; notes\n\nSome *emphasis*, **bold**, [a link](http://x.y) and `code`.\n\n- item one\n- item *two*\n\n1. first\n2. second\n\n> quoted\n',
      ),
      'i3.md',
    );
    expect(doc?.title).toBe('Interview 3 & notes');
    expect(doc?.text).toBe(
      'Interview 3 & notes\n\nSome emphasis, bold, a link and code.\n\n• item one\n• item two\n\n1. first\n2. second\n\nquoted',
    );
    expect(doc?.text).not.toMatch(/[*#[\]`]/);
  });

  it('finds speakers written in bold', () => {
    const [doc] = mdImporter.parse(bytes('**Anna:** I paid.\n\n**Ben:** I did not.\n\n**Anna:** Why?'), 'x.md');
    expect(doc?.turns.map((t) => [t.speaker, doc.text.slice(t.start, t.end)])).toEqual([
      ['Anna', 'I paid.'],
      ['Ben', 'I did not.'],
      ['Anna', 'Why?'],
    ]);
  });

  it('refuses a file with nothing but markup', () => {
    expect(() => mdImporter.parse(bytes('---\n\n<!-- nothing -->\n'), 'x.md')).toThrow(ImportRefusal);
  });
});

describe('importer registry', () => {
  it('picks importers by extension and explains unknown formats', () => {
    expect(findImporter(bytes('x'), 'a.TXT')).toBe(txtImporter);
    expect(findImporter(bytes('x'), 'dir/b.markdown')).toBe(mdImporter);
    expect(findImporter(bytes('x'), 'c.pdf')).toBeUndefined();
    expect(unknownFormatReason('c.pdf')).toMatch(/\.pdf files are not supported/);
    expect(unknownFormatReason('README')).toMatch(/without an extension/);
  });

  it('titles plain text by file name and refuses empty or blank text', () => {
    expect(txtImporter.parse(bytes('hello'), 'folder/Interview 7.txt')[0]?.title).toBe('Interview 7');
    expect(() => txtImporter.parse(bytes(''), 'a.txt')).toThrow(/empty/);
    expect(() => txtImporter.parse(bytes(' \n\t\r\n'), 'a.txt')).toThrow(/only whitespace/);
  });
});
