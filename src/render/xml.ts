import { XMLBuilder } from 'fast-xml-parser';

/**
 * Characters XML 1.0 cannot carry at all, not even escaped: C0 controls other than tab, line
 * feed and carriage return, lone surrogates, U+FFFE and U+FFFF. Imported titles sometimes hold
 * them; one of them makes a whole feed unreadable to a strict parser.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML element content and quoted attribute values (dropping forbidden characters). */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => xmlEscapes[c]!);
}

/** Element trees for XMLBuilder: `@_name` keys are attributes, `#text` is text content. */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlNode[] | string[] | undefined;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

/** Serialises an element tree as an XML document; every string is cleaned of forbidden characters and escaped. */
export function buildXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(clean(root)) as string}`;
}

function clean(node: XmlNode): XmlNode {
  const out: XmlNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) continue;
    if (typeof value === 'string') out[key] = xmlSafe(value);
    else if (Array.isArray(value)) out[key] = (value as (string | XmlNode)[]).map((v) => (typeof v === 'string' ? xmlSafe(v) : clean(v))) as XmlNode[] | string[];
    else out[key] = clean(value);
  }
  return out;
}
