import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ArticleView } from '../../app/public-site.js';
import type { FeedData } from '../../app/syndication-queries.js';
import type { Article } from '../../domain/article.js';
import type { Author } from '../../domain/author.js';
import type { ArticleId, AuthorId, Instant, Slug, SourceId, TaxonomyId, TermId } from '../../domain/ids.js';
import { defaultSiteSettings, type SiteSettings } from '../../domain/site-settings.js';
import type { Source } from '../../domain/source.js';
import type { Taxonomy, Term } from '../../domain/taxonomy.js';
import { articleGuid, buildFeedDocument } from './feed-document.js';

const settings: SiteSettings = { ...defaultSiteSettings, name: 'The Review', url: 'https://news.example', language: 'en' };
const region: Taxonomy = { id: 'tx1' as TaxonomyId, slug: 'region' as Slug, name: 'Region', pluralName: 'Regions', description: null, position: 0 };
const europe: Term = { id: 't1' as TermId, taxonomyId: region.id, parentId: null, slug: 'europe' as Slug, name: 'Europe', description: null, position: 0 };
const ann: Author = { id: 'a1' as AuthorId, slug: 'ann-lee' as Slug, name: 'Ann Lee', bio: null, url: null, avatarUrl: null, links: [] };
const wire: Source = {
  id: 's1' as SourceId, slug: 'wire' as Slug, name: 'Wire Service', url: 'https://wire.example/', defaultCopyrightLine: null, defaultLicence: null, defaultSearchPolicy: 'noindex',
};

/** An article with sensible defaults. */
function testArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' as ArticleId, slug: 'grid-leases' as Slug, title: 'Grid operators lease turbines',
    standfirst: 'A standfirst.', bodySource: '', bodyFormat: 'html',
    bodyHtml: '<p>First <a href="/region/europe/">relative link</a> and <img src="pic.jpg" alt="x"></p><script>alert(1)</script>',
    excerpt: 'The excerpt.', language: 'en', status: 'published',
    publishedAt: '2026-11-25T08:15:00.000Z' as Instant, createdAt: '2026-11-24T08:00:00.000Z' as Instant, updatedAt: '2026-11-26T09:00:00.000Z' as Instant,
    authorIds: [ann.id], termIds: [europe.id], featureImage: null, syndication: null, origin: 'editorial', inboxState: null, contentHash: null,
    ...overrides,
  };
}

function view(article: Article, source: Source | null = null): ArticleView {
  return { article, authors: [ann], taxonomies: [{ taxonomy: region, terms: [europe] }], source };
}

function data(items: ArticleView[], content: 'full' | 'summary' = 'full'): FeedData {
  return { settings, subject: { kind: 'site' }, items, content, now: '2026-11-27T10:00:00.000Z' as Instant, tags: [] };
}

