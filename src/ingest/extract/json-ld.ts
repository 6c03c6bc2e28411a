/**
 * Schema.org JSON-LD as pages publish it: one or more <script type="application/ld+json"> blocks,
 * each an object, an array or an @graph, with article nodes nested anywhere and people or
 * organisations referenced by @id. This file finds the article node and reads values from it.
 */
import { decodeEntities, type DomDocument } from './dom.js';

/** A JSON-LD node: a plain object. */
export type LdNode = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'blogposting', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'reviewnewsarticle', 'backgroundnewsarticle', 'askpublicnewsarticle', 'satiricalarticle', 'liveblogposting',
  'scholarlyarticle', 'techarticle', 'report', 'socialmediaposting', 'posting', 'review',
]);
const PAGE_TYPES = new Set(['webpage', 'itempage', 'collectionpage', 'aboutpage', 'medicalwebpage']);

function isNode(value: unknown): value is LdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node's @type values, lower-cased and without a schema.org prefix. */
export function typesOf(node: LdNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(?:https?:\/\/)?schema\.org\//i, '').toLowerCase());
}

function parseBlock(text: string): unknown {
  const trimmed = text.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '').trim();
  if (trimmed === '') return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    // Raw line breaks and tabs inside strings are the most common defect; JSON forbids them.
    try {
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

/** Every object node in the page's JSON-LD, depth first (arrays, @graph and nested values). */
function collectNodes(value: unknown, out: LdNode[], depth: number): void {
  if (depth > 12) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  out.push(value);
  for (const [key, child] of Object.entries(value)) {
    if (key === '@context') continue;
    if (typeof child === 'object' && child !== null) collectNodes(child, out, depth + 1);
  }
}

/** The page's JSON-LD: its nodes, an @id index, and the article node (or the web page node). */
export interface JsonLd {
  nodes: LdNode[];
  article: LdNode | null;
  resolve(value: unknown): unknown;
}

/** Reads every JSON-LD block of the page. Broken blocks are skipped. */
export function readJsonLd(document: DomDocument): JsonLd {
  const nodes: LdNode[] = [];
  for (const script of document.querySelectorAll('script[type]')) {
    if (/ld\+json/i.test(script.getAttribute('type') ?? '')) collectNodes(parseBlock(script.textContent ?? ''), nodes, 0);
  }
  const byId = new Map<string, LdNode>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id !== 'string') continue;
    // The fullest node with an id wins: references are often repeated as bare {"@id": …}.
    const current = byId.get(id);
    if (current === undefined || Object.keys(node).length > Object.keys(current).length) byId.set(id, node);
  }
  const resolve = (value: unknown): unknown => {
    if (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) return byId.get(value['@id']) ?? value;
    return value;
  };
  const articles = nodes.filter((node) => typesOf(node).some((t) => ARTICLE_TYPES.has(t)));
  // Prefer the article node that says most about itself (a listing may name other articles).
  const best = articles.sort((a, b) => Number('articleBody' in b || 'headline' in b) - Number('articleBody' in a || 'headline' in a))[0];
  const page = nodes.find((node) => typesOf(node).some((t) => PAGE_TYPES.has(t)));
  return { nodes, article: best ?? page ?? null, resolve };
}

/** A string value (or the first string of an array); objects give their `name`. */
export function ldText(ld: JsonLd, value: unknown): string | null {
  const resolved = ld.resolve(Array.isArray(value) ? value[0] : value);
  if (typeof resolved === 'string') return resolved.trim() === '' ? null : decodeEntities(resolved.trim());
  if (typeof resolved === 'number') return String(resolved);
  if (isNode(resolved)) return ldText(ld, resolved['name'] ?? resolved['@value'] ?? null);
  return null;
}

/** Names of the people (or organisations) in an author-like value. */
export function ldNames(ld: JsonLd, value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => ldText(ld, item)).filter((name): name is string => name !== null);
}

/** A URL from a value that is a URL string or an object with url/contentUrl/@id. */
export function ldUrl(ld: JsonLd, value: unknown): string | null {
  const resolved = ld.resolve(Array.isArray(value) ? value[0] : value);
  if (typeof resolved === 'string') return /^(?:https?:)?\/\//i.test(resolved.trim()) || resolved.startsWith('/') ? resolved.trim() : null;
  if (isNode(resolved)) return ldUrl(ld, resolved['url'] ?? resolved['contentUrl'] ?? resolved['@id'] ?? null);
  return null;
}

/** The object a property points to, resolved through @id. */
export function ldObject(ld: JsonLd, value: unknown): LdNode | null {
  const resolved = ld.resolve(Array.isArray(value) ? value[0] : value);
  return isNode(resolved) ? resolved : null;
}

/** The name of the WebSite node, if the page has one. */
export function ldWebsiteName(ld: JsonLd): string | null {
  const site = ld.nodes.find((node) => typesOf(node).includes('website'));
  return site ? ldText(ld, site['name']) : null;
}
