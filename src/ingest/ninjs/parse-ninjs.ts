/**
 * Parser for IPTC ninjs (News in JSON) documents of every generation (1.x, 2.x, 3.x): one item,
 * or a collection (a JSON array of items). A package without text of its own whose associations
 * carry text yields those associated stories. Pure: no I/O, no clock.
 *
 * Whole-document failures throw NinjsError; anything item-sized is reported in `problems` and the
 * rest goes on (a wrong entry in a collection is skipped, an item without text is kept without a body).
 */
import { checkNinjsItem } from './check-shape.js';
import type { NinjsArticle, NinjsProblem, ParsedNinjs } from './ninjs-article.js';
import { bestBodyHtml } from './ninjs-body-html.js';
import { NinjsError } from './ninjs-error.js';
import { authorsOf, bodyCandidatesOf, clean, conceptsOf, providerOf, readDate, standfirstOf, titleOf, versionOf } from './ninjs-item-fields.js';
import { associationsOf, imageUrlOf, originalUrlOf, type Association } from './ninjs-media.js';
import { EXTENSION_PROPERTY, type NinjsItemData } from './ninjs-schema.js';

export type { NinjsArticle, NinjsConcept, NinjsProblem, ParsedNinjs } from './ninjs-article.js';
export { NinjsError } from './ninjs-error.js';

const KNOWN_TYPES = new Set(['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component', 'event', 'planning']);

/** Properties only a ninjs item has; an object with none of them is some other JSON. */
const NINJS_MARKERS = ['uri', 'headline', 'headlines', 'bodies', '$standard', 'standard', 'versioncreated', 'versionCreated', 'firstcreated', 'firstCreated'];

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

function parseJson(json: string | Buffer): unknown {
  let text: string;
  if (typeof json === 'string') {
    text = json;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(json);
    } catch (cause) {
      throw new NinjsError('not-json', 'The file is not UTF-8 text, so it is not ninjs JSON (JSON is always UTF-8).', { cause });
    }
  }
  text = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (cause) {
    const start = text.trimStart();
    const hint = start === '' ? ' The file is empty.'
      : start.startsWith('<') ? ' It looks like XML (NewsML-G2, NewsML 1 or NITF); only ninjs JSON can be imported here.'
        : ' Fix the syntax near that position and import it again.';
    const why = (cause as Error).message.replace(/\s+/g, ' ').trim();
    throw new NinjsError('not-json', `The file is not valid JSON (${why}).${hint}`, { cause });
  }
}

function looksLikeNinjs(value: JsonObject): boolean {
  if (typeof value.$schema === 'string' && /json-schema\.org/.test(value.$schema)) return false;
  return NINJS_MARKERS.some((key) => key in value) || Object.keys(value).some((key) => EXTENSION_PROPERTY.test(key));
}

/** The entries of a document (one item, or the items of a collection) with their JSON paths; refuses documents that hold no ninjs. */
function documentEntries(value: unknown): { value: unknown; path: string }[] {
  if (Array.isArray(value)) {
    if (!value.some((entry) => isObject(entry) && looksLikeNinjs(entry))) {
      throw new NinjsError('not-ninjs', value.length === 0 ? 'The JSON is an empty array: there are no ninjs items in it.' : 'The JSON is an array, but none of its entries is a ninjs item (an object with a uri, headline or body).');
    }
    return value.map((entry, index) => ({ value: entry, path: `$[${index}]` }));
  }
  if (!isObject(value)) throw new NinjsError('not-ninjs', `The JSON is ${value === null ? 'null' : `a ${typeof value}`}, not a ninjs item (an object) or a collection of items (an array).`);
  if (!looksLikeNinjs(value)) {
    const what = typeof value.$schema === 'string' ? 'a JSON Schema' : 'a JSON object without any ninjs property (uri, headline, headlines, bodies, body_…)';
    throw new NinjsError('not-ninjs', `The JSON is ${what}, not a ninjs item.`);
  }
  return [{ value, path: '$' }];
}

const TEXT_TYPES = new Set(['text', 'composite']);

/** An item with no headline and no body (and, unless it is a text item, no image) holds nothing an editor could publish. */
function isEmpty(article: NinjsArticle): boolean {
  return article.title === null && article.bodyHtml === null && (article.type === null || TEXT_TYPES.has(article.type) || article.imageUrl === null);
}

/** One article with the notes to report about it. */
interface ReadArticle { article: NinjsArticle; notes: string[] }

function label(article: NinjsArticle, path: string): string {
  if (article.title) return `“${article.title.length > 80 ? `${article.title.slice(0, 79)}…` : article.title}”`;
  return article.uri ? `Item ${article.uri}` : `Item ${path}`;
}

