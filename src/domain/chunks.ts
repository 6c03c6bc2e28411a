/** `items` cut into consecutive runs of at most `size` (multi-row statements stay under the engines' parameter limits). */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
