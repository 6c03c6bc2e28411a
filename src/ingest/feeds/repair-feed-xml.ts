/**
 * Well-formedness for feed XML, with a lenient fallback. fast-xml-parser's parser accepts broken
 * XML silently (an unclosed tag just swallows what follows), so the document is validated first.
 * A document that fails is repaired in two steps: (1) escape bare `&` and drop control
 * characters, the two most common faults; (2) drop the items that are still broken and keep the
 * rest. Every repair is reported as a problem; a document that cannot be repaired is refused.
 */
import { XMLValidator } from 'fast-xml-parser';
import { FeedParseError } from './feed-parse-error.js';
import type { FeedProblem } from './parsed-feed.js';

/** XML that the validator accepts, and what was done to get it. */
export interface RepairedXml {
  xml: string;
  problems: FeedProblem[];
}

const VALIDATOR_OPTIONS = { allowBooleanAttributes: true };

/** Returns the document unchanged when well-formed, else a repaired copy; throws FeedParseError('malformed') when repair fails. */
export function repairFeedXml(xml: string): RepairedXml {
  const first = validate(xml);
  if (!first) return { xml, problems: [] };

  const escaped = escapeBareAmpersands(xml).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  const second = validate(escaped);
  const repairNote = `The feed is not well-formed XML (${first}); bare "&" characters were escaped and control characters removed.`;
  if (!second) return { xml: escaped, problems: [{ item: null, message: repairNote }] };

  const salvaged = dropBrokenItems(escaped);
  if (salvaged && !validate(salvaged.xml)) {
    return { xml: salvaged.xml, problems: [{ item: null, message: `The feed is not well-formed XML (${first}); the broken items were left out.` }, ...salvaged.problems] };
  }
  throw new FeedParseError('malformed', `The feed is not well-formed XML and could not be repaired: ${second}.`);
}

/** Null when well-formed, else "line L, column C: message" (lines counted from `firstLine`). */
function validate(xml: string, firstLine = 1): string | null {
  const result = XMLValidator.validate(xml, VALIDATOR_OPTIONS);
  if (result === true) return null;
  const { line, col, msg } = result.err;
  return `line ${line + firstLine - 1}, column ${col}: ${msg}`;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Escapes `&` that does not start an entity or character reference, outside CDATA sections and comments. */
export function escapeBareAmpersands(xml: string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&(?!(?:[A-Za-z_][\w.-]*|#[0-9]+|#[xX][0-9a-fA-F]+);)/g, '&amp;')))
    .join('');
}

const ITEM_START = /<((?:[\w.-]+:)?(?:item|entry))(?=[\s>/])[^>]*>/g;

/** Keeps the text before the first item, each item that validates on its own, and the text after the last. */
function dropBrokenItems(xml: string): RepairedXml | null {
  const items: { start: number; end: number }[] = [];
  ITEM_START.lastIndex = 0;
  for (let match = ITEM_START.exec(xml); match; match = ITEM_START.exec(xml)) {
    if (match[0].endsWith('/>')) continue;
    const close = xml.indexOf(`</${match[1]}>`, ITEM_START.lastIndex);
    if (close < 0) break;
    const end = close + match[1]!.length + 3;
    items.push({ start: match.index, end });
    ITEM_START.lastIndex = end;
  }
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return null;
  const problems: FeedProblem[] = [];
  const kept: string[] = [];
  items.forEach((item, index) => {
    const chunk = xml.slice(item.start, item.end);
    const error = validate(chunk, lineAt(xml, item.start));
    if (!error) {
      kept.push(chunk);
      return;
    }
    const title = /<title[^>]*>([\s\S]{0,80}?)<\/title>/.exec(chunk)?.[1]?.trim();
    problems.push({ item: index, message: `Item ${index + 1}${title ? ` ("${title}")` : ''} is not well-formed XML (${error}) and was skipped.` });
  });
  return { xml: xml.slice(0, first.start) + kept.join('\n') + xml.slice(last.end), problems };
}
