import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A static file kept in memory, served under a name that carries its content hash. */
export interface StaticAsset {
  path: string;
  body: Buffer;
  contentType: string;
  etag: string;
}

const assetDir = new URL('./assets/', import.meta.url);

/** A file from `dir`, named for serving as /assets/NAME.HASH.EXT. */
export function loadAsset(name: string, contentType: string, dir: URL = assetDir): StaticAsset {
  const body = readFileSync(new URL(name, dir));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  return { path: `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`, body, contentType, etag: `"${hash}"` };
}

/** The theme's assets, hashed once at start-up; a changed file gets a new URL, so caches may keep old ones forever. */
export function loadStaticAssets(): { stylesheet: StaticAsset; all: StaticAsset[] } {
  const stylesheet = loadAsset('site.css', 'text/css; charset=utf-8');
  return { stylesheet, all: [stylesheet] };
}
