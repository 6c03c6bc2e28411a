import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { AppError } from '../domain/errors.js';
import { decodeHtmlBytes } from '../ingest/decode/decode-html-bytes.js';
import { ExtractionError, extractArticle } from '../ingest/extract/extract-article.js';
import { readImportFile } from '../ingest/read-import-file.js';
import { createDateline } from '../main.js';

/** `dateline extract FILE|URL`: show what the extractor finds in a page, without storing anything. */
export function registerExtractCommand(program: Command): void {
  program.command('extract')
    .description('print the article extracted from an HTML page (file or URL) without storing it')
    .argument('<target>', 'an HTML file or an http(s) URL')
    .option('--format <format>', 'text or json', 'text')
    .action(async (target: string, options: { format: string }) => {
      let bytes: Buffer;
      let url: string | null = null;
      let contentType: string | null = null;
      let charset: string | null = null;
      if (/^https?:\/\//i.test(target)) {
        const dateline = await createDateline(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
        try {
          const outcome = await dateline.services.fetcher.fetch(target, { accept: 'html' });
          if (outcome.status !== 'ok') throw new AppError('FETCH_FAILED', `${target} sent no page.`);
          ({ body: bytes, url, contentType, charset } = outcome.resource);
        } finally {
          await dateline.stop();
        }
      } else {
        bytes = await readImportFile(target);
      }
      const { text, encoding } = decodeHtmlBytes(bytes, { contentType, charset });
      let page;
      try {
        page = extractArticle(text, { url });
      } catch (error) {
        if (error instanceof ExtractionError) throw new AppError('NO_ARTICLE_FOUND', `${target}: ${error.message}`, { cause: error });
        throw error;
      }
      const result = {
        title: page.title, authors: page.authors, published: page.published, modified: page.modified, language: page.language,
        site_name: page.siteName, dateline: page.dateline, source: page.source, original_url: page.originalUrl, copyright: page.copyright,
        lead_image: page.leadImage, excerpt: page.excerpt, encoding, body_html: page.bodyHtml, body_text: page.bodyText, removed: page.removed,
      };
      if (options.format === 'json') {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      for (const [key, value] of Object.entries(result)) {
        if (key === 'body_html' || key === 'removed') continue;
        if (key === 'body_text') console.log(`\n${value as string}`);
        else console.log(`${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value ? JSON.stringify(value) : (value ?? '—')}`);
      }
      if (page.removed.length) console.log(`\nleft out ${page.removed.length} blocks of page furniture`);
    });
}
