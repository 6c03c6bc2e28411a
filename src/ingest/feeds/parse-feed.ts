/**
 * Feed parsing, bytes in, items and per-item problems out: RSS 0.9x/1.0/2.0, Atom 1.0, JSON Feed
 * 1.0/1.1 and RSS-in-JSON, recognised from the content. Pure: no network, no database, no clock.
 *
 * bytes → (gunzip) → text (decode-feed-bytes) → sniff → XML: repair if needed, element tree,
 * RSS or Atom reader; JSON: repair if needed, JSON Feed or RSS-in-JSON reader → finish each item.
 */
import { gunzipSync } from 'node:zlib';
import { decodeFeedBytes } from './decode-feed-bytes.js';
import { isFeedRoot, sniffDocument, xmlFeedFormat } from './detect-feed-format.js';
import { FeedParseError } from './feed-parse-error.js';
import { resolveUrl } from './feed-html.js';
import { finishFeedItem, type FeedDraft } from './finish-feed-item.js';
import type { FeedItem, FeedProblem, ParsedFeed, ParseFeedOptions } from './parsed-feed.js';
import { readAtomFeed } from './read-atom-feed.js';
import { jsonFeedFormat, readJsonFeed } from './read-json-feed.js';
import { readRssFeed } from './read-rss-feed.js';
import { repairFeedJson } from './repair-feed-json.js';
import { repairFeedXml } from './repair-feed-xml.js';
import { isRssInJson, rssInJsonToTree } from './rss-in-json-to-tree.js';
import { parseXmlTree } from './xml-tree.js';

/** Larger documents are refused: no real feed is this big, and parsing cost grows with size. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** Parses a feed document. Throws FeedParseError when it yields no feed; smaller faults become `problems`. */
export function parseFeed(body: Buffer | string, options: ParseFeedOptions = {}): ParsedFeed {
  const problems: FeedProblem[] = [];
  const text = toText(body, options.contentType ?? null, problems);
  if (!text.trim()) throw new FeedParseError('empty', 'The feed is empty: the server sent no content.');
  const documentUrl = resolveUrl(options.url, null);
  const draft = readDocument(text, documentUrl);
  problems.push(...draft.problems);

  const items: FeedItem[] = [];
  draft.items.forEach((item, index) => {
    if ('error' in item) {
      problems.push({ item: index, message: `Item ${index + 1} ${item.error}` });
      return;
    }
    const finished = finishFeedItem(item, index, draft, problems);
    if (finished) items.push(finished);
  });
  const { format, title, siteUrl, feedUrl, language, rights } = draft;
  return { format, title, siteUrl, feedUrl, language, rights, items, problems };
}

function toText(body: Buffer | string, contentType: string | null, problems: FeedProblem[]): string {
  if (typeof body === 'string') {
    if (body.length > MAX_FEED_BYTES) throw tooLarge(body.length);
    return body.replace(/^\uFEFF/, '');
  }
  if (body.length > MAX_FEED_BYTES) throw tooLarge(body.length);
  let bytes: Buffer = body;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    bytes = gunzip(bytes);
    problems.push({ item: null, message: 'The feed was gzip-compressed without saying so; it was decompressed.' });
  }
  const decoded = decodeFeedBytes(bytes, contentType);
  if (decoded.note) problems.push({ item: null, message: decoded.note });
  return decoded.text;
}

function gunzip(bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_FEED_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(MAX_FEED_BYTES + 1, 'once decompressed');
    throw new FeedParseError('malformed', 'The feed is gzip-compressed but the compressed data is corrupt or cut off.', { cause: error });
  }
}

function tooLarge(size: number, how = ''): FeedParseError {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return new FeedParseError('too-large', `The feed is larger than ${mb(MAX_FEED_BYTES)} MB${how ? ` ${how}` : ` (${mb(size)} MB)`}; it was not read.`);
}

function readDocument(text: string, documentUrl: string | null): FeedDraft {
  const kind = sniffDocument(text);
  switch (kind.kind) {
    case 'json':
      return readJsonDocument(text, documentUrl);
    case 'html':
      throw new FeedParseError('not-a-feed', `This is an HTML page${kind.title ? ` ("${kind.title}")` : ''}, not a feed. The feed may have moved; look for its new address on the site.`);
    case 'other':
      throw new FeedParseError('not-a-feed', `This is neither XML nor JSON (it starts with "${kind.start.replace(/\s+/g, ' ')}"), so it is not a feed.`);
    case 'xml':
      return readXmlDocument(text.trimStart(), kind.root, documentUrl);
  }
}

function readXmlDocument(text: string, root: string, documentUrl: string | null): FeedDraft {
  if (!isFeedRoot(root)) throw new FeedParseError('not-a-feed', `This XML document's root element is <${root}>, not <rss>, <rdf:RDF> or <feed>, so it is not a feed.`);
  const repaired = repairFeedXml(text);
  let tree;
  try {
    tree = parseXmlTree(repaired.xml);
  } catch (error) {
    throw new FeedParseError('malformed', `The feed's XML could not be read: ${(error as Error).message}`, { cause: error });
  }
  const format = xmlFeedFormat(tree);
  if (!format) throw new FeedParseError('not-a-feed', `This XML document's root element is <${tree.name}>, not <rss>, <rdf:RDF> or <feed>, so it is not a feed.`);
  const draft = format === 'atom-1.0' ? readAtomFeed(tree, documentUrl) : readRssFeed(tree, format, documentUrl);
  return { ...draft, problems: [...repaired.problems, ...draft.problems] };
}

function readJsonDocument(text: string, documentUrl: string | null): FeedDraft {
  const { document, problems } = repairFeedJson(text);
  const withProblems = (draft: FeedDraft, more: FeedProblem[] = []) => ({ ...draft, problems: [...problems, ...more, ...draft.problems] });
  if (isRssInJson(document)) return withProblems(readRssFeed(rssInJsonToTree(document), 'rss-in-json', documentUrl));
  const format = jsonFeedFormat(document);
  if (format) return withProblems(readJsonFeed(document, format, documentUrl));
  if (Array.isArray((document as { items?: unknown } | null)?.items)) {
    return withProblems(readJsonFeed(document, 'json-feed-1.0', documentUrl), [{ item: null, message: 'The JSON has items but no JSON Feed "version"; it was read as JSON Feed 1.0.' }]);
  }
  throw new FeedParseError('not-a-feed', 'This JSON document is not a JSON Feed: it has no "version" of https://jsonfeed.org/version/1.1 (or 1) and no "items".');
}

export { FeedParseError, type FeedParseErrorCode } from './feed-parse-error.js';
export type { FeedFormat, FeedItem, FeedProblem, ParsedFeed, ParseFeedOptions } from './parsed-feed.js';
