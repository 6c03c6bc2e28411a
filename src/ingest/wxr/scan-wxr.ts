import { createHash } from 'node:crypto';
import { fileChunks } from '../file-chunks.js';
import { readWxr, type ReadWxrOptions } from './read-wxr.js';
import { NeedsFullScan, wxrSkeleton, type WxrItemTally } from './wxr-skeleton.js';
import type { AttachmentLookup } from './wordpress-content.js';
import type { WxrSite } from './wxr-types.js';
import { emptySite } from './wxr-empty.js';

export interface WxrAttachment { url: string; alt: string; caption: string; parent: string }

/** What a first pass over an export learns: totals for the progress bar, media for featured images and galleries, what to map. */
export interface WxrScan {
  site: WxrSite;
  authors: number;
  terms: number;
  items: number;
  comments: number;
  /** Taxonomies met, in declarations and on items, with how many terms or uses. */
  taxonomies: Map<string, number>;
  postTypes: Map<string, number>;
  attachments: Map<string, WxrAttachment>;
  fatal: string | null;
}

/** Normalises an item's category domain: WXR 1.0 called tags `tag`. */
export function taxonomyOfDomain(domain: string): string {
  return domain === 'tag' ? 'post_tag' : domain || 'category';
}

/**
 * Reads the whole export once, keeping only counts and attachment records (small, even for
 * 100,000 posts). Bodies are skipped: they are most of an export's bytes and the scan uses none of them.
 */
export function scanWxr(bytes: AsyncIterable<Buffer | string>, options: ReadWxrOptions = {}): Promise<WxrScan> {
  return readScan(bytes, options, null);
}

/** The scan of what `bytes` hold; with `tallied`, the items were counted before they reached the parser (see scanWxrFile). */
async function readScan(bytes: AsyncIterable<Buffer | string>, options: ReadWxrOptions, tallied: WxrItemTally | null): Promise<WxrScan> {
  const scan: WxrScan = {
    site: emptySite(), authors: 0, terms: 0, items: 0, comments: 0, taxonomies: new Map(), postTypes: new Map(), attachments: new Map(), fatal: null,
  };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for await (const event of readWxr(bytes, { skipBodies: true, ...options })) {
    switch (event.type) {
      case 'site': scan.site = event.site; break;
      case 'author': scan.authors++; break;
      case 'term': scan.terms++; bump(scan.taxonomies, event.term.taxonomy || 'category'); break;
      case 'fatal': scan.fatal = event.reason; break;
      case 'item': {
        const { item } = event;
        if (!tallied) {
          scan.items++;
          scan.comments += item.comments.length;
          bump(scan.postTypes, item.postType);
          for (const term of item.terms) if (term.domain !== 'author') bump(scan.taxonomies, taxonomyOfDomain(term.domain));
        }
        if (item.postType === 'attachment' && item.postId) {
          scan.attachments.set(item.postId, {
            url: item.attachmentUrl || item.guid,
            alt: item.meta.find((m) => m.key === '_wp_attachment_image_alt')?.value.trim() ?? '',
            caption: item.excerpt.replace(/<[^>]*>/g, '').trim(),
            parent: item.postParent,
          });
        }
        break;
      }
      default:
    }
  }
  if (tallied) {
    scan.items = tallied.items;
    scan.comments = tallied.comments;
    scan.postTypes = tallied.postTypes;
    for (const [domain, uses] of tallied.domains) {
      if (domain === 'author') continue;
      const taxonomy = taxonomyOfDomain(domain);
      scan.taxonomies.set(taxonomy, (scan.taxonomies.get(taxonomy) ?? 0) + uses);
    }
  }
  return scan;
}

/**
 * The first reading of an export file, with the file's SHA-256. It reads the items at the byte
 * level and parses only what lies outside them and the attachments (`wxrSkeleton`): the same
 * counts, mapping and attachments as `scanWxr`, at a fraction of the cost. A file the byte-level
 * reading cannot be sure of is read again in full; so is every file when `thorough` is set (a dry
 * run, which should report where a broken file stops being XML, inside an item or not).
 */
export async function scanWxrFile(file: string, options: ReadWxrOptions & { thorough?: boolean } = {}): Promise<{ scan: WxrScan; fileHash: string; fullReading: NeedsFullScan | null }> {
  const { thorough, ...readOptions } = options;
  let fullReading: NeedsFullScan | null = null;
  if (!thorough) {
    try {
      const hash = createHash('sha256');
      const tally: WxrItemTally = { items: 0, comments: 0, postTypes: new Map(), domains: new Map() };
      const scan = await readScan(wxrSkeleton(fileChunks(file, hash), tally), readOptions, tally);
      return { scan, fileHash: hash.digest('hex'), fullReading };
    } catch (error) {
      if (!(error instanceof NeedsFullScan)) throw error;
      fullReading = error;
    }
  }
  const hash = createHash('sha256');
  const scan = await scanWxr(fileChunks(file, hash), readOptions);
  return { scan, fileHash: hash.digest('hex'), fullReading };
}

/** The attachment records as the content converter asks for them. */
export function attachmentLookup(attachments: Map<string, WxrAttachment>): AttachmentLookup {
  let byParent: Map<string, WxrAttachment[]> | null = null;
  return {
    byId: (id) => attachments.get(id),
    childrenOf: (postId) => {
      if (!byParent) {
        byParent = new Map();
        for (const a of attachments.values()) {
          if (!/\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(a.url)) continue;
          byParent.set(a.parent, [...(byParent.get(a.parent) ?? []), a]);
        }
      }
      return byParent.get(postId) ?? [];
    },
  };
}
