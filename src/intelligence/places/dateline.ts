/** Where the dateline's place names sit: the city and, when given, its state or country. */
export interface DatelineSpan {
  field: 'dateline' | 'body';
  city: { start: number; end: number; text: string };
  qualifier?: { start: number; end: number; text: string };
  /** Offset in the body where the story proper starts (after a dateline found in the body). */
  bodyStart: number;
}

const monthOrDate = /\d|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s|$)/i;
// The dateline ends at the agency in brackets, a dash, or the text after the date.
const datelineEnd = /\s*(?:\(|[—–]|-\s|--|:\s)/;
const cityPattern = /^[\p{Lu}\p{M}][\p{Lu}\p{M}'’.\- ]*[\p{Lu}\p{M}.]$/u;
// A dateline given on its own may be written in title case ("London, March 2 -").
const titleCityPattern = /^\p{Lu}[\p{L}\p{M}'’.\- ]*$/u;

/** Parses a dateline given on its own ("SALVADOR, Feb 26 -"). */
export function parseDateline(text: string): DatelineSpan | undefined {
  return parseLine(text, 0, 'dateline', true);
}

/**
 * Finds a dateline at the start of one of the body's first paragraphs ("MOSCOW, April 6
 * (Reuters) -", "SOCHI, Russia —"). The city must be written in capitals, as wire services do.
 */
export function findDatelineInBody(body: string): DatelineSpan | undefined {
  let offset = 0;
  const paragraphs = body.split(/(\n\s*\n|\n {2,})/);
  for (let n = 0, seen = 0; n < paragraphs.length && seen < 10; n++) {
    const paragraph = paragraphs[n] as string;
    if (n % 2 === 0 && paragraph.trim() !== '') {
      seen += 1;
      const span = parseLine(paragraph, offset, 'body', false);
      if (span) return span;
    }
    offset += paragraph.length;
  }
  return undefined;
}

function parseLine(line: string, offset: number, field: 'dateline' | 'body', standalone: boolean): DatelineSpan | undefined {
  const head = line.slice(0, 120);
  const end = head.search(datelineEnd);
  if (end < 0 && !standalone) return undefined;
  const prefix = end < 0 ? head : head.slice(0, end);
  if (!standalone && !prefix.includes(',') && end > 40) return undefined;
  const parts: Array<{ start: number; text: string }> = [];
  let at = 0;
  for (const part of prefix.split(',')) {
    const lead = part.length - part.trimStart().length;
    parts.push({ start: at + lead, text: part.trim() });
    at += part.length + 1;
  }
  const cityPart = parts[0];
  if (!cityPart || cityPart.text.length < 2 || !(standalone ? titleCityPattern : cityPattern).test(cityPart.text)) return undefined;
  const second = parts[1];
  const qualifierPart = second && second.text !== '' && !monthOrDate.test(second.text) ? second : undefined;
  const span = (p: { start: number; text: string }) => ({ start: offset + p.start, end: offset + p.start + p.text.length, text: p.text });
  const afterDash = end < 0 ? prefix.length : end + (line.slice(end).match(datelineEnd)?.[0].length ?? 0);
  return {
    field,
    city: span(cityPart),
    ...(qualifierPart ? { qualifier: span(qualifierPart) } : {}),
    bodyStart: field === 'body' ? offset + afterDash : 0,
  };
}
