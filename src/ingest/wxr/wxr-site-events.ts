import type { SiteArticleDraft, SiteCommentDraft, SiteImportEvent } from '../../app/site-import/site-import-events.js';
import type { CommentStatus } from '../../domain/comment.js';
import type { Instant } from '../../domain/ids.js';
import { slugify } from '../../domain/slug.js';
import { attachmentLookup, taxonomyOfDomain, type WxrScan } from './scan-wxr.js';
import { originalFromMeta } from './syndication-meta.js';
import { autoParagraph, convertWordPressContent, type AttachmentLookup } from './wordpress-content.js';
import type { WxrComment, WxrEvent, WxrItem, WxrSite } from './wxr-types.js';

/** `2024-05-01 10:20:30` (WordPress's MySQL format, GMT or site time) → instant; zero dates and junk → null. */
export function wordpressDate(value: string): Instant | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (m) {
    if (m[1] === '0000') return null;
    const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
    return Number.isNaN(date.getTime()) ? null : (date.toISOString() as Instant);
  }
  const date = new Date(value);
  return value.trim() && !Number.isNaN(date.getTime()) ? (date.toISOString() as Instant) : null;
}

const commentStatus = (approved: string): CommentStatus =>
  approved === '1' || approved === 'approve' ? 'approved' : approved === 'spam' ? 'spam' : approved === 'trash' || approved === 'post-trashed' ? 'trash' : 'pending';

const stripTags = (html: string) => html.replace(/<[^>]*>/g, '').trim();

/** Path and identifying query of a URL as it was served by the old site (`/2019/04/hello/`, `/?p=12`). */
function oldPath(url: string): string | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? `${u.pathname}${u.search}` : null;
  } catch {
    return null;
  }
}

/**
 * Turns the reader's records into site-import events: authors, terms and articles with their
 * comments, redirects and attribution; attachments kept as links (`--download-media` copies them
 * afterwards, see SiteMediaImport);
 * items that are not content (menus, revisions, trash, auto-drafts) skipped with the reason.
 */
export async function* wxrSiteEvents(events: AsyncIterable<WxrEvent>, scan: Pick<WxrScan, 'attachments'>): AsyncGenerator<SiteImportEvent> {
  const media = attachmentLookup(scan.attachments);
  let site: WxrSite | null = null;
  for await (const event of events) {
    switch (event.type) {
      case 'site': site = event.site; break;
      case 'fatal': yield { type: 'fatal', reason: event.reason }; break;
      case 'author': {
        const a = event.author;
        const name = a.displayName || [a.firstName, a.lastName].filter(Boolean).join(' ') || a.login;
        if (!a.login && !name) break;
        yield { type: 'author', author: { originKey: `wxr:author:${a.login || name}`, handle: a.login || name, name, email: a.email || null, problems: event.problems } };
        break;
      }
      case 'term': {
        const t = event.term;
        const taxonomy = t.taxonomy || 'category';
        const slug = t.slug || slugify(t.name);
        yield {
          type: 'term',
          term: {
            originKey: `wxr:term:${taxonomy}:${slug}`, sourceTaxonomy: taxonomy, name: t.name || slug, slug,
            parentKey: t.parentSlug ? `wxr:term:${taxonomy}:${t.parentSlug}` : null, description: t.description || null, problems: event.problems,
          },
        };
        break;
      }
      case 'item':
        yield itemEvent(event.item, event.index, event.problems, site, media);
        break;
      default:
    }
  }
}

function itemEvent(item: WxrItem, index: number, problems: string[], site: WxrSite | null, media: AttachmentLookup): SiteImportEvent {
  const type = item.postType;
  const originKey = item.postId ? `wxr:${type === 'page' || type === 'attachment' ? type : type === 'post' ? 'post' : type || 'item'}:${item.postId}` : `wxr:item-at:${index}`;
  const label = `${type || 'item'} ${item.postId ? `#${item.postId} ` : ''}"${(item.title || '(untitled)').slice(0, 60)}"`;
  if (problems.some((p) => p.includes('larger than the limit'))) {
    return { type: 'skip', originKey, label, reason: `${problems.join('; ')}; not imported rather than imported cut short` };
  }
  if (type === 'attachment') {
    const url = item.attachmentUrl || item.guid;
    return { type: 'external', originKey, label, url, reason: 'the file stays at its old address and pages link to it there (dateline import --download-media copies it into the media library)' };
  }
  if (item.status === 'trash') return { type: 'skip', originKey, label, reason: 'it is in the WordPress trash' };
  if (item.status === 'auto-draft') return { type: 'skip', originKey, label, reason: 'it is an auto-draft (an unsaved placeholder WordPress creates)' };
  return { type: 'article', article: articleDraft(item, originKey, problems, site, media) };
}

