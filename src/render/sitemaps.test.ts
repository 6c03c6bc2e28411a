import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Instant, Slug, TaxonomyId, TermId } from '../domain/ids.js';
import { defaultSiteSettings } from '../domain/site-settings.js';
import { newsLanguage, parseSitemapName, renderNewsSitemap, renderSitemapIndex, renderUrlSet, sitemapPath } from './sitemaps.js';

const settings = { ...defaultSiteSettings, name: 'News & Views', url: 'https://news.example' };
const at = (s: string) => s as Instant;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['url', 'sitemap'].includes(name) });

describe('sitemap names', () => {
  test('round-trip between refs and file names, and refuse anything else', () => {
    assert.equal(sitemapPath({ kind: 'articles', number: 3 }), '/sitemaps/articles-3.xml');
    assert.equal(sitemapPath({ kind: 'news' }), '/sitemaps/news.xml');
    assert.deepEqual(parseSitemapName('archives-12.xml'), { kind: 'archives', number: 12 });
    assert.deepEqual(parseSitemapName('news.xml'), { kind: 'news' });
    for (const bad of ['articles-0.xml', 'articles-01.xml', 'articles-1.XML', 'articles-.xml', 'other-1.xml', 'articles-99999999.xml', '']) {
      assert.equal(parseSitemapName(bad), null, bad);
    }
  });
});

describe('renderSitemapIndex', () => {
  test('lists each sitemap with an absolute loc and lastmod when known', () => {
    const xml = renderSitemapIndex({
      settings, expiresAt: null, tags: [],
      sitemaps: [{ kind: 'archives', number: 1, lastmod: at('2026-11-25T08:15:00.000Z') }, { kind: 'articles', number: 1, lastmod: at('2026-11-26T00:00:00.000Z') }, { kind: 'news', lastmod: null }],
    });
    assert.equal(XMLValidator.validate(xml), true);
    const index = parser.parse(xml).sitemapindex;
    assert.equal(index['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    assert.deepEqual(index.sitemap, [
      { loc: 'https://news.example/sitemaps/archives-1.xml', lastmod: '2026-11-25T08:15:00.000Z' },
      { loc: 'https://news.example/sitemaps/articles-1.xml', lastmod: '2026-11-26T00:00:00.000Z' },
      { loc: 'https://news.example/sitemaps/news.xml' },
    ]);
  });
});

describe('renderUrlSet', () => {
  test('writes every kind of location as an escaped absolute URL', () => {
    const taxonomy = { id: 'tx' as TaxonomyId, slug: 'region' as Slug, name: 'Region', pluralName: 'Regions', description: null, position: 0 };
    const term = { id: 't' as TermId, taxonomyId: taxonomy.id, parentId: null, slug: 'côte-d-ivoire' as Slug, name: 'Côte', description: null, position: 0 };
    const xml = renderUrlSet({
      settings, tags: [],
      entries: [
        { location: { kind: 'home' }, lastmod: at('2026-11-25T08:15:00.000Z') },
        { location: { kind: 'taxonomy', taxonomy }, lastmod: null },
        { location: { kind: 'term', taxonomy, term }, lastmod: null },
        { location: { kind: 'article', path: '/2026/11/a&b/' }, lastmod: null },
        { location: { kind: 'author-directory' }, lastmod: null },
        { location: { kind: 'source-directory' }, lastmod: null },
      ],
    });
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(xml.includes('<loc>https://news.example/2026/11/a&amp;b/</loc>'));
    assert.deepEqual(parser.parse(xml).urlset.url.map((u: { loc: string }) => u.loc), [
      'https://news.example/', 'https://news.example/region/', 'https://news.example/region/c%C3%B4te-d-ivoire/',
      'https://news.example/2026/11/a&b/', 'https://news.example/author/', 'https://news.example/source/',
    ]);
  });
});

describe('renderNewsSitemap', () => {
  test('adds the news extension with publication, date and escaped title', () => {
    const xml = renderNewsSitemap({
      settings, expiresAt: null, tags: [],
      entries: [{ path: '/2026/11/x/', title: 'Fish & <chips>', language: 'en-GB', publishedAt: at('2026-11-27T09:00:00.000Z') }],
    });
    assert.equal(XMLValidator.validate(xml), true);
    const [url] = parser.parse(xml).urlset.url;
    assert.deepEqual(url, {
      loc: 'https://news.example/2026/11/x/',
      'news:news': { 'news:publication': { 'news:name': 'News & Views', 'news:language': 'en' }, 'news:publication_date': '2026-11-27T09:00:00.000Z', 'news:title': 'Fish & <chips>' },
    });
  });

  test('is an empty, well-formed urlset when nothing is recent', () => {
    const xml = renderNewsSitemap({ settings, entries: [], expiresAt: null, tags: [] });
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(!xml.includes('<url>'));
  });
});

describe('newsLanguage', () => {
  test('reduces tags to ISO 639 codes, keeping zh-cn and zh-tw', () => {
    assert.equal(newsLanguage('en'), 'en');
    assert.equal(newsLanguage('pt-BR'), 'pt');
    assert.equal(newsLanguage('zh'), 'zh-cn');
    assert.equal(newsLanguage('zh-Hans-CN'), 'zh-cn');
    assert.equal(newsLanguage('zh-Hant'), 'zh-tw');
    assert.equal(newsLanguage('zh_TW'), 'zh-tw');
    assert.equal(newsLanguage('fil'), 'fil');
    assert.equal(newsLanguage('??'), 'en');
  });
});