function toArticle(item: NinjsItemData, path: string, associations: Association[]): ReadArticle {
  const notes: string[] = [];
  const title = titleOf(item);
  const provider = providerOf(item);
  const first = readDate(item.firstCreated ?? item.firstcreated);
  const latest = readDate(item.versionCreated ?? item.versioncreated);
  const type = clean(item.type)?.toLowerCase() ?? null;
  const article: NinjsArticle = {
    uri: clean(item.uri),
    version: versionOf(item),
    type,
    title,
    standfirst: standfirstOf(item),
    authors: authorsOf(item, provider),
    published: first.date ?? latest.date,
    updated: first.date !== null && latest.date !== first.date ? latest.date : null,
    language: clean(item.language),
    bodyHtml: bestBodyHtml(bodyCandidatesOf(item), title),
    ...conceptsOf(item),
    copyrightHolder: clean(item.copyrightHolder ?? item.copyrightholder),
    copyrightNotice: clean(item.copyrightNotice ?? item.copyrightnotice),
    usageTerms: clean(item.usageTerms ?? item.usageterms),
    provider,
    originalUrl: originalUrlOf(item, associations),
    imageUrl: imageUrlOf(item, path, associations),
  };
  const name = label(article, path);
  if (type !== null && !KNOWN_TYPES.has(type)) notes.push(`${name} has the type “${item.type}”, which ninjs does not define.`);
  if (title === null) notes.push(`${name} has no headline or title.`);
  if (article.bodyHtml === null) {
    notes.push(type === null || type === 'text' || type === 'composite'
      ? `${name} carries no body text; it is imported without a body.`
      : `${name} is ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} item and carries no text; it is imported without a body.`);
  }
  for (const unreadable of [first.unreadable, latest.unreadable]) {
    if (unreadable !== null) notes.push(`${name} has the date “${unreadable}”, which is not an ISO 8601 date; it is ignored.`);
  }
  const status = clean(item.pubStatus ?? item.pubstatus)?.toLowerCase();
  if (status === 'canceled' || status === 'withheld') notes.push(`${name} is marked “${status}” by its provider: it must not be published.`);
  return { article, notes };
}

/** A story associated with a package inherits what the package says about rights and language when it says nothing itself. */
function inheritFromPackage(child: NinjsArticle, parent: NinjsArticle): NinjsArticle {
  return {
    ...child,
    language: child.language ?? parent.language,
    copyrightHolder: child.copyrightHolder ?? parent.copyrightHolder,
    copyrightNotice: child.copyrightNotice ?? parent.copyrightNotice,
    usageTerms: child.usageTerms ?? parent.usageTerms,
    provider: child.provider ?? parent.provider,
  };
}

/** The articles of one entry: the item itself, or — for a package without text — its associated stories. */
function readEntry(value: unknown, path: string): { articles: ReadArticle[]; notes: string[] } {
  const item = checkNinjsItem(value, path);
  const associations = associationsOf(item, path);
  const own = toArticle(item, path, associations);
  if (own.article.bodyHtml !== null) return { articles: [own], notes: [] };
  const stories = associations
    .map((association) => toArticle(association.item, association.path, associationsOf(association.item, association.path)))
    .filter((story) => story.article.bodyHtml !== null);
  if (stories.length === 0) return { articles: [own], notes: [] };
  const articles = stories.map((story) => ({ ...story, article: inheritFromPackage(story.article, own.article) }));
  return { articles, notes: [`${label(own.article, path)} is a package without text of its own; its ${stories.length} associated ${stories.length === 1 ? 'story is' : 'stories are'} imported instead.`] };
}

/** Parses a ninjs document (one item or a JSON array of items) into articles and per-item problems. */
export function parseNinjs(json: string | Buffer): ParsedNinjs {
  const entries = documentEntries(parseJson(json));
  const items: NinjsArticle[] = [];
  const problems: NinjsProblem[] = [];
  let firstRefusal: NinjsError | null = null;
  const emptyItems: string[] = [];
  for (const entry of entries) {
    if (!isObject(entry.value) || !looksLikeNinjs(entry.value)) {
      problems.push({ item: null, message: `${entry.path} is not a ninjs item (an object with a uri, headline or body); it is skipped.` });
      continue;
    }
    let read;
    try {
      read = readEntry(entry.value, entry.path);
    } catch (error) {
      // A single item that is invalid makes the document invalid; in a collection the others still count.
      if (!(error instanceof NinjsError) || entries.length === 1) throw error;
      firstRefusal ??= error;
      problems.push({ item: null, message: `${error.message} The item is skipped.` });
      continue;
    }
    for (const message of read.notes) problems.push({ item: null, message });
    for (const { article, notes } of read.articles) {
      if (isEmpty(article)) {
        emptyItems.push(`${label(article, entry.path)} has neither a headline nor a body; there is nothing to import, so it is skipped.`);
        continue;
      }
      for (const message of notes) problems.push({ item: items.length, message });
      items.push(article);
    }
  }
  if (items.length === 0) {
    if (firstRefusal) throw firstRefusal;
    throw new NinjsError('invalid', emptyItems.length === 1 ? emptyItems[0]!.replace(/, so it is skipped\.$/, '.') : `None of the ${emptyItems.length} items has a headline or a body; there is nothing to import.`);
  }
  for (const message of emptyItems) problems.push({ item: null, message });
  return { items, problems };
}
