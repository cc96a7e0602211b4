/**
 * XML for REFI-QDA, read safely: a document type declaration (the door to external entities
 * and "billion laughs" expansion) is refused outright — REFI-QDA files never need one — and
 * fast-xml-parser's entity processing is off; only the five predefined entities and numeric
 * character references are decoded (by `entities`), which cannot expand.
 */
import { decodeXML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportRefusal } from '../importers/types.js';

/** Every element is an array of these; attributes sit beside `#text` and child elements. */
export type XmlNode = { [key: string]: XmlNode[] | string | undefined } & { '#text'?: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  tagValueProcessor: (_name, value) => decodeXML(value),
  attributeValueProcessor: (_name, value) => decodeXML(value),
});

export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefusal('its XML is not valid UTF-8');
  }
}

/** Parses `xml` (named `part` in messages) into nodes, or refuses it with the reason. */
export function parseXml(xml: string, part: string): XmlNode {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ImportRefusal(
      `${part} declares a document type or entities (<!DOCTYPE>/<!ENTITY>), which REFI-QDA never uses; refused so no external or expanding entity is read`,
    );
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportRefusal(`${part} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  return parser.parse(xml) as XmlNode;
}

/** Child elements named `name`. */
export const kids = (node: XmlNode | undefined, name: string): XmlNode[] => {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
};
export const kid = (node: XmlNode | undefined, name: string): XmlNode | undefined => kids(node, name)[0];
export const attr = (node: XmlNode | undefined, name: string): string | undefined => {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
};
/** The text of a child element (`<Description>…</Description>`), or undefined when absent. */
export function textOf(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  if (!Array.isArray(value) || value.length === 0) return undefined;
  // A leaf element with only text is parsed as the string itself; with attributes, as a node.
  const child: unknown = value[0];
  if (typeof child === 'string') return child;
  const text = (child as XmlNode)['#text'];
  return typeof text === 'string' ? text : '';
}

/** Escapes text for XML content or a double-quoted attribute; drops characters XML 1.0 cannot carry. */
export function esc(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}