function articleDraft(item: WxrItem, originKey: string, problems: string[], site: WxrSite | null, media: AttachmentLookup): SiteArticleDraft {
  const notes: string[] = [];
  const converted = convertWordPressContent(item.content, item.postId, media);
  const date = wordpressDate(item.postDateGmt) ?? wordpressDate(item.postDate) ?? wordpressDate(item.pubDate);
  let status: SiteArticleDraft['status'] = item.status === 'publish' ? 'published' : item.status === 'future' ? 'scheduled' : 'draft';
  if (item.status === 'private') notes.push('private in WordPress; kept as a draft (Dateline has no private articles)');
  if (item.postPassword.trim() && status !== 'draft') {
    status = 'draft';
    notes.push('password-protected in WordPress; kept as a draft (Dateline has no password-protected articles)');
  }
  const thumbnailId = item.meta.find((m) => m.key === '_thumbnail_id')?.value.trim();
  const thumbnail = thumbnailId ? media.byId(thumbnailId) : undefined;
  if (thumbnailId && !thumbnail) notes.push(`its featured image (attachment ${thumbnailId}) is not in the export`);
  const coAuthors = item.terms.filter((t) => t.domain === 'author');
  const authors = coAuthors.length
    ? coAuthors.map((t) => { const handle = t.slug.replace(/^cap-/, '') || slugify(t.name); return { originKey: `wxr:author:${handle}`, handle, name: t.name || handle }; })
    : item.creator ? [{ originKey: `wxr:author:${item.creator}`, handle: item.creator, name: item.creator }] : [];
  const oldPaths = [item.link, item.guid].map((u) => (u ? oldPath(u) : null)).filter((p): p is string => !!p && /^\/(?:\?(?:p|page_id)=\d+)?$|^\/.+/.test(p));
  if (item.postId) oldPaths.push(item.postType === 'page' ? `/?page_id=${item.postId}` : `/?p=${item.postId}`);
  const siteUrl = site?.baseBlogUrl || site?.link || site?.baseSiteUrl || '';
  return {
    originKey, postType: item.postType || '(none)', title: item.title, slug: decodeSlug(item.postName), bodyHtml: converted.html,
    excerpt: item.excerpt.trim() ? stripTags(item.excerpt) : null,
    language: site?.language ? site.language.split(/[-_]/)[0]!.toLowerCase() : null,
    status, publishedAt: status === 'draft' ? null : date, createdAt: date, updatedAt: wordpressDate(item.postModifiedGmt) ?? date,
    sticky: item.isSticky === '1',
    authors,
    terms: item.terms.filter((t) => t.domain !== 'author').map((t) => {
      const taxonomy = taxonomyOfDomain(t.domain);
      const slug = t.slug || slugify(t.name);
      return { originKey: `wxr:term:${taxonomy}:${slug}`, sourceTaxonomy: taxonomy, name: t.name || slug, slug };
    }),
    featureImage: thumbnail ? { url: thumbnail.url, alt: thumbnail.alt, caption: thumbnail.caption || null } : null,
    original: originalFromMeta(item.meta, siteUrl),
    comments: item.comments.filter((c) => c.id).map((c) => commentDraft(item, c)),
    oldPaths: [...new Set(oldPaths)],
    notes,
    problems,
  };
}

function commentDraft(item: WxrItem, c: WxrComment): SiteCommentDraft {
  return {
    originKey: `wxr:comment:${item.postId}:${c.id}`,
    parentKey: c.parentId && c.parentId !== '0' ? `wxr:comment:${item.postId}:${c.parentId}` : null,
    kind: c.type === 'pingback' || c.type === 'trackback' ? c.type : 'comment',
    authorName: c.author, authorEmail: c.authorEmail || null, authorUrl: c.authorUrl || null,
    bodyHtml: autoParagraph(c.content), status: commentStatus(c.approved),
    createdAt: wordpressDate(c.dateGmt) ?? wordpressDate(c.date),
  };
}

/** WordPress stores non-Latin slugs percent-encoded (`%d0%bf%d1%80…`). */
function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
