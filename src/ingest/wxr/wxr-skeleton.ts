import { WP_NAMESPACE } from './read-wxr.js';

/**
 * What the byte-level pass counts of the items it does not hand to the parser: the totals the
 * first reading of an export needs for the progress bar and the default mapping.
 */
export interface WxrItemTally {
  items: number;
  comments: number;
  postTypes: Map<string, number>;
  /** Items' `<category domain>` values as written (none: `category`), with their uses, in the order first met. */
  domains: Map<string, number>;
}

/**
 * The export holds something the byte-level pass does not read with certainty (a DOCTYPE, a
 * default namespace, a namespace declared anywhere but on `<rss>` or `<channel>`, an encoded post
 * type, an attachment too large to hold): the first reading parses the whole file instead.
 */
export class NeedsFullScan extends Error {
  constructor(readonly why: string) {
    super(`the export needs a full first reading: ${why}`);
  }
}

const enum Mode { Markup, Cdata, Comment, Instruction }

const CDATA_OPEN = Buffer.from('<![CDATA[');
const ITEM = Buffer.from('item');
const CATEGORY = Buffer.from('category');
const RSS = Buffer.from('rss');
const CHANNEL = Buffer.from('channel');
/**
 * What the parser is given in place of an item it need not read: the item's place stays marked,
 * so the reader sends the site's fields at the first item as it does on a full reading (a broken
 * file's site address, and so its source key, then come out the same either way).
 */
const EMPTY_ITEM = Buffer.from('<item/>');
const COMMENT_OPEN = Buffer.from('<!--');
const CDATA_CLOSE = Buffer.from(']]>');
const COMMENT_CLOSE = Buffer.from('-->');
const INSTRUCTION_CLOSE = Buffer.from('?>');
const NAMESPACE_DECLARATION = /\sxmlns(?::([^\s=/>]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const DOMAIN_ATTRIBUTE = /\sdomain\s*=\s*(?:"([^"]*)"|'([^']*)')/;
/** A post type or a category domain the pass reads as it stands: printable ASCII with no entity to decode. */
const PLAIN_VALUE = /^[\x20-\x25\x27-\x3b\x3d-\x7e\t\r\n]*$/;
/** Item bytes kept while its post type is unknown; attachments (the only items kept) are far smaller. */
const MAX_KEPT_ITEM_BYTES = 1024 * 1024;
/** The longest tag or post type read across chunks before the pass gives up on the file. */
const MAX_HELD_BYTES = 256 * 1024;

/**
 * The first reading's fast path. It reads an export's bytes and passes on everything except
 * items that are not attachments: the channel, the site fields, the authors and terms and the
 * attachment items reach the XML parser as they are, and the other items (nearly every byte of
 * a real export) are only counted here, with their post type, comments and category domains.
 * It tells markup from text as XML does (CDATA sections, comments and processing instructions
 * are skipped whole, quoted `>` in attributes is not a tag's end), so a body that quotes
 * `<item>` or `<wp:post_type>` in its CDATA or escaped text changes nothing. Anything it cannot
 * read as surely as the parser would raises NeedsFullScan (see there).
 * Works on ASCII-compatible encodings (UTF-8, ISO-8859-x, Windows-125x): every byte it looks
 * for is ASCII, and the values it reads must be plain ASCII.
 */
export async function* wxrSkeleton(chunks: AsyncIterable<Buffer>, tally: WxrItemTally): AsyncGenerator<Buffer> {
  const reader = new SkeletonReader(tally);
  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk.length) {
      first = false;
      if (!isAsciiCompatibleStart(chunk)) throw new NeedsFullScan('it does not start as ASCII-compatible XML');
    }
    yield* reader.push(chunk);
  }
  yield* reader.end();
}

/** UTF-16 and other wide encodings put a zero byte or a BOM other than UTF-8's first. */
function isAsciiCompatibleStart(chunk: Buffer): boolean {
  if (chunk[0] === 0xfe || chunk[0] === 0xff || chunk[0] === 0x00) return false;
  return !chunk.subarray(0, 64).includes(0x00);
}

class SkeletonReader {
  private mode = Mode.Markup;
  private carry: Buffer | null = null;
  /** Bytes of the window before this point have been passed on or kept already. */
  private segment = 0;
  private out: Buffer[] = [];
  private wpPrefix: string | null = null;
  /** WordPress's element names under the prefix the export declared for its namespace. */
  private names: { comment: Buffer; postType: Buffer } | null = null;
  private item: ItemState | null = null;
  /** A post type being read: its text and CDATA so far, until its end tag. */
  private postType: string[] | null = null;

  constructor(private readonly tally: WxrItemTally) {}

  push(chunk: Buffer): Buffer[] {
    const window = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    this.segment = 0;
    const held = this.read(window);
    this.keep(window, held);
    if (held < window.length) {
      this.carry = window.subarray(held);
      if (this.carry.length > MAX_HELD_BYTES) throw new NeedsFullScan('a tag or a post type runs over 256 KB');
    }
    return this.take();
  }

