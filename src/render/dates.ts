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

/** A reader-facing date such as "April 6, 2008", in the site's language and time zone. */
export function formatDate(instant: string, language: string, timeZone: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : formatter(language, timeZone).format(date);
}
