// Bundles the back office's browser code (TipTap editor) with esbuild into dist/admin-assets/.
// The server serves it under a name carrying its content hash, with a year-long cache.
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/admin-assets/', import.meta.url);
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [new URL('../client/admin/editor.ts', import.meta.url).pathname],
  outfile: new URL('editor.js', outdir).pathname,
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
writeFileSync(new URL('manifest.json', outdir), `${JSON.stringify({ editor: 'editor.js' })}\n`);
