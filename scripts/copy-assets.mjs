// Copies non-TypeScript files that the compiled code reads at run time into dist/.
import { cpSync } from 'node:fs';
cpSync(new URL('../src/render/assets/', import.meta.url), new URL('../dist/render/assets/', import.meta.url), { recursive: true });
await import('./build-admin-assets.mjs');
