const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone });
    } catch {
      // A mistyped language or time zone in settings must not take the site down.
      f = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * Dates already formatted. ICU's formatting was a twentieth of a search page's time on the main
 * thread (ten dates a page), and the same articles' dates come back on page after page (home,
 * archives, searches). Bounded by emptying it when full.
 */
const formatted = new Map<string, string>();
const MAX_FORMATTED = 20_000;

/** A reader-facing date such as "April 6, 2008", in the site's language and time zone. */
export function formatDate(instant: string, language: string, timeZone: string): string {
  const key = `${instant}|${language}|${timeZone}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const date = new Date(instant);
    text = Number.isNaN(date.getTime()) ? '' : formatter(language, timeZone).format(date);
    if (formatted.size >= MAX_FORMATTED) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}
