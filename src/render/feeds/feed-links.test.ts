import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AuthorId, Slug } from '../../domain/ids.js';
import { defaultSiteSettings } from '../../domain/site-settings.js';
import { alternateFeedLinks, alternateFeedLinkTags } from './feed-links.js';
import { feedPath } from './feed-paths.js';

const settings = { ...defaultSiteSettings, name: 'The "Review"', url: 'https://news.example' };

describe('alternateFeedLinks', () => {
  test('a plain page advertises the site feeds in all three formats', () => {
    assert.deepEqual(alternateFeedLinks(settings), [
      { type: 'application/rss+xml', title: 'The "Review" (RSS)', href: 'https://news.example/rss.xml' },
      { type: 'application/atom+xml', title: 'The "Review" (Atom)', href: 'https://news.example/atom.xml' },
      { type: 'application/feed+json', title: 'The "Review" (JSON Feed)', href: 'https://news.example/feed.json' },
    ]);
  });

  test('an archive advertises its own feeds first, then the site feeds', () => {
    const author = { id: 'a1' as AuthorId, slug: 'ann-lee' as Slug, name: 'Ann Lee', bio: null, url: null, avatarUrl: null, links: [] };
    const links = alternateFeedLinks(settings, { kind: 'author', author });
    assert.equal(links.length, 6);
    assert.deepEqual(links.slice(0, 3).map((l) => l.href), [
      'https://news.example/author/ann-lee/rss.xml', 'https://news.example/author/ann-lee/atom.xml', 'https://news.example/author/ann-lee/feed.json',
    ]);
    assert.equal(links[0]!.title, 'Articles by Ann Lee — The "Review" (RSS)');
    assert.equal(links[3]!.href, 'https://news.example/rss.xml');
  });

  test('renders escaped link tags', () => {
    const tags = alternateFeedLinkTags(alternateFeedLinks(settings)).toString();
    assert.equal(tags.split('\n').filter(Boolean).length, 3);
    assert.ok(tags.startsWith('<link rel="alternate" type="application/rss+xml" title="The &quot;Review&quot; (RSS)" href="https://news.example/rss.xml">'));
  });
});

describe('feedPath', () => {
  test('appends the format file to the page path', () => {
    assert.equal(feedPath({ kind: 'site' }, 'json'), '/feed.json');
  });
});
