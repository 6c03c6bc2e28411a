/*
 * The shared XSS payload corpora (/work/shared/corpus/xss/, see its README.md) as one list of
 * strings: the payloadbox list one payload a line, H5SC vectors (ready `payload`, else the
 * `template` expanded with the corpus placeholders), DOMPurify's fixtures and the OWASP cheat
 * sheet blocks. Every payload is hostile by design: load them as strings, render them only in
 * sandboxed test pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the corpus lives: the shared directory next to the repository. */
export const xssCorpusDir = fileURLToPath(new URL('../../../shared/corpus/xss/', import.meta.url));

export interface XssPayload {
  /** The corpus file it came from (base name). */
  file: string;
  /** Where in that file: "line 12", "#3 title", "id 42 name". */
  label: string;
  /** The payload itself, verbatim. */
  source: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Expands `%name%` markers of an H5SC template with the corpus placeholders. */
export function expandTemplate(template: string, placeholders: Record<string, unknown>): string {
  return template.replace(/%([a-z0-9_]+)%/g, (match, name: string) => {
    const value = placeholders[name];
    return typeof value === 'string' ? value : match;
  });
}

/** Reads one corpus file in any of the formats its README describes. */
export function payloadsOf(file: string, text: string): XssPayload[] {
  if (file.endsWith('.txt')) {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.map((line, index) => ({ file, label: `line ${index + 1}`, source: line.replace(/\r$/, '') }));
  }
  if (!file.endsWith('.json')) throw new Error(`${file}: not a known corpus format (expected .txt or .json)`);
  const data: unknown = JSON.parse(text);
  if (Array.isArray(data)) {
    return data.map((entry: unknown, index) => {
      if (!isRecord(entry) || typeof entry.payload !== 'string') throw new Error(`${file}[${index}]: expected an object with a string "payload"`);
      const title = typeof entry.title === 'string' ? entry.title : typeof entry.heading === 'string' ? entry.heading : '';
      return { file, label: `#${index} ${title}`.trim(), source: entry.payload };
    });
  }
  if (isRecord(data) && Array.isArray(data.items)) {
    const placeholders = isRecord(data.placeholders) ? data.placeholders : {};
    return data.items.map((item: unknown, index) => {
      if (!isRecord(item)) throw new Error(`${file}.items[${index}]: expected an object`);
      const source = typeof item.payload === 'string' ? item.payload : typeof item.template === 'string' ? expandTemplate(item.template, placeholders) : null;
      if (source === null) throw new Error(`${file}.items[${index}]: neither payload nor template`);
      return { file, label: `id ${String(item.id)} ${typeof item.name === 'string' ? item.name : ''}`.trim(), source };
    });
  }
  throw new Error(`${file}: JSON is neither an array of {payload} nor {placeholders, items}`);
}

/** The payload files of the corpus (README and hidden files left out), sorted; empty when the corpus is missing. */
export function xssCorpusFiles(dir = xssCorpusDir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => !/^readme/i.test(name) && !name.startsWith('.')).sort();
}

/** Every payload of every corpus file, in file order. */
export function loadXssPayloads(dir = xssCorpusDir): XssPayload[] {
  return xssCorpusFiles(dir).flatMap((file) => payloadsOf(file, readFileSync(path.join(dir, file), 'utf8')));
}
