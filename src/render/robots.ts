import type { SiteSettings } from '../domain/site-settings.js';
import { absoluteUrl } from './paths.js';
import { sitemapIndexPath } from './sitemaps.js';

/** robots.txt: everything public may be crawled; the admin and the API may not; the sitemap index is named. */
export function renderRobotsTxt(settings: Pick<SiteSettings, 'url'>): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin/',
    'Disallow: /api/',
    '',
    `Sitemap: ${absoluteUrl(settings.url, sitemapIndexPath)}`,
    '',
  ].join('\n');
}
