import { SaxesParser, type SaxesTagNS } from 'saxes';
import { TextDecoder } from 'node:util';
import { OVERSIZED_MARK, XmlTextGuard } from './xml-text-guard.js';
import type { WxrAuthor, WxrComment, WxrEvent, WxrItem, WxrSite, WxrTerm } from './wxr-types.js';
import { emptyAuthor, emptyComment, emptyItem, emptySite, emptyTerm } from './wxr-empty.js';

export interface ReadWxrOptions {
  /** The longest text one field may have, in characters; longer fields are cut and the item reported. */
  maxFieldChars?: number;
  /** Read posts' and comments' bodies as empty (a pass that wants everything else: see XmlTextGuard). */
  skipBodies?: boolean;
}

/** 16 M characters: far above any real post, low enough that one hostile field cannot exhaust memory. */
export const DEFAULT_MAX_FIELD_CHARS = 16 * 1024 * 1024;

/** Namespaces WordPress has used for its elements over the years (http and https, 1.0–1.2). */
export const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/$/;
const WP_EXCERPT = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/;
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';

/** A short, namespace-resolved name (`wp:post_id`, `content:encoded`, `title`); elements of other vocabularies get `other:`. */
function nameOf(tag: SaxesTagNS): string {
  if (!tag.uri) return tag.local;
  if (WP_NAMESPACE.test(tag.uri)) return `wp:${tag.local}`;
  if (WP_EXCERPT.test(tag.uri)) return `excerpt:${tag.local}`;
  if (tag.uri === CONTENT) return `content:${tag.local}`;
  if (tag.uri === DC) return `dc:${tag.local}`;
  return `other:${tag.local}`;
}

/** The decoder for the encoding the XML declaration names (UTF-8 when none or unknown). */
function decoderFor(head: Buffer): TextDecoder {
  const declared = /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8', { fatal: false });
  } catch {
    return new TextDecoder('utf-8', { fatal: false });
  }
}

/**
 * Reads a WXR export as a stream of bytes and yields its site, authors, terms and items one by
 * one. Memory stays bounded by one item (and one field's cap), whatever the file's size. The XML
 * is parsed with saxes, which expands no external entities; a DOCTYPE that declares entities is
 * refused outright (no WordPress export has one, and internal entities are how "billion laughs"
 * bombs work). A file that stops being XML ends with a `fatal` event after everything read so far.
 */
export async function* readWxr(bytes: AsyncIterable<Buffer | string>, options: ReadWxrOptions = {}): AsyncGenerator<WxrEvent> {
  const maxField = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const guard = new XmlTextGuard(maxField, { skipBodies: options.skipBodies ?? false });
  const parser = new SaxesParser({ xmlns: true, position: true });
  const queue: WxrEvent[] = [];
  const state = new WxrCollector(queue);
  let fatal: { reason: string; line: number | null } | null = null;

  parser.on('error', (error) => {
    // Exports written by hand or by plugins use prefixes they never declare; the names still say what they are.
    if (/unbound namespace prefix/.test(error.message)) return;
    fatal ??= { reason: `the file is not well-formed XML: ${error.message.replace(/^.*?:\d+:\d+: /, '')}`, line: parser.line };
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fatal ??= { reason: 'the file declares entities in a DOCTYPE, which WordPress exports never do and entity-expansion attacks rely on; it was not read', line: parser.line };
  });
  // After a fatal error nothing more is collected, not even the rest of the chunk in hand.
  parser.on('opentag', (tag) => { if (!fatal) state.open(nameOf(tag), tag.attributes as Record<string, { value: string }>); });
  parser.on('closetag', (tag) => { if (!fatal) state.close(nameOf(tag)); });
  parser.on('text', (text) => { if (!fatal) state.text(text); });
  parser.on('cdata', (text) => { if (!fatal) state.text(text); });

  let decoder: TextDecoder | null = null;
  const feed = (text: string): boolean => {
    if (!text) return true;
    parser.write(text);
    return !fatal;
  };
  for await (const chunk of bytes) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      decoder ??= decoderFor(chunk);
      text = decoder.decode(chunk, { stream: true });
    }
    const ok = feed(guard.push(text));
    while (queue.length) yield queue.shift()!;
    if (!ok) break;
  }
  if (!fatal) feed(guard.push(decoder?.decode() ?? '') + guard.end());
  if (!fatal) {
    try {
      parser.close();
    } catch {
      // reported through the error handler
    }
  }
  while (queue.length) yield queue.shift()!;
  if (!fatal && !state.sawChannel) fatal = { reason: 'the file is XML but not a WordPress export (no <rss><channel>)', line: null };
  if (!fatal && state.openItem) fatal = { reason: 'the file ends in the middle of an item (truncated?)', line: parser.line };
  if (fatal) yield { type: 'fatal', ...fatal };
}

