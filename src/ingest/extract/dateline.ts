/**
 * The dateline that opens a wire story: "MOSCOW, April 6 (RIA Novosti) -", "WASHINGTON —",
 * "LONDON, Nov 19 (Reuters) -". Same shape as the one the flattened-text parser recognises
 * (../text/parse-flattened-article.ts), read here from the plain text of the first paragraph.
 */

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const CAPS_WORD = "\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]*";
const DATELINE_RE = new RegExp(
  `^(${CAPS_WORD}(?:\\s+${CAPS_WORD})*)` + // PLACE in capitals
    `(?:,\\s*\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+\\p{Lu}[\\p{L}.'’\\-]*)*)?` + // , Region
    `(?:,?\\s+${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?)?` + // , Month Day[, Year]
    `(?:\\s*\\(([^()]{1,60})\\))?` + // (Agency)
    `\\s*(?:--|[-–—:])(?=\\s+\\S)`,
  'u',
);
const NOT_A_PLACE = new Set(['UPDATE', 'UPDATED', 'NOTE', "EDITOR'S NOTE", 'EDITOR’S NOTE', 'CORRECTION', 'BREAKING', 'WATCH', 'READ', 'LISTEN', 'WARNING', 'FACT CHECK', 'ANALYSIS', 'OPINION', 'EXCLUSIVE', 'LIVE', 'VIDEO', 'PHOTOS', 'SPOILER', 'SPOILERS', 'TL', 'TLDR', 'FAQ', 'Q', 'A']);

/** A dateline found at the start of a paragraph, with the agency named in parentheses, if any. */
export interface Dateline {
  text: string;
  agency: string | null;
}

/** The dateline at the start of `paragraph` (plain text), or null. */
export function findDateline(paragraph: string): Dateline | null {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  const match = DATELINE_RE.exec(text);
  if (match?.[1] === undefined) return null;
  const place = match[1].trim();
  if (place.replace(/[^\p{Lu}]/gu, '').length < 3 || NOT_A_PLACE.has(place)) return null;
  const agency = match[2]?.trim() ?? null;
  return { text: match[0].trim(), agency: agency === '' ? null : agency };
}
