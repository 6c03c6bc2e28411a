/**
 * Zod validation that fails with a NinjsError naming the JSON path of the first wrong field
 * (`$.headlines[0].value should be a string, not a number`), so a provider can find it.
 */
import type { z } from 'zod';
import { NinjsError } from './ninjs-error.js';
import { EXTENSION_PROPERTY, ninjsItemSchema, type NinjsItemData } from './ninjs-schema.js';

/** Appends a key or index to a JSONPath-like path (`$`, `$.bodies[0]`, `$.associations["main pic"]`). */
export function childPath(path: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const name = String(key);
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value;
}

const EXPECTED: Record<string, string> = { string: 'a string', number: 'a number', array: 'an array', object: 'an object', record: 'an object' };

/** Parses `value` with `schema`; on failure throws NinjsError('invalid') for the first issue, with its path under `path`. */
export function checkShape<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new NinjsError('invalid', `${path} is not a valid ninjs item.`);
  let at = path;
  let found: unknown = value;
  for (const key of issue.path) {
    at = childPath(at, key);
    found = found !== null && typeof found === 'object' ? (found as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
  }
  const why = issue.code === 'invalid_type'
    ? `should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(found)}`
    : `is not valid: ${issue.message}`;
  throw new NinjsError('invalid', `Invalid ninjs: ${at} ${why}.`);
}

/**
 * A ninjs 2.x/3.x array or a 1.x map (`{"main": {...}}`) of entries checked with `schema`, as
 * keyed entries in document order; anything else is invalid.
 */
export function checkListOrMap<T>(schema: z.ZodType<T>, value: unknown, path: string): { key: string | number; path: string; value: T }[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map((entry, index) => ({ key: index, path: childPath(path, index), value: checkShape(schema, entry, childPath(path, index)) }));
  if (typeof value === 'object') {
    return Object.entries(value).map(([key, entry]) => ({ key, path: childPath(path, key), value: checkShape(schema, entry, childPath(path, key)) }));
  }
  throw new NinjsError('invalid', `Invalid ninjs: ${path} should be an array (or, in ninjs 1.x, an object), not ${describe(value)}.`);
}

/** Checks one item: the fields the importer reads, and the 1.x `headline_*`/`body_*`/`description_*` extensions, which must be strings. */
export function checkNinjsItem(value: unknown, path: string): NinjsItemData {
  const item = checkShape(ninjsItemSchema, value, path);
  for (const [key, extension] of Object.entries(item)) {
    if (EXTENSION_PROPERTY.test(key) && extension !== null && typeof extension !== 'string') {
      throw new NinjsError('invalid', `Invalid ninjs: ${childPath(path, key)} should be a string, not ${describe(extension)}.`);
    }
  }
  return item;
}
