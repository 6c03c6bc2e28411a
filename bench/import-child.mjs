/**
 * The import half of `npm run bench:import`, in a process of its own so its peak memory is the
 * import's alone (not the generator's): imports FILE into a fresh database and prints one JSON
 * line with the counts, wall and CPU seconds and the process's peak RSS (getrusage: worker
 * threads and every spike count, not just what a sampler happened to see). It loads the built
 * code (dist/, what `dateline import` runs), or the sources with --from-source (under tsx, whose
 * loader threads then add to the memory).
 * Usage: import-child.mjs FILE DATA_DIR [--database URL --schema NAME] [--batch N] [--from-source]
 */
const [file, dataDir, ...rest] = process.argv.slice(2);
const value = (name) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
const databaseUrl = value('--database');
const schema = value('--schema');
const batch = value('--batch');
if (!file || !dataDir) throw new Error('usage: import-child.mjs FILE DATA_DIR [--database URL --schema NAME] [--batch N] [--from-source]');
const root = new URL(rest.includes('--from-source') ? '../src/' : '../dist/', import.meta.url);

const { loadConfig } = await import(new URL('config/config.js', root).href);
const { keepImportHeapSmall } = await import(new URL('cli/import-heap.js', root).href);
const { createDateline } = await import(new URL('main.js', root).href);
const { importWxrFile } = await import(new URL('cli/import-wxr.js', root).href);

const config = loadConfig({
  DATA_DIR: dataDir, DEMO_CONTENT: '0', LOG_LEVEL: 'silent', SITE_URL: 'https://news.example.org',
  ...(process.env.IMPORT_HEAP_GROWTH ? { IMPORT_HEAP_GROWTH: process.env.IMPORT_HEAP_GROWTH } : {}),
  ...(databaseUrl && schema ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {}),
});
keepImportHeapSmall(config); // as `dateline import` does before it opens the site
const dateline = await createDateline(config);
try {
  await dateline.prepare({ demoContent: false });
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const report = await importWxrFile(dateline, file, { quiet: true, ...(batch ? { batchSize: Number(batch) } : {}) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(JSON.stringify({
    articles: report?.counts.articles ?? 0, comments: report?.counts.comments ?? 0, failed: report?.counts.failed ?? 0,
    seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024,
  }));
} finally {
  await dateline.stop();
}
