/**
 * JSON.parse with the two repairs JSON feeds need in practice: raw control characters inside
 * strings (a pasted newline or tab) are escaped, and a document cut off inside its `items` array
 * is closed after the last complete item. Each repair is reported; anything else is refused.
 */
import { FeedParseError } from './feed-parse-error.js';
import type { FeedProblem } from './parsed-feed.js';

/** The parsed document and what was done to read it. */
export interface RepairedJson {
  document: unknown;
  problems: FeedProblem[];
}

/** Parses feed JSON, repairing it if needed; throws FeedParseError('malformed') naming the line when it cannot. */
export function repairFeedJson(text: string): RepairedJson {
  let firstError: unknown;
  try {
    return { document: JSON.parse(text), problems: [] };
  } catch (error) {
    firstError = error;
  }
  const escaped = escapeControlCharsInStrings(text);
  const problems: FeedProblem[] = [];
  let lastError = firstError;
  if (escaped !== text) {
    problems.push({ item: null, message: 'The feed has raw control characters inside JSON strings; they were escaped.' });
    try {
      return { document: JSON.parse(escaped), problems };
    } catch (error) {
      lastError = error;
    }
  }
  const closed = closeAfterLastCompleteItem(escaped);
  if (closed) {
    try {
      const document = JSON.parse(closed.json);
      problems.push({ item: null, message: `The feed is cut off (${describe(lastError, escaped)}); the ${closed.items} complete items before the cut were kept.` });
      return { document, problems };
    } catch {
      // Refused below.
    }
  }
  throw new FeedParseError('malformed', `The feed is not valid JSON: ${describe(firstError, text)}.`, { cause: firstError });
}

function escapeControlCharsInStrings(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString && !escaped && char.charCodeAt(0) < 0x20) {
      out += `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
      continue;
    }
    out += char;
    if (escaped) escaped = false;
    else if (inString && char === '\\') escaped = true;
    else if (char === '"') inString = !inString;
  }
  return out;
}

/** When the text ends inside the root object's `items` array, cut it after the last complete item and close the array and object. */
function closeAfterLastCompleteItem(text: string): { json: string; items: number } | null {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  let inItems = false;
  let cut = -1;
  let items = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      if (char === '[' && stack.length === 1 && /"items"\s*:\s*$/.test(text.slice(Math.max(0, i - 40), i))) inItems = true;
      stack.push(char);
    } else if (char === '}' || char === ']') {
      stack.pop();
      if (stack.length === 1) inItems = false;
      if (inItems && stack.length === 2) {
        cut = i + 1;
        items++;
      }
    }
  }
  if (stack.length === 0 || cut < 0) return null;
  return { json: `${text.slice(0, cut)}]}`, items };
}

/** "line L, column C: <parser message>" when the error names a position. */
function describe(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  return `line ${line}, column ${Number(position) - before.lastIndexOf('\n')}: ${message}`;
}
