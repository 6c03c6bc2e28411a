/**
 * Dates as feeds write them: RFC 3339 (Atom, JSON Feed), RFC 822 (RSS) with the usual faults
 * (two-digit years, zone names, missing seconds or zone, localised month names, a weekday that
 * does not match), then chrono-node's strict parser for the rest. A date without a zone is read
 * as UTC so the result never depends on the server's time zone. Pure: no clock.
 */
import * as chrono from 'chrono-node';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC822 = /^(?:[^\d\s,]+\.?,?\s*)?(\d{1,2})[\s-]+([^\d\s.,-]+)\.?,?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(.*)$/;

/** Month names and abbreviations in English and the languages feeds most often localise them into. */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  ene: 1, gen: 1, fev: 2, fév: 2, mär: 3, mrz: 3, abr: 4, avr: 4, mai: 5, mei: 5, mag: 5, maj: 5, juin: 6, giu: 6,
  juil: 7, lug: 7, ago: 8, aoû: 8, aou: 8, set: 9, okt: 10, out: 10, ott: 10, dez: 12, dic: 12, déc: 12,
};

/** Zone abbreviations seen in feeds, in minutes east of UTC. Ambiguous ones take their most common feed meaning. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, CET: 60, CEST: 120, MET: 60, MEST: 120, WEST: 60, BST: 60, EET: 120, EEST: 180,
  MSK: 180, IST: 330, SGT: 480, HKT: 480, JST: 540, KST: 540, AWST: 480, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

/** Parses a feed date to ISO 8601 UTC, or null when it cannot be read or is implausible. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const text = raw?.replace(/\s+/g, ' ').trim();
  // No date is longer; the cap also keeps the patterns below cheap on hostile input.
  if (!text || text.length > 100) return null;
  const millis = parseIso(text) ?? parseRfc822(text) ?? parseWithChrono(text);
  if (millis === null || Number.isNaN(millis)) return null;
  const year = new Date(millis).getUTCFullYear();
  return year >= 1900 && year <= 2200 ? new Date(millis).toISOString() : null;
}

function parseIso(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = m;
  const ms = Math.round(Number(`0.${fraction}`) * 1000);
  const base = utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms);
  const offset = zone ? zoneOffset(zone) : 0;
  return base === null || offset === null ? null : base - offset * 60_000;
}

function parseRfc822(text: string): number | null {
  const m = RFC822.exec(text);
  if (!m) return null;
  const [, d, monthName = '', y = '', h = '0', mi = '0', s = '0', rest = ''] = m;
  const lower = monthName.toLowerCase();
  const month = MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)];
  if (!month) return null;
  const year = y.length === 2 ? Number(y) + (Number(y) < 50 ? 2000 : 1900) : Number(y);
  const zoneText = rest.replace(/\(.*\)/, '').trim();
  const offset = zoneText ? zoneOffset(zoneText.split(' ')[0]!) : 0;
  const base = utc(year, month, Number(d), Number(h), Number(mi), Number(s), 0);
  return base === null || offset === null ? null : base - offset * 60_000;
}

/** Minutes east of UTC for "+0100", "-05:00", "+01", "GMT+2", "EST"; unknown names count as UTC. */
function zoneOffset(zone: string): number | null {
  const numeric = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return minutes > 14 * 60 ? null : (numeric[1] === '-' ? -minutes : minutes);
  }
  if (/^[A-Za-z]{1,5}$/.test(zone)) return ZONES[zone.toUpperCase()] ?? 0;
  return null;
}

/** Milliseconds for a UTC calendar time, or null when a field is out of range (31 February, 25 o'clock, year 1). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
}

function parseWithChrono(text: string): number | null {
  const result = chrono.strict.parse(text, { instant: new Date(0), timezone: 0 })[0];
  if (!result || !['year', 'month', 'day'].every((c) => result.start.isCertain(c as chrono.Component))) return null;
  return result.start.date().getTime();
}