  end(): Buffer[] {
    if (this.carry) {
      this.keep(this.carry, this.carry.length);
      this.carry = null;
    }
    // A file cut off inside an item: the parser is shown an item that never ends, as a full reading would see it.
    if (this.item) this.out.push(Buffer.from('<item>'));
    this.item = null;
    return this.take();
  }

  private take(): Buffer[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Passes on (outside items) or keeps (inside one) the window's bytes from the segment start to `to`. */
  private keep(window: Buffer, to: number): void {
    if (to <= this.segment) return;
    const part = window.subarray(this.segment, to);
    this.segment = to;
    if (!this.item) this.out.push(part);
    else if (!this.item.overflow) {
      this.item.bytes += part.length;
      if (this.item.bytes > MAX_KEPT_ITEM_BYTES) {
        this.item.overflow = true;
        this.item.parts = [];
      } else if (!this.item.settled) this.item.parts.push(part);
    }
  }

  /** Reads the window as far as it can; returns where the unread rest (held for the next chunk) starts. */
  private read(w: Buffer): number {
    let i = 0;
    while (i < w.length) {
      if (this.mode !== Mode.Markup) {
        const close = this.mode === Mode.Cdata ? CDATA_CLOSE : this.mode === Mode.Comment ? COMMENT_CLOSE : INSTRUCTION_CLOSE;
        const at = w.indexOf(close, i);
        if (at < 0) {
          const hold = Math.max(i, w.length - (close.length - 1));
          if (this.postType && this.mode === Mode.Cdata) this.postType.push(w.toString('latin1', i, hold));
          return hold;
        }
        if (this.postType) {
          if (this.mode !== Mode.Cdata) throw new NeedsFullScan('a post type holds a comment or an instruction');
          this.postType.push(w.toString('latin1', i, at));
        }
        i = at + close.length;
        this.mode = Mode.Markup;
        continue;
      }
      const lt = w.indexOf(0x3c, i);
      if (this.postType) this.postTypeText(w.toString('latin1', i, lt < 0 ? w.length : lt));
      if (lt < 0) return w.length;
      if (w.length - lt < 2) return lt;
      const next = w[lt + 1];
      if (next === 0x21 /* ! */) {
        if (w.length - lt < CDATA_OPEN.length) return lt;
        if (startsWith(w, lt, CDATA_OPEN)) {
          this.mode = Mode.Cdata;
          i = lt + CDATA_OPEN.length;
        } else if (startsWith(w, lt, COMMENT_OPEN)) {
          this.mode = Mode.Comment;
          i = lt + COMMENT_OPEN.length;
        } else throw new NeedsFullScan('it has a DOCTYPE or another declaration');
        continue;
      }
      if (next === 0x3f /* ? */) {
        this.mode = Mode.Instruction;
        i = lt + 2;
        continue;
      }
      const gt = tagEnd(w, lt);
      if (gt < 0) return lt;
      this.tag(w, lt, gt);
      i = gt + 1;
    }
    return w.length;
  }

  private postTypeText(text: string): void {
    if (text.includes('&')) throw new NeedsFullScan('a post type holds an entity');
    this.postType!.push(text);
  }

  private tag(w: Buffer, lt: number, gt: number): void {
    const closing = w[lt + 1] === 0x2f /* / */;
    const selfClosing = !closing && w[gt - 1] === 0x2f;
    const from = closing ? lt + 2 : lt + 1;
    const to = nameEnd(w, from, gt);
    const item = this.item;
    if (!item) {
      if (closing) return;
      if (isName(w, from, to, ITEM)) {
        this.keep(w, lt);
        this.item = { depth: 0, comments: 0, postType: '', domains: [], parts: [], bytes: 0, overflow: false, settled: false, inComment: false };
        if (selfClosing) this.endItem(w, gt + 1);
      } else {
        const text = w.toString('latin1', lt, gt);
        if (!text.includes('xmlns')) return;
        // Only a declaration on an ancestor of the items is in scope for them.
        if (!isName(w, from, to, RSS) && !isName(w, from, to, CHANNEL)) throw new NeedsFullScan('it declares a namespace outside <rss> and <channel>');
        this.declarations(text);
      }
      return;
    }
    const names = this.names;
    if (this.postType && !(closing && names && isName(w, from, to, names.postType))) throw new NeedsFullScan('a post type holds markup');
    if (closing) {
      if (item.depth === 0) {
        if (isName(w, from, to, ITEM)) this.endItem(w, gt + 1);
        return;
      }
      item.depth--;
      if (names && isName(w, from, to, names.comment) && item.inComment) {
        item.inComment = false;
        item.comments++;
      }
      if (this.postType) this.settlePostType(item);
      return;
    }
    if (to < gt - (selfClosing ? 1 : 0) && w.toString('latin1', to, gt).includes('xmlns')) throw new NeedsFullScan('an item declares a namespace');
    if (isName(w, from, to, ITEM)) throw new NeedsFullScan('an item holds another item');
    if (names && isName(w, from, to, names.comment)) {
      if (selfClosing) item.comments += item.inComment ? 0 : 1;
      else item.inComment = true;
    }
    if (item.depth === 0) {
      if (isName(w, from, to, CATEGORY)) item.domains.push(domainOf(w.toString('latin1', to, gt)));
      else if (names && isName(w, from, to, names.postType)) {
        if (selfClosing) {
          item.postType = '';
          item.settled = true;
          item.parts = [];
        } else this.postType = [];
      }
    }
    if (!selfClosing) item.depth++;
  }

  private settlePostType(item: ItemState): void {
    item.postType = this.postType!.join('').trim();
    this.postType = null;
    if (!PLAIN_VALUE.test(item.postType)) throw new NeedsFullScan('a post type is not plain ASCII');
    if (item.postType !== 'attachment') {
      item.settled = true;
      item.parts = [];
    } else if (item.settled) item.overflow = true; // a second post type, and the bytes before it are gone
  }

  /** Counts the item that ends at `end`; an attachment is passed on whole for the parser to read. */
  private endItem(w: Buffer, end: number): void {
    const item = this.item!;
    this.keep(w, end);
    this.item = null;
    const t = this.tally;
    t.items++;
    t.comments += item.comments;
    t.postTypes.set(item.postType, (t.postTypes.get(item.postType) ?? 0) + 1);
    for (const domain of item.domains) t.domains.set(domain, (t.domains.get(domain) ?? 0) + 1);
    if (item.postType !== 'attachment') {
      this.out.push(EMPTY_ITEM);
      return;
    }
    if (item.overflow) throw new NeedsFullScan('an attachment item is larger than 1 MB');
    this.out.push(...item.parts);
  }

  /** Namespace declarations on `<rss>` or `<channel>`: which prefix is WordPress's. */
  private declarations(tagText: string): void {
    for (const [, prefix, double, single] of tagText.matchAll(NAMESPACE_DECLARATION)) {
      if (prefix === undefined) throw new NeedsFullScan('it declares a default namespace');
      if (WP_NAMESPACE.test(double ?? single ?? '')) {
        if (this.wpPrefix !== null && this.wpPrefix !== prefix) throw new NeedsFullScan('it declares WordPress\'s namespace under two prefixes');
        this.wpPrefix = prefix;
        this.names = { comment: Buffer.from(`${prefix}:comment`), postType: Buffer.from(`${prefix}:post_type`) };
      } else if (prefix === this.wpPrefix) throw new NeedsFullScan('it binds WordPress\'s prefix to another namespace');
    }
  }
}

interface ItemState {
  /** Depth below the item: 0 for its own fields. */
  depth: number;
  comments: number;
  postType: string;
  domains: string[];
  /** The item's bytes, kept until its post type says whether the parser needs them. */
  parts: Buffer[];
  bytes: number;
  overflow: boolean;
  /** The post type is known and is not an attachment: nothing more is kept. */
  settled: boolean;
  /** A `<wp:comment>` is open (the reader counts a comment when it closes, and one inside another once). */
  inComment: boolean;
}

/** Where the tag opened at `lt` ends (its `>`, not one quoted in an attribute), or -1 if not in this window. */
function tagEnd(w: Buffer, lt: number): number {
  const gt = w.indexOf(0x3e, lt);
  if (gt < 0 || w[lt + 1] === 0x2f /* an end tag has no attributes */) return gt;
  let i = lt + 2;
  while (i < gt && w[i] !== 0x22 && w[i] !== 0x27) i++;
  if (i === gt) return gt;
  // A quoted attribute value, which may hold `>`: walk the rest of the tag quote by quote.
  for (let quote = 0; i < w.length; i++) {
    const c = w[i]!;
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

/** Whether the bytes from `from` to `to` are `name`. */
function isName(w: Buffer, from: number, to: number, name: Buffer): boolean {
  return to - from === name.length && startsWith(w, from, name);
}

/** Whether `w` holds `bytes` at `at`; byte by byte, as the markers and names are short and Buffer.compare's native call costs more than the loop. */
function startsWith(w: Buffer, at: number, bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (w[at + i] !== bytes[i]) return false;
  return true;
}

/** The end of the element name starting at `from`: at white space, `/` or `>`. */
function nameEnd(w: Buffer, from: number, gt: number): number {
  for (let i = from; i < gt; i++) {
    const c = w[i]!;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f) return i;
  }
  return gt;
}

/** A `<category>` tag's domain (the reader's default when it has none); an encoded one sends the file to the full reading. */
function domainOf(tagText: string): string {
  const match = DOMAIN_ATTRIBUTE.exec(tagText);
  if (!match) return 'category';
  const value = match[1] ?? match[2] ?? '';
  if (!PLAIN_VALUE.test(value)) throw new NeedsFullScan('a category domain holds an entity or non-ASCII characters');
  return value.replace(/[\t\r\n]/g, ' ');
}
