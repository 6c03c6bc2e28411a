/**
 * Dave Winer's "RSS in JSON" (`{"rss": {"version": "2.0", "channel": {...}}}`, see
 * github.com/scripting/Scripting-News/tree/master/rss-in-json) mapped onto the XML element tree,
 * so the RSS reader serves it unchanged. In that shape a string property of channel, item, image
 * or textInput is a child element; of any other object (guid, enclosure, source, category) it is
 * an attribute, with the element's own text under "#value". Arrays are repeated elements.
 */
import { NS, type XmlElement } from './xml-tree.js';

const CONTAINERS = new Set(['channel', 'item', 'image', 'textInput', 'textinput']);
const CONVENTIONAL: Record<string, string> = { dc: NS.dc, content: NS.content, media: NS.media, atom: NS.atom, itunes: NS.itunes };

/** True for a parsed JSON document in the RSS-in-JSON shape. */
export function isRssInJson(document: unknown): document is { rss: Record<string, unknown> } {
  const rss = (document as { rss?: unknown } | null)?.rss;
  return typeof rss === 'object' && rss !== null && typeof (rss as { channel?: unknown }).channel === 'object';
}

/** Builds the <rss> element tree of an RSS-in-JSON document. */
export function rssInJsonToTree(document: { rss: Record<string, unknown> }): XmlElement {
  return build('rss', document.rss, null, new Map(), 0);
}

/** Deeper structures are not RSS; the limit keeps hostile nesting from exhausting the stack. */
const MAX_DEPTH = 32;

function build(name: string, value: unknown, parent: XmlElement | null, outer: ReadonlyMap<string, string>, depth: number): XmlElement {
  const scope = new Map(outer);
  const fields = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [['#value', value] as const];
  for (const [key, v] of fields) if (key.startsWith('xmlns:') && typeof v === 'string') scope.set(key.slice(6), v);
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? name.slice(0, colon) : '';
  const element: XmlElement = {
    name,
    local: colon > 0 ? name.slice(colon + 1) : name,
    ns: prefix ? scope.get(prefix) ?? CONVENTIONAL[prefix] ?? `urn:undeclared-prefix:${prefix}` : '',
    attrs: new Map(),
    children: [],
    parent,
  };
  const container = CONTAINERS.has(name);
  for (const [key, v] of fields) {
    if (v === null || v === undefined || (depth >= MAX_DEPTH && typeof v === 'object')) continue;
    if (key === '#value') {
      element.children.push(String(v));
    } else if (Array.isArray(v)) {
      for (const entry of v) element.children.push(build(key, entry, element, scope, depth + 1));
    } else if (typeof v === 'object' || container) {
      element.children.push(build(key, v, element, scope, depth + 1));
    } else {
      element.attrs.set(key, String(v));
    }
  }
  return element;
}
