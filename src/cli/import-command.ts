import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { loadNinjsMappingFile } from '../config/ninjs-mapping-file.js';
import { isAppError } from '../domain/errors.js';
import type { SubjectMapping } from '../ingest/ninjs/map-subjects-to-terms.js';
import { isDirectory, listImportFiles, readImportFile } from '../ingest/read-import-file.js';
import { readDocument, type ReadDocument } from '../ingest/read-document.js';
import { createDateline, type Dateline } from '../main.js';
import { articlePath } from '../render/paths.js';
import { createProgress } from './progress.js';
import { isWxrFile } from '../ingest/wxr/detect-wxr.js';
import { importWxrFile } from './import-wxr.js';
import { keepImportHeapSmall } from './import-heap.js';
import { isGhostExportFile } from '../ingest/ghost/detect-ghost.js';
import { importGhostFile } from './import-ghost.js';

const isUrl = (target: string) => /^https?:\/\//i.test(target);

/** Reads one FILE or URL into drafts. */
async function read(dateline: Dateline, target: string, taxonomyLabels: string[], ninjsMapping: SubjectMapping[] | undefined): Promise<ReadDocument> {
  if (isUrl(target)) {
    const outcome = await dateline.services.fetcher.fetch(target, { accept: 'any' });
    if (outcome.status !== 'ok') throw new Error(`${target} answered "not modified" to a request that asked for no cache`);
    const { resource } = outcome;
    return readDocument({ bytes: resource.body, name: target, url: resource.url, contentType: resource.contentType, charset: resource.charset, taxonomyLabels, ninjsMapping });
  }
  return readDocument({ bytes: await readImportFile(target), name: target, taxonomyLabels, ninjsMapping });
}

function parseBatch(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('give a whole number of items from 1 to 100000');
  return n;
}

function describe(error: unknown, target: string): string {
  const message = isAppError(error) ? error.message : `import failed: ${(error as Error).message}`;
  return message.startsWith(target) ? message : `${target}: ${message}`;
}

/** `dateline import FILE|URL|DIR…`: pages (text, Markdown, HTML), feeds and IPTC ninjs. */
export function registerImportCommand(program: Command): void {
  program.command('import')
    .description('import articles from files, folders or URLs: pages saved as text, Markdown or HTML, RSS/Atom/JSON feeds, IPTC ninjs; prints the public path of each article stored')
    .argument('<targets...>', 'files, folders (read recursively) or http(s) URLs')
    .option('--dry-run', 'read and report without writing anything')
    .option('--inbox', 'send the articles to the editorial inbox instead of publishing them')
    .option('--mapping <file>', 'WordPress and Ghost exports: JSON mapping of taxonomies, terms, authors and post types (start from --print-mapping)')
    .option('--print-mapping', 'WordPress and Ghost exports: print the default mapping for the file and import nothing')
    .option('--batch <items>', 'WordPress and Ghost exports: items written per transaction (default 500); a killed import resumes after the last whole batch', parseBatch)
    .option('--source-url <url>', 'Ghost exports: the old site\'s address, for images Ghost exported as relative paths')
    .option('--download-media', 'WordPress and Ghost exports: copy attachments, feature images and images in articles into the media library (public addresses only); what cannot be fetched stays a link and is listed')
    .option('--retry-media', 'with --download-media: try again the media an earlier run kept as links')
    .action(async (targets: string[], options: { dryRun?: boolean; inbox?: boolean; mapping?: string; printMapping?: boolean; sourceUrl?: string; downloadMedia?: boolean; retryMedia?: boolean; batch?: number }) => {
      const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
      keepImportHeapSmall(config);
      const dateline = await createDateline(config);
      const counts = { imported: 0, duplicates: 0, failed: 0 };
      try {
        await dateline.prepare({ demoContent: false });
        const index = await dateline.services.taxonomies.index();
        const taxonomyLabels = index.taxonomies.flatMap((t) => [t.name, t.pluralName]);
        const ninjsMapping = dateline.config.ninjsMappingFile ? loadNinjsMappingFile(dateline.config.ninjsMappingFile) : undefined;
        const media = { downloadMedia: options.downloadMedia ?? false, retryMedia: options.retryMedia ?? false };
        const expanded: string[] = [];
        for (const target of targets) {
          if (!isUrl(target) && (await isDirectory(target))) expanded.push(...(await listImportFiles(target)));
          else if (!isUrl(target) && (await isWxrFile(target))) {
            // A whole site: streamed, checkpointed and resumable, never read into memory at once.
            const report = await importWxrFile(dateline, target, {
              ...(options.mapping ? { mappingFile: options.mapping } : {}), ...(options.batch ? { batchSize: options.batch } : {}),
              printMapping: options.printMapping ?? false, dryRun: options.dryRun ?? false, ...media,
            });
            if (report && (report.counts.failed > 0 || report.fatal)) counts.failed++;
          } else if (!isUrl(target) && (await isGhostExportFile(target))) {
            const report = await importGhostFile(dateline, target, {
              ...(options.mapping ? { mappingFile: options.mapping } : {}), ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
              ...(options.batch ? { batchSize: options.batch } : {}), printMapping: options.printMapping ?? false, ...media,
            });
            if (report && (report.counts.failed > 0 || report.fatal)) counts.failed++;
          } else expanded.push(target);
        }
        const progress = createProgress(expanded.length, 'documents');
        for (const target of expanded) {
          let document: ReadDocument;
          try {
            document = await read(dateline, target, taxonomyLabels, ninjsMapping);
          } catch (error) {
            counts.failed++;
            console.error(describe(error, target));
            progress.tick(target);
            continue;
          }
          for (const problem of document.problems) console.error(`${target}: ${problem}`);
          if (options.dryRun) {
            for (const r of document.removed) console.error(`${target}: left out [${r.reason}]: ${r.text.replace(/\s+/g, ' ').slice(0, 100)}`);
          }
          for (const draft of document.drafts) {
            try {
              const outcome = await dateline.services.importer.importDraft(draft, { dryRun: options.dryRun ?? false, publish: !options.inbox, origin: 'import' });
              for (const warning of outcome.warnings) console.error(`${target}: warning: ${warning}`);
              if (outcome.status === 'already-imported') {
                counts.duplicates++;
                console.error(`${target}: "${draft.title}" is already imported${outcome.duplicateOf === 'same-body' ? ' (the same text under another headline)' : ''}`);
              } else if (outcome.status === 'would-import') {
                console.error(`${target}: would import "${draft.title}" (${document.kind})`);
              } else {
                counts.imported++;
                for (const d of outcome.cluster?.nearDuplicates ?? []) console.error(`${target}: "${draft.title}" tells the same story as "${d.title}"${d.source ? ` from ${d.source}` : ''}`);
              }
              if (outcome.article) console.log(options.inbox && outcome.status === 'imported' ? `inbox: ${outcome.article.slug}` : articlePath(outcome.article));
            } catch (error) {
              counts.failed++;
              console.error(describe(error, `${target} ("${draft.title.slice(0, 60)}")`));
            }
          }
          progress.tick(target);
        }
        progress.stop();
        if (expanded.length > 1 || counts.failed > 0) {
          console.error(`${counts.imported} imported, ${counts.duplicates} already there, ${counts.failed} failed`);
        }
      } finally {
        await dateline.stop();
      }
      if (counts.failed > 0) process.exitCode = 65;
    });
}
