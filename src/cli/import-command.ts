import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { isAppError } from '../domain/errors.js';
import { readImportFile } from '../ingest/read-import-file.js';
import { flattenedToDraft } from '../ingest/text/flattened-to-draft.js';
import { FlattenedArticleError, parseFlattenedArticle } from '../ingest/text/parse-flattened-article.js';
import { createDateline } from '../main.js';
import { articlePath } from '../render/paths.js';
import { AppError } from '../domain/errors.js';

/** `dateline import FILE…`: import article pages flattened to text or Markdown. */
export function registerImportCommand(program: Command): void {
  program.command('import')
    .description('import article pages saved as text or Markdown; prints the public path of each article stored')
    .argument('<files...>', 'text (.txt) or Markdown (.md) files, one article each')
    .option('--dry-run', 'parse and report without writing anything')
    .action(async (files: string[], options: { dryRun?: boolean }) => {
      const dateline = await createDateline(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
      let failures = 0;
      try {
        await dateline.prepare({ demoContent: false });
        const index = await dateline.services.taxonomies.index();
        const taxonomyLabels = index.taxonomies.flatMap((t) => [t.name, t.pluralName]);
        for (const file of files) {
          try {
            const text = await readImportFile(file);
            let page;
            try {
              page = parseFlattenedArticle(text, { taxonomyLabels });
            } catch (error) {
              if (error instanceof FlattenedArticleError) throw new AppError('IMPORT_UNPARSEABLE', `${file}: ${error.message}`, { cause: error });
              throw error;
            }
            const outcome = await dateline.services.importer.importDraft(flattenedToDraft(page), { dryRun: options.dryRun ?? false });
            for (const warning of outcome.warnings) console.error(`${file}: warning: ${warning}`);
            if (options.dryRun) {
              console.error(`${file}: would import "${page.title}" (${page.bodyParagraphs.length} paragraphs; left out ${page.removed.length} furniture lines)`);
              for (const r of page.removed) console.error(`  left out [${r.reason}]: ${r.text.slice(0, 100)}`);
            } else if (outcome.status === 'already-imported') {
              console.error(`${file}: already imported`);
            }
            if (outcome.article) console.log(articlePath(outcome.article));
          } catch (error) {
            failures++;
            console.error(isAppError(error) ? `${error.message.startsWith(file) ? '' : `${file}: `}${error.message}` : `${file}: import failed: ${(error as Error).message}`);
          }
        }
      } finally {
        await dateline.stop();
      }
      if (failures > 0) process.exitCode = 65;
    });
}
