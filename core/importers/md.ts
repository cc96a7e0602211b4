/**
 * Markdown (.md): keeps the readable text and drops the markup — heading marks, emphasis,
 * link syntax, code fences. Paragraphs stay separated by a blank line, list items stay one
 * per line ("• item", "1. item"), so `Name: text` speaker lines still become turns.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { extensionOf, titleFromFileName } from './names.js';
import { decodeOrRefuse, documentFromText } from './plainText.js';
import { type Importer, ImportRefusal } from './types.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const stripTags = (html: string): string => html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '');

function inline(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  return tokens.map(inlineToken).join('');
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens ? inline(t.tokens) : decodeEntities(t.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
    case 'em':
    case 'del':
    case 'link':
      return inline((token as Tokens.Strong | Tokens.Em | Tokens.Del | Tokens.Link).tokens);
    case 'codespan':
      return decodeEntities((token as Tokens.Codespan).text);
    case 'image':
      return (token as Tokens.Image).text;
    case 'br':
      return '\n';
    case 'html':
      return decodeEntities(stripTags((token as Tokens.HTML).text));
    default:
      return 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : '';
  }
}

function listText(list: Tokens.List, depth: number): string {
  const start = typeof list.start === 'number' ? list.start : 1;
  return list.items
    .map((item, i) => {
      const marker = list.ordered ? `${start + i}. ` : '• ';
      const indent = '  '.repeat(depth);
      const parts: string[] = [];
      for (const child of item.tokens) {
        if (child.type === 'list') parts.push(listText(child as Tokens.List, depth + 1));
        else {
          const text = block(child, depth).trim();
          if (text) parts.push(parts.length === 0 ? `${indent}${marker}${text}` : `${indent}  ${text}`);
        }
      }
      if (parts.length === 0) parts.push(`${indent}${marker}`.trimEnd());
      return parts.join('\n');
    })
    .join('\n');
}

function block(token: Token, depth = 0): string {
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      return inline((token as Tokens.Heading | Tokens.Paragraph).tokens);
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens ? inline(t.tokens) : decodeEntities(t.text);
    }
    case 'list':
      return listText(token as Tokens.List, depth);
    case 'blockquote':
      return blocks((token as Tokens.Blockquote).tokens);
    case 'code':
      return (token as Tokens.Code).text;
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens).trim()).join(' | ');
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'html':
      return decodeEntities(stripTags((token as Tokens.HTML).text)).trim();
    default:
      return '';
  }
}

function blocks(tokens: readonly Token[]): string {
  return tokens
    .map((t) => block(t))
    .map((t) => t.replace(/[ \t]+$/gm, ''))
    .filter((t) => t.trim().length > 0)
    .join('\n\n');
}

export function markdownToText(source: string): { title: string | null; text: string } {
  const tokens = new Lexer({ gfm: true }).lex(source);
  const heading = tokens.find((t): t is Tokens.Heading => t.type === 'heading');
  const title = heading ? inline(heading.tokens).trim() || null : null;
  return { title, text: blocks(tokens).normalize('NFC') };
}

export const mdImporter = {
  format: 'md',
  version: '1',
  mediaType: 'text/markdown',
  detect: (_bytes, name) => ['md', 'markdown'].includes(extensionOf(name)),
  parse(bytes, name) {
    const { title, text } = markdownToText(decodeOrRefuse(bytes));
    if (text.trim().length === 0) throw new ImportRefusal('the file has no text once its Markdown markup is removed');
    return [documentFromText(title ?? titleFromFileName(name), text)];
  },
} satisfies Importer;
