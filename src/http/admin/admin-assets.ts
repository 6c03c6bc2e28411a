import { existsSync, readFileSync } from 'node:fs';
import { loadAsset, type StaticAsset } from '../../render/static-assets.js';
import type { AdminAssets } from '../../render/admin/admin-layout.js';

/**
 * The back office's stylesheet and the editor bundle that `npm run build` makes with esbuild
 * (dist/admin-assets/, named by content hash, listed in manifest.json). Running from sources
 * (tsx) uses the last build's bundle; without one the editor is a plain text area.
 */
export function loadAdminAssets(): { urls: AdminAssets; all: StaticAsset[] } {
  const stylesheet = loadAsset('admin.css', 'text/css; charset=utf-8', new URL('../../render/assets/', import.meta.url));
  const bundleDir = [new URL('../../admin-assets/', import.meta.url), new URL('../../../dist/admin-assets/', import.meta.url)]
    .find((dir) => existsSync(new URL('manifest.json', dir)));
  const all = [stylesheet];
  let editorScript: string | null = null;
  if (bundleDir) {
    const manifest = JSON.parse(readFileSync(new URL('manifest.json', bundleDir), 'utf8')) as { editor?: string };
    if (manifest.editor && existsSync(new URL(manifest.editor, bundleDir))) {
      const editor = loadAsset(manifest.editor, 'text/javascript; charset=utf-8', bundleDir);
      all.push(editor);
      editorScript = editor.path;
    }
  }
  return { urls: { stylesheet: stylesheet.path, editorScript }, all };
}
