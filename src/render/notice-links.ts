import type { SiteSettings } from '../domain/site-settings.js';

/**
 * Where the comment and membership calls point: the URL set in settings (with {url} and
 * {title} filled, URL-encoded), or a mail to the editors when the site has none yet.
 */
export function callUrl(template: string | null, settings: SiteSettings, values: { url: string; title: string }, subject: string): string | null {
  if (template) {
    return template.replace(/\{(url|title)\}/g, (_, name: 'url' | 'title') => encodeURIComponent(values[name]));
  }
  if (!settings.contactEmail) return null;
  return `mailto:${settings.contactEmail}?subject=${encodeURIComponent(subject)}`;
}
