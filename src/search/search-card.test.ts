import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../domain/article.js';
import type { ArticleId, AuthorId, Instant, Slug, SourceId, TermId } from '../domain/ids.js';
import { articleOfSearchCard, searchCardOf } from './search-card.js';

const article: Article = {
  id: 'a1' as ArticleId, slug: 'harbour-reopens' as Slug, title: 'Harbour <reopens>', standfirst: 'After "two" years',
  bodySource: '# Body', bodyFormat: 'markdown', bodyHtml: '<h1>Body</h1>', excerpt: 'After two years…', language: 'en',
  status: 'published', publishedAt: '2026-05-01T10:00:00.000Z' as Instant, createdAt: '2026-04-30T09:00:00.000Z' as Instant,
  updatedAt: '2026-05-02T11:00:00.000Z' as Instant, authorIds: ['b' as AuthorId, 'a' as AuthorId], termIds: ['t2' as TermId, 't1' as TermId],
  featureImage: { url: 'https://img.example/h.jpg', alt: 'The harbour', caption: null, credit: 'Wire' },
  syndication: {
    sourceId: 's1' as SourceId, originalPublisher: 'Wire', originalUrl: 'https://wire.example/h', originalAuthor: null,
    originalPublishedAt: null, copyrightHolder: 'Wire', copyrightLine: '© Wire', licence: null, searchPolicy: 'canonical-original',
  },
  origin: 'import', inboxState: null, contentHash: 'abc',
};

describe('search cards', () => {
  it('give back the article without its source and body, bylines and terms in order', () => {
    const { bodySource: _source, bodyHtml: _body, ...summary } = article;
    assert.deepEqual(articleOfSearchCard(searchCardOf(article)), summary);
    assert.deepEqual(articleOfSearchCard(searchCardOf({ ...article, syndication: null, featureImage: null, publishedAt: null })), {
      ...summary, syndication: null, featureImage: null, publishedAt: null,
    });
  });

  it('hold neither the source nor the body', () => {
    const card = JSON.parse(searchCardOf(article)) as Record<string, unknown>;
    assert.ok(!('body_source' in card) && !('body_html' in card));
  });

  it('are not used when missing, malformed, or written before a column existed', () => {
    const card = JSON.parse(searchCardOf(article)) as Record<string, unknown>;
    delete card['content_hash'];
    for (const json of [null, undefined, '', 'not json', '[]', '{}', JSON.stringify(card), JSON.stringify({ ...card, content_hash: 'x', author_ids: 'a' })]) {
      assert.equal(articleOfSearchCard(json), null, String(json));
    }
  });
});