type Attributes = Record<string, { value: string }>;

/** Builds site, author, term and item records from parser events and queues them as they complete. */
class WxrCollector {
  sawChannel = false;
  openItem: WxrItem | null = null;
  private path: string[] = [];
  private buffer = '';
  private site: WxrSite = emptySite();
  private siteSent = false;
  private author: WxrAuthor | null = null;
  private term: WxrTerm | null = null;
  private comment: WxrComment | null = null;
  private meta: { key: string; value: string } | null = null;
  private problems: string[] = [];
  private itemIndex = 0;

  constructor(private readonly queue: WxrEvent[]) {}

  open(name: string, attributes: Attributes): void {
    this.path.push(name);
    this.buffer = '';
    const parent = this.path[this.path.length - 2];
    if (name === 'channel') this.sawChannel = true;
    if (parent === 'channel' && (name === 'item' || name === 'wp:author' || name === 'wp:category' || name === 'wp:tag' || name === 'wp:term')) this.sendSite();
    switch (name) {
      case 'item': this.openItem = emptyItem(); this.problems = []; break;
      case 'wp:author': if (parent === 'channel') { this.author = emptyAuthor(); this.problems = []; } break;
      case 'wp:category': case 'wp:tag': case 'wp:term':
        if (parent === 'channel') { this.term = emptyTerm(name === 'wp:category' ? 'category' : name === 'wp:tag' ? 'post_tag' : ''); this.problems = []; }
        break;
      case 'wp:comment': if (this.openItem) this.comment = emptyComment(); break;
      case 'wp:postmeta': case 'wp:commentmeta': this.meta = { key: '', value: '' }; break;
      case 'category':
        if (this.openItem && parent === 'item') {
          this.openItem.terms.push({ domain: attributes.domain?.value ?? 'category', slug: attributes.nicename?.value ?? '', name: '' });
        }
        break;
      default:
    }
  }

  text(text: string): void {
    this.buffer += text;
  }

  close(name: string): void {
    const value = this.takeValue(name);
    this.path.pop();
    const parent = this.path[this.path.length - 1];
    if (parent === 'channel') this.siteField(name, value);
    if (this.author && parent === 'wp:author') this.authorField(this.author, name, value);
    if (this.term && (parent === 'wp:category' || parent === 'wp:tag' || parent === 'wp:term')) this.termField(this.term, name, value);
    if (this.meta && (parent === 'wp:postmeta' || parent === 'wp:commentmeta')) {
      if (name === 'wp:meta_key') this.meta.key = value;
      else if (name === 'wp:meta_value') this.meta.value = value;
    }
    if (this.comment && parent === 'wp:comment') this.commentField(this.comment, name, value);
    if (this.openItem && parent === 'item') this.itemField(this.openItem, name, value);
    this.finish(name, parent);
  }

  /** The text of a leaf element, with oversize reported for the record it belongs to. */
  private takeValue(name: string): string {
    let value = this.buffer;
    this.buffer = '';
    if (value.includes(OVERSIZED_MARK)) {
      this.problems.push(`field <${name}> is larger than the limit and was cut`);
      value = value.slice(0, value.indexOf(OVERSIZED_MARK));
    }
    if (value.includes('\uFFFD') && !this.problems.some((p) => p.startsWith('bytes that are not valid'))) {
      this.problems.push(`bytes that are not valid in the file's encoding were replaced by U+FFFD (first in <${name}>)`);
    }
    return value;
  }

  private finish(name: string, parent: string | undefined): void {
    if (name === 'item' && this.openItem) {
      this.queue.push({ type: 'item', item: this.openItem, index: this.itemIndex++, problems: this.problems });
      this.openItem = null;
      this.problems = [];
    } else if (name === 'wp:author' && this.author && parent === 'channel') {
      this.queue.push({ type: 'author', author: this.author, problems: this.problems });
      this.author = null;
    } else if ((name === 'wp:category' || name === 'wp:tag' || name === 'wp:term') && this.term && parent === 'channel') {
      this.queue.push({ type: 'term', term: this.term, problems: this.problems });
      this.term = null;
    } else if (name === 'wp:comment' && this.comment && this.openItem) {
      this.openItem.comments.push(this.comment);
      this.comment = null;
    } else if (name === 'wp:postmeta' && this.meta) {
      if (this.openItem && parent === 'item') this.openItem.meta.push(this.meta);
      this.meta = null;
    } else if (name === 'wp:commentmeta' && this.meta) {
      this.comment?.meta.push(this.meta);
      this.meta = null;
    } else if (name === 'channel') {
      this.sendSite();
    }
  }

