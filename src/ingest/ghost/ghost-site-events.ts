import type { SiteArticleDraft, SiteImportEvent, SiteMemberDraft } from '../../app/site-import/site-import-events.js';
import type { SiteImportMapping } from '../../app/site-import/site-import-mapping.js';
import type { Instant } from '../../domain/ids.js';
import { slugify } from '../../domain/slug.js';
import type { GhostTagRecord, GhostUserRecord } from './ghost-export-records.js';
import { ghostPostBody } from './ghost-post-body.js';
import type { GhostExport, GhostMemberItem, GhostPostItem } from './read-ghost-export.js';

/** Ghost writes its own address into exports as this placeholder. */
const GHOST_URL = /__GHOST_URL__/g;

/**
 * The starting mapping for a Ghost export: public tags into a Keywords taxonomy (created when the
 * site lacks it), internal `#` tags left out (they drive Ghost themes, not readers), posts and
 * pages as articles, featured posts marked with the Featured keyword.
 */
export function defaultGhostMapping(): SiteImportMapping {
  return {
    taxonomies: {
      tag: { taxonomy: 'keywords', create: { name: 'Keyword', pluralName: 'Keywords' } },
      'internal-tag': { taxonomy: null },
    },
    terms: {},
    authors: {},
    postTypes: { post: 'article', page: 'article' },
    sticky: { taxonomy: 'keywords', term: 'Featured' },
  };
}

