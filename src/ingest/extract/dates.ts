/**
 * Dates as pages state them, normalised to what ExtractedArticle carries: an ISO 8601 instant
 * when the page gives a time with its offset, else the calendar date (YYYY-MM-DD). A time without
 * an offset is not an instant, so it is reduced to its date rather than guessed into UTC.
 */
import * as chrono from 'chrono-node';

const ISO_RE = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDate(year: number, month: number, day: number): string | null {
  return validDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** An instant written with the offset the page gave, so the local calendar date stays visible. */
function instant(date: string, h: string, mi: string, s: string, offset: string): string | null {
  const text = `${date}T${h}:${mi}:${s}${offset}`;
  return Number(h) < 24 && Number(mi) < 60 && Number(s) < 61 && !Number.isNaN(new Date(text).getTime()) ? text : null;
}

function fromIso(match: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, s, zone] = match;
  const date = calendarDate(Number(y), Number(mo), Number(d));
  if (date === null) return null;
  if (h === undefined || zone === undefined) return date;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})?$/, (_m, hh: string, mm?: string) => `${hh}:${mm ?? '00'}`);
  return instant(date, h, mi ?? '00', s ?? '00', offset === '+00:00' ? 'Z' : offset) ?? date;
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Parses a machine-readable date (ISO 8601, RFC 2822, Unix seconds); null when it is not one. */
export function normaliseMachineDate(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  const iso = ISO_RE.exec(text);
  if (iso) return fromIso(iso);
  if (/^\d{10}$/.test(text)) {
    const instant = new Date(Number(text) * 1000);
    return instant.getUTCFullYear() >= 1990 ? instant.toISOString() : null;
  }
  // "Tue, 19 Nov 2019 10:48:00 GMT" and friends: Date.parse is reliable only with a stated zone.
  if (/\d{4}/.test(text) && /\d{1,2}:\d{2}/.test(text) && /(?:GMT|UTC|Z|[+-]\d{4})\s*$/.test(text)) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime()) && instant.getUTCFullYear() >= MIN_YEAR) return instant.toISOString();
  }
  return normaliseTextDate(text);
}

const PARSERS: Record<string, chrono.Chrono> = {
  en: chrono.strict, de: chrono.de.strict, fr: chrono.fr.strict, es: chrono.es.strict, pt: chrono.pt.strict, nl: chrono.nl.strict,
};

/** The chrono parsers to try: the page's language first, then English, then the others. */
function parsersFor(language: string | null | undefined): chrono.Chrono[] {
  const primary = (language ?? 'en').slice(0, 2).toLowerCase();
  const first = PARSERS[primary];
  return [...(first !== undefined ? [first] : []), ...Object.entries(PARSERS).filter(([code]) => code !== primary).map(([, parser]) => parser)];
}

/**
 * The first complete date written in prose ("Published 4:00 am CST, Wednesday, November 20,
 * 2019"): year, month and day must all be stated. Relative words ("today", "1 day ago") never
 * count. An instant is returned only when the text states both the time and the zone. Numeric
 * dates are read day-first unless the page is in English and writes them with slashes.
 */
export function normaliseTextDate(text: string | null | undefined, language?: string | null): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const english = (language ?? 'en').toLowerCase().startsWith('en');
  if (!english || /\b\d{1,2}\.\d{1,2}\.\d{4}\b/.test(text)) {
    const numeric = normaliseNumericDate(text);
    if (numeric !== null) return numeric;
  }
  for (const parser of parsersFor(language)) {
    for (const result of parser.parse(text)) {
      const start = result.start;
      // A stated year, not one worked out from today: extraction does not depend on the clock.
      if (!/\d{4}/.test(result.text) || !start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
      const date = calendarDate(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
      if (date === null) continue;
      const offset = start.get('timezoneOffset');
      if (!start.isCertain('hour') || !start.isCertain('timezoneOffset') || offset === null) return date;
      return instant(date, pad(start.get('hour') ?? 0), pad(start.get('minute') ?? 0), pad(start.get('second') ?? 0), offsetText(offset)) ?? date;
    }
  }
  return null;
}

/** Numeric dates such as 05/10/2018 or 19.11.2019 are read day-first, as most of the world writes them, unless that is impossible. */
export function normaliseNumericDate(text: string): string | null {
  const match = /(?:^|[^\d])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/.exec(text);
  if (match === null) return null;
  const a = Number(match[1]);
  const b = Number(match[3]);
  const year = Number(match[4]);
  return calendarDate(year, b, a) ?? calendarDate(year, a, b);
}

const TIME_RE = /\b\d{1,2}(?:[:.h]\d{2}){1,2}(?:\s*[ap]\.?\s?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?=\s|$|[,;|])/gi;
const RELATIVE_RE = /\b(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|\b(?:vor\s+\d+\s+(?:minuten|stunden|tagen))\b/gi;
const NUMERIC_RE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/g;
const LABEL_RE = /\b(?:first |last |originally )?(?:published|posted|updated|modified|created|dated?|on|at|in|am|pm|[ecmp][sd]t|gmt|utc|bst|cet|cest|mez|mesz|ist|aest|aedt|hst|et|pt|[ecmp]t|veröffentlicht|aktualisiert|zuletzt|um|uhr|stand|publié|mis à jour|le|publicado|actualizado|atualizado|el|em|opublikowano|aktualizacja|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|today|yesterday|heute|gestern|time|date|datum)\b\.?/gi;

/** A short line that says nothing but when the story was published or updated ("PUBLISHED: 10:48, Tue, Nov 19, 2019"). */
export function isDateLine(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0 || words.length > 20 || !/\d/.test(text)) return false;
  let rest = text;
  let found = false;
  const cut = (re: RegExp): void => {
    rest = rest.replace(re, () => {
      found = true;
      return ' ';
    });
  };
  for (const parser of parsersFor(null).slice(0, 4)) {
    // Right to left, so the earlier indexes stay valid while spans are cut out.
    for (const result of parser.parse(rest).reverse()) {
      // Only calendar dates count here; "30 minutes before" is a duration, not a date.
      if (!result.start.isCertain('day') || !result.start.isCertain('month')) continue;
      rest = `${rest.slice(0, result.index)} ${rest.slice(result.index + result.text.length)}`;
      found = true;
    }
  }
  cut(NUMERIC_RE);
  cut(TIME_RE);
  cut(RELATIVE_RE);
  if (!found) return false;
  rest = rest.replace(LABEL_RE, ' ');
  return (rest.match(/[\p{L}\p{N}_]+/gu) ?? []).length <= 1;
}
