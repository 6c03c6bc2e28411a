// Lint: TypeScript rules plus the layer boundaries of docs/architecture.md. Each boundary
// message says why, so whoever trips it knows what to do instead.
import tseslint from 'typescript-eslint';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const outer = (names, message) => ({ group: names.map((n) => `**/${n}/**`).concat(names.map((n) => `../${n}/*`)), message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  layer(['src/domain/**/*.ts'], [
    outer(['app', 'storage', 'search', 'ingest', 'render', 'http', 'cli', 'config', 'demo'], 'domain/ is the pure centre: it imports nothing of ours outside domain/.'),
    { group: ['node:*', 'fs', 'path', 'http', 'kysely', 'fastify', 'pg', 'better-sqlite3'], message: 'domain/ does no I/O: take data in, return data out.' },
  ]),
  // Tests beside domain code need node:test and node:assert; that is not I/O in the code under test.
  layer(['src/domain/**/*.test.ts'], [
    outer(['app', 'storage', 'search', 'ingest', 'render', 'http', 'cli', 'config', 'demo'], 'domain/ is the pure centre: it imports nothing of ours outside domain/.'),
  ]),
  layer(['src/sanitize/**/*.ts'], [
    outer(['app', 'storage', 'search', 'ingest', 'render', 'http', 'cli', 'config'], 'sanitize/ is a leaf shared by render/ and ingest/: it imports nothing of ours.'),
  ]),
  layer(['src/app/**/*.ts'], [
    outer(['storage', 'search', 'ingest', 'render', 'http', 'cli', 'config'], 'app/ declares ports; adapters implement them and main.ts wires them. Depend on the port, not the adapter.'),
    { group: ['kysely', 'fastify', 'pg', 'better-sqlite3'], message: 'app/ talks to the database and the web only through ports.' },
  ]),
  layer(['src/render/**/*.ts'], [
    outer(['storage', 'search', 'ingest', 'http', 'cli', 'config'], 'render/ turns view data into bytes; it never touches the database or the web framework.'),
  ]),
  layer(['src/storage/**/*.ts', 'src/search/**/*.ts'], [
    outer(['http', 'render', 'cli', 'ingest', 'config'], 'storage/ is an adapter of app/ ports; it knows nothing of the web, rendering or the CLI.'),
  ]),
  layer(['src/auth/**/*.ts', 'src/mail/**/*.ts'], [
    outer(['storage', 'search', 'ingest', 'http', 'render', 'cli'], 'auth/ and mail/ are adapters of app/ ports; they depend only inward.'),
  ]),
  layer(['src/media/**/*.ts'], [
    outer(['storage', 'search', 'ingest', 'http', 'render', 'cli'], 'media/ holds adapters of app/ media ports (image processing, file stores); they depend only inward.'),
  ]),
  layer(['src/ingest/**/*.ts'], [
    outer(['storage', 'search', 'http', 'render', 'cli'], 'ingest/ turns outside bytes into drafts for app/; it does not store or render.'),
  ]),
  layer(['src/http/**/*.ts'], [
    outer(['storage', 'search', 'cli'], 'http/ calls app/ and render/; storage is reached only through app/ (see main.ts for wiring).'),
  ]),
  layer(['src/intelligence/**/*.ts'], [
    outer(['app', 'storage', 'search', 'ingest', 'render', 'http', 'cli', 'config', 'demo'], 'intelligence/ is pure text analysis: it imports only domain/; app/ stores and wires its results.'),
    { group: ['node:*', 'fs', 'path', 'http', 'kysely', 'fastify', 'pg', 'better-sqlite3'], message: 'intelligence/ does no I/O: take text in, return results out.' },
  ]),
  layer(['src/intelligence/**/*.test.ts'], [
    outer(['app', 'storage', 'search', 'ingest', 'render', 'http', 'cli', 'config', 'demo'], 'intelligence/ is pure text analysis: it imports only domain/; app/ stores and wires its results.'),
  ]),
  layer(['src/cli/**/*.ts'], [
    outer(['storage', 'search', 'http'], 'cli/ calls app/ through main.ts; it never opens the database itself.'),
  ]),
  layer(['src/intelligence/**/*.ts'], [
    outer(['app', 'storage', 'search', 'ingest', 'render', 'http', 'cli', 'config', 'demo', 'auth', 'mail'], 'intelligence/ reads article text and returns suggestions; it imports only domain/, and app/, cli/ and ingest/ call it.'),
  ]),
);