describe('buildFeedDocument', () => {
  test('gives absolute URLs for the feed, its page, its self links and its entries', () => {
    const doc = buildFeedDocument(data([view(testArticle())]));
    assert.equal(doc.homeUrl, 'https://news.example/');
    assert.equal(doc.pageUrl, 'https://news.example/');
    assert.deepEqual(doc.selfUrls, { rss: 'https://news.example/rss.xml', atom: 'https://news.example/atom.xml', json: 'https://news.example/feed.json' });
    const [entry] = doc.entries;
    assert.equal(entry!.url, 'https://news.example/2026/11/grid-leases/');
    assert.deepEqual(entry!.authors, [{ name: 'Ann Lee', url: 'https://news.example/author/ann-lee/' }]);
    assert.deepEqual(entry!.categories, [{ term: 'europe', label: 'Europe', scheme: 'https://news.example/region/' }]);
  });

  test('names archive feeds after the archive and points them at its page', () => {
    const doc = buildFeedDocument({ ...data([]), subject: { kind: 'term', taxonomy: region, term: europe, trail: [europe], children: [] } });
    assert.equal(doc.title, 'Europe — The Review');
    assert.equal(doc.pageUrl, 'https://news.example/region/europe/');
    assert.equal(doc.selfUrls.atom, 'https://news.example/region/europe/atom.xml');
    assert.equal(doc.updated, '2026-11-27T10:00:00.000Z', 'an empty feed is as new as its rendering');
  });

  test('uses the article id as a URN that survives slug and domain changes', () => {
    const a = testArticle();
    const moved = buildFeedDocument({ ...data([view({ ...a, slug: 'renamed' as Slug })]), settings: { ...settings, url: 'https://elsewhere.example' } });
    const before = buildFeedDocument(data([view(a)]));
    assert.equal(before.entries[0]!.id, 'urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    assert.equal(moved.entries[0]!.id, before.entries[0]!.id);
    assert.equal(articleGuid({ id: 'legacy-7' as ArticleId, createdAt: '2020-02-03T00:00:00.000Z' as Instant }, settings), 'tag:news.example,2020-02-03:article:legacy-7');
  });

  test('full content is sanitized with absolute URLs; summary mode carries no content', () => {
    const full = buildFeedDocument(data([view(testArticle())])).entries[0]!;
    assert.ok(full.contentHtml!.includes('href="https://news.example/region/europe/"'), full.contentHtml!);
    assert.ok(full.contentHtml!.includes('src="https://news.example/2026/11/grid-leases/pic.jpg"'), full.contentHtml!);
    assert.ok(!full.contentHtml!.includes('<script'));
    const summary = buildFeedDocument(data([view(testArticle())], 'summary')).entries[0]!;
    assert.equal(summary.contentHtml, null);
    assert.equal(summary.summary, 'The excerpt.');
    const noExcerpt = buildFeedDocument(data([view(testArticle({ excerpt: null, standfirst: null }))], 'summary')).entries[0]!;
    assert.equal(noExcerpt.summary, 'First relative link and');
  });

  test('updated is never before published, and the feed is as new as its newest entry', () => {
    const early = testArticle({ updatedAt: '2026-11-20T00:00:00.000Z' as Instant });
    const doc = buildFeedDocument(data([view(early), view(testArticle({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' as ArticleId }))]));
    assert.equal(doc.entries[0]!.updated, '2026-11-25T08:15:00.000Z');
    assert.equal(doc.updated, '2026-11-26T09:00:00.000Z');
  });

  test('a republished entry carries its original, copyright line and a credit after the text', () => {
    const article = testArticle({
      syndication: {
        sourceId: wire.id, originalPublisher: 'Wire Service', originalUrl: 'https://wire.example/story?id=1&x=2', originalAuthor: 'Bo Ray',
        originalPublishedAt: '2026-11-24T14:40:00.000Z' as Instant, copyrightHolder: 'Wire Service Ltd', copyrightLine: 'Copyright © Wire Service Ltd, 2026',
        licence: 'Republished under licence', searchPolicy: 'noindex',
      },
    });
    const entry = buildFeedDocument(data([view(article, wire)])).entries[0]!;
    assert.deepEqual(entry.original, {
      publisher: 'Wire Service', url: 'https://wire.example/story?id=1&x=2', publisherUrl: 'https://wire.example/', licence: 'Republished under licence',
      author: 'Bo Ray', publishedAt: '2026-11-24T14:40:00.000Z',
    });
    assert.equal(entry.rights, 'Copyright © Wire Service Ltd, 2026');
    assert.match(entry.contentHtml!, /<p class="attribution">First published by <a href="https:\/\/wire\.example\/story\?id=1&amp;x=2">Wire Service<\/a> on November 24, 2026, by Bo Ray\. Copyright © Wire Service Ltd, 2026\. Republished under licence\.<\/p>$/);
  });

  test('an original URL that is not http(s) is dropped', () => {
    const article = testArticle({
      syndication: {
        sourceId: null, originalPublisher: 'X', originalUrl: 'javascript:alert(1)', originalAuthor: null, originalPublishedAt: null,
        copyrightHolder: null, copyrightLine: null, licence: null, searchPolicy: 'noindex',
      },
    });
    const entry = buildFeedDocument(data([view(article)])).entries[0]!;
    assert.equal(entry.original!.url, null);
    assert.ok(!entry.contentHtml!.includes('javascript:'));
  });

  test('feature images become absolute, with a media type only when the extension tells it', () => {
    const withImage = (url: string) => buildFeedDocument(data([view(testArticle({ featureImage: { url, alt: 'Alt', caption: null, credit: null } }))])).entries[0]!.image;
    assert.deepEqual(withImage('/media/photo.JPG'), { url: 'https://news.example/media/photo.JPG', type: 'image/jpeg', alt: 'Alt' });
    assert.deepEqual(withImage('https://cdn.example/i/123?w=800'), { url: 'https://cdn.example/i/123?w=800', type: null, alt: 'Alt' });
    assert.equal(withImage('data:image/png;base64,AAAA'), null);
  });
});
