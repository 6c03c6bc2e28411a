import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderRobotsTxt } from './robots.js';

test('robots.txt allows the site, keeps crawlers out of admin and API, and names the sitemap index', () => {
  assert.equal(renderRobotsTxt({ url: 'https://news.example' }), [
    'User-agent: *', 'Allow: /', 'Disallow: /admin/', 'Disallow: /api/', '', 'Sitemap: https://news.example/sitemap.xml', '',
  ].join('\n'));
});
