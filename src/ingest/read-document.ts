import { gunzipSync } from 'node:zlib';
import type { ImportDraft } from '../app/import-service.js';
import { AppError } from '../domain/errors.js';
import { decodeHtmlBytes } from './decode/decode-html-bytes.js';
import { ExtractionError, extractArticle } from './extract/extract-article.js';
import { pageToDraft } from './extract/page-to-draft.js';
import { feedToDocument } from './feeds/feed-document-reader.js';
import { FeedParseError, parseFeed } from './feeds/parse-feed.js';
import { NinjsError } from './ninjs/parse-ninjs.js';
import { ninjsDocumentToDrafts } from './ninjs/ninjs-to-drafts.js';
import type { SubjectMapping } from './ninjs/map-subjects-to-terms.js';
import { flattenedToDraft } from './text/flattened-to-draft.js';
import { FlattenedArticleError, parseFlattenedArticle } from './text/parse-flattened-article.js';

export type DocumentKind = 'flattened-text' | 'html-page' | 'feed' | 'ninjs';

/** What a document held: drafts, and problems with parts of it that did not stop the rest. */
export interface ReadDocument {
  kind: DocumentKind;
  drafts: ImportDraft[];
  problems: string[];
  /** Lines or blocks left out as page furniture (for --dry-run reports). */
  removed: { text: string; reason: string }[];
}

export interface ReadDocumentInput {
  bytes: Buffer;
  /** A file name or URL, for messages and for recognising .txt/.md files. */
  name: string;
  /** The URL the document came from, when it came from the web. */
  url?: string | null;
  contentType?: string | null;
  charset?: string | null;
  /** Labels of the site's taxonomies, read from "Region: …" lines of flattened pages. */
  taxonomyLabels: string[];
  /** How ninjs subjects and places map onto terms; the built-in table when absent. */
  ninjsMapping?: SubjectMapping[];
}

/** Recognises a document by its content (never by name alone) and reads it into drafts. */
export function readDocument(raw: ReadDocumentInput): ReadDocument {
  const input = { ...raw, bytes: gunzipIfCompressed(raw.bytes, raw.name) };
  const kind = recogniseDocument(input);
  const where = input.name;
  try {
    switch (kind) {
      case 'ninjs': {
        const { drafts, problems } = ninjsDocumentToDrafts(input.bytes, input.ninjsMapping);
        return { kind, drafts, problems, removed: [] };
      }
      case 'feed': {
        const feed = feedToDocument(parseFeed(input.bytes, { url: input.url ?? null, contentType: input.contentType ?? null }));
        const problems = feed.problems.map((p) => (p.item === null ? p.message : `item ${p.item + 1}: ${p.message}`));
        return { kind, drafts: feed.entries.map((e) => e.draft), problems, removed: [] };
      }
      case 'html-page': {
        const { text } = decodeHtmlBytes(input.bytes, { contentType: input.contentType ?? null, charset: input.charset ?? null });
        const page = extractArticle(text, { url: input.url ?? null });
        const draft = pageToDraft(page, input.url ?? null);
        if (!draft) throw new AppError('NO_ARTICLE_FOUND', `${where}: the page has no article title.`);
        return { kind, drafts: [draft], problems: [], removed: page.removed };
      }
      case 'flattened-text': {
        const { text } = decodeHtmlBytes(input.bytes, { contentType: 'text/plain', charset: input.charset ?? null });
        const page = parseFlattenedArticle(text, { taxonomyLabels: input.taxonomyLabels });
        return { kind, drafts: [flattenedToDraft(page)], problems: [], removed: page.removed };
      }
    }
  } catch (error) {
    throw asImportError(error, where);
  }
}

/** Feeds, ninjs and HTML are recognised from their first bytes; anything else readable as text is a flattened page. */
export function recogniseDocument(input: Pick<ReadDocumentInput, 'bytes' | 'name' | 'contentType'>): DocumentKind {
  const head = input.bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    // JSON Feed names its version URL; Dave Winer's RSS-in-JSON has an "rss" key; anything else is taken for ninjs.
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org|^\{\s*"rss"\s*:/.test(head) ? 'feed' : 'ninjs';
  }
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head) || /<(rss|feed)\b[^>]*>/i.test(head) && !/<html[\s>]/i.test(head)) return 'feed';
  if (/^<(!doctype\s+html|html|head|body|article|div|p)[\s>]/i.test(head) || /text\/html|application\/xhtml/i.test(input.contentType ?? '')) return 'html-page';
  if (/\.(txt|md|markdown)$/i.test(input.name)) return 'flattened-text';
  if (/<html[\s>]/i.test(head)) return 'html-page';
  if (/^<(\?xml|[a-z][\w.-]*:?[\w.-]*[\s>/])/i.test(head)) {
    throw new AppError('IMPORT_UNPARSEABLE', `${input.name}: an XML document that is neither a feed nor a web page (NewsML-G2 and other XML formats are not imported yet).`);
  }
  return 'flattened-text';
}

/** Saved feeds and pages are sometimes gzip files under a plain name; read what is inside, bounded. */
function gunzipIfCompressed(bytes: Buffer, name: string): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_DOCUMENT_BYTES });
  } catch (error) {
    throw new AppError('IMPORT_UNREADABLE', `${name}: a gzip file that could not be unpacked (${(error as Error).message}); it may be damaged or unpack to more than ${MAX_DOCUMENT_BYTES / 1048576} MB.`, { cause: error });
  }
}

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

function asImportError(error: unknown, where: string): unknown {
  if (error instanceof FeedParseError) return new AppError('FEED_UNREADABLE', `${where}: ${error.message}`, { cause: error, details: { reason: error.code } });
  if (error instanceof NinjsError) return new AppError('IMPORT_UNPARSEABLE', `${where}: ${error.message}`, { cause: error, details: { reason: error.code } });
  if (error instanceof ExtractionError) return new AppError('NO_ARTICLE_FOUND', `${where}: ${error.message}`, { cause: error, details: { reason: error.code } });
  if (error instanceof FlattenedArticleError) return new AppError('IMPORT_UNPARSEABLE', `${where}: ${error.message}`, { cause: error, details: { reason: error.code } });
  return error;
}