const isInternal = (tag: GhostTagRecord) => tag.name.startsWith('#') || tag.visibility === 'internal';
const tagTaxonomy = (tag: GhostTagRecord) => (isInternal(tag) ? 'internal-tag' : 'tag');
const tagSlug = (tag: GhostTagRecord) => tag.slug || slugify(tag.name.replace(/^#/, 'hash-'));
const authorHandle = (user: GhostUserRecord) => user.slug || user.email || user.name;
const authorKey = (user: GhostUserRecord) => `ghost:author:${user.id ?? authorHandle(user)}`;

function withSiteUrl(value: string, siteUrl: string | null): string {
  return value.replace(GHOST_URL, siteUrl ?? '');
}

/** An image path relative to the old site (`/content/images/…`) as an address there, when the address is known. */
function onOldSite(url: string, siteUrl: string | null): string {
  return siteUrl && url.startsWith('/') && !url.startsWith('//') ? `${siteUrl}${url}` : url;
}

function languageOf(post: GhostPostItem['post']): string | null {
  const code = post.locale ?? post.language;
  return code ? code.split(/[-_]/)[0]!.toLowerCase() : null;
}

function articleDraft(item: GhostPostItem, siteUrl: string | null): SiteArticleDraft {
  const { post, meta } = item;
  const notes: string[] = [];
  const body = ghostPostBody(post);
  notes.push(...body.warnings);
  if (body.from === 'none') notes.push('the post has no content in the export');
  let status: SiteArticleDraft['status'] = post.status === 'published' ? 'published' : post.status === 'scheduled' ? 'scheduled' : 'draft';
  if (post.status === 'sent') notes.push('sent as an e-mail newsletter only in Ghost; kept as a draft');
  if (post.visibility && post.visibility !== 'public' && status !== 'draft') {
    status = 'draft';
    notes.push(`visible to ${post.visibility} members only in Ghost; kept as a draft (Dateline has no paywall), so it is not made public by the move`);
  }
  const slug = post.slug ?? slugify(post.title);
  const type = post.type ?? (post.page ? 'page' : 'post');
  const relative = /(^|["'\s(])\/content\/images\//.test(body.html) || (post.feature_image ?? '').startsWith('/');
  if (!siteUrl && (/__GHOST_URL__/.test(body.html) || relative)) notes.push('images use addresses relative to the old Ghost site; pass --source-url to keep them loading from there');
  const feature = post.feature_image ? onOldSite(withSiteUrl(post.feature_image, siteUrl), siteUrl) : null;
  const oldPaths = [`/${slug}/`];
  if (post.uuid) oldPaths.push(`/p/${post.uuid}/`);
  return {
    originKey: `ghost:${type}:${post.id}`,
    postType: type,
    title: post.title,
    slug,
    bodyHtml: withSiteUrl(body.html, siteUrl).replace(/(<img\b[^>]*?\ssrc=["'])(\/(?!\/)[^"']*)/gi, (_, start: string, src: string) => start + onOldSite(src, siteUrl)),
    excerpt: post.custom_excerpt,
    language: languageOf(post),
    status,
    publishedAt: status === 'draft' ? null : (post.published_at as Instant | null),
    createdAt: (post.created_at ?? post.published_at) as Instant | null,
    updatedAt: (post.updated_at ?? post.published_at ?? post.created_at) as Instant | null,
    sticky: post.featured,
    authors: item.authors.map((a) => ({ originKey: authorKey(a), handle: authorHandle(a), name: a.name })),
    terms: item.tags.map((t) => ({ originKey: `ghost:tag:${t.id}`, sourceTaxonomy: tagTaxonomy(t), name: t.name, slug: tagSlug(t) })),
    featureImage: feature ? { url: feature, alt: post.feature_image_alt ?? meta?.feature_image_alt ?? '', caption: post.feature_image_caption ?? meta?.feature_image_caption ?? null } : null,
    // Ghost's canonical URL is set when a post first appeared elsewhere: that is its original.
    original: post.canonical_url ? { url: withSiteUrl(post.canonical_url, siteUrl), publisher: null, author: null, canonical: true } : null,
    comments: [],
    oldPaths,
    notes,
    problems: [],
  };
}

/**
 * A Ghost member. Ghost up to 4.x says `subscribed`; Ghost 5 lists newsletter subscriptions
 * instead. With neither, the member counts as not subscribed: better to ask again than to mail
 * someone who never clearly asked for it.
 */
function memberDraft(item: GhostMemberItem): SiteMemberDraft {
  const { member } = item;
  return {
    originKey: `ghost:member:${member.id}`, email: member.email, name: member.name, note: member.note, status: member.status,
    subscribed: member.subscribed ?? item.inNewsletters, labels: item.labels,
    createdAt: member.created_at as Instant | null, updatedAt: member.updated_at as Instant | null,
  };
}

/**
 * Turns a Ghost export into site-import events: authors and tags first, then posts and pages one
 * by one, each with its tags, authors, redirects from its old address, and notes on anything
 * that could not come across as it was; then the members.
 */
export async function* ghostSiteEvents(exp: GhostExport, options: { siteUrl: string | null }): AsyncGenerator<SiteImportEvent> {
  const siteUrl = options.siteUrl?.replace(/\/+$/, '') ?? null;
  for (const problem of exp.problems) {
    yield { type: 'skip', originKey: `ghost:${problem.table}-at:${problem.index}`, label: `${problem.table} row ${problem.index}`, reason: problem.message };
  }
  for (const user of exp.users) {
    yield { type: 'author', author: { originKey: authorKey(user), handle: authorHandle(user), name: user.name, email: user.email, problems: [] } };
  }
  for (const tag of exp.tags) {
    yield {
      type: 'term',
      term: {
        originKey: `ghost:tag:${tag.id}`, sourceTaxonomy: tagTaxonomy(tag), name: tag.name, slug: tagSlug(tag),
        parentKey: tag.parent_id ? `ghost:tag:${tag.parent_id}` : null, description: tag.description, problems: [],
      },
    };
  }
  try {
    for await (const result of exp.posts()) {
      if (result.ok) yield { type: 'article', article: articleDraft(result.item, siteUrl) };
      else yield { type: 'skip', originKey: `ghost:${result.problem.table}-at:${result.problem.index}`, label: `${result.problem.table} row ${result.problem.index}`, reason: result.problem.message };
    }
    for await (const result of exp.members()) {
      if (result.ok) yield { type: 'member', member: memberDraft(result.item) };
      else yield { type: 'skip', originKey: `ghost:members-at:${result.problem.index}`, label: `member row ${result.problem.index}`, reason: result.problem.message };
    }
  } catch (error) {
    yield { type: 'fatal', reason: error instanceof Error ? error.message : String(error) };
  }
}