  private sendSite(): void {
    if (this.siteSent) return;
    this.siteSent = true;
    this.queue.push({ type: 'site', site: this.site });
  }

  private siteField(name: string, value: string): void {
    const s = this.site;
    switch (name) {
      case 'title': s.title = value.trim(); break;
      case 'link': s.link = value.trim(); break;
      case 'description': s.description = value.trim(); break;
      case 'language': s.language = value.trim(); break;
      case 'wp:base_site_url': s.baseSiteUrl = value.trim(); break;
      case 'wp:base_blog_url': s.baseBlogUrl = value.trim(); break;
      case 'wp:wxr_version': s.wxrVersion = value.trim(); break;
      default:
    }
  }

  private authorField(a: WxrAuthor, name: string, value: string): void {
    const v = value.trim();
    switch (name) {
      case 'wp:author_id': a.id = v; break;
      case 'wp:author_login': a.login = v; break;
      case 'wp:author_email': a.email = v; break;
      case 'wp:author_display_name': a.displayName = v; break;
      case 'wp:author_first_name': a.firstName = v; break;
      case 'wp:author_last_name': a.lastName = v; break;
      default:
    }
  }

  private termField(t: WxrTerm, name: string, value: string): void {
    const v = value.trim();
    switch (name) {
      case 'wp:term_id': t.id = v; break;
      case 'wp:category_nicename': case 'wp:tag_slug': case 'wp:term_slug': t.slug = v; break;
      case 'wp:cat_name': case 'wp:tag_name': case 'wp:term_name': t.name = v; break;
      case 'wp:category_parent': case 'wp:term_parent': t.parentSlug = v; break;
      case 'wp:term_taxonomy': t.taxonomy = v; break;
      case 'wp:category_description': case 'wp:tag_description': case 'wp:term_description': t.description = v; break;
      default:
    }
  }

  private commentField(c: WxrComment, name: string, value: string): void {
    switch (name) {
      case 'wp:comment_id': c.id = value.trim(); break;
      case 'wp:comment_author': c.author = value.trim(); break;
      case 'wp:comment_author_email': c.authorEmail = value.trim(); break;
      case 'wp:comment_author_url': c.authorUrl = value.trim(); break;
      case 'wp:comment_date': c.date = value.trim(); break;
      case 'wp:comment_date_gmt': c.dateGmt = value.trim(); break;
      case 'wp:comment_content': c.content = value; break;
      case 'wp:comment_approved': c.approved = value.trim(); break;
      case 'wp:comment_type': c.type = value.trim(); break;
      case 'wp:comment_parent': c.parentId = value.trim(); break;
      default:
    }
  }

  private itemField(i: WxrItem, name: string, value: string): void {
    switch (name) {
      case 'title': i.title = value.trim(); break;
      case 'link': i.link = value.trim(); break;
      case 'pubDate': i.pubDate = value.trim(); break;
      case 'dc:creator': i.creator = value.trim(); break;
      case 'guid': i.guid = value.trim(); break;
      case 'description': i.description = value; break;
      case 'content:encoded': i.content = value; break;
      case 'excerpt:encoded': i.excerpt = value; break;
      case 'wp:post_id': i.postId = value.trim(); break;
      case 'wp:post_date': i.postDate = value.trim(); break;
      case 'wp:post_date_gmt': i.postDateGmt = value.trim(); break;
      case 'wp:post_modified_gmt': i.postModifiedGmt = value.trim(); break;
      case 'wp:post_name': i.postName = value.trim(); break;
      case 'wp:status': i.status = value.trim(); break;
      case 'wp:post_parent': i.postParent = value.trim(); break;
      case 'wp:menu_order': i.menuOrder = value.trim(); break;
      case 'wp:post_type': i.postType = value.trim(); break;
      case 'wp:post_password': i.postPassword = value; break;
      case 'wp:is_sticky': i.isSticky = value.trim(); break;
      case 'wp:attachment_url': i.attachmentUrl = value.trim(); break;
      case 'category': { const last = i.terms[i.terms.length - 1]; if (last) last.name = value.trim(); break; }
      default:
    }
  }
}
