import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import type { ArticleId } from '../domain/ids.js';
import { readDocument } from '../ingest/read-document.js';
import { readImportFile } from '../ingest/read-import-file.js';
import type { ArticleAnalysis } from '../app/article-analysis.js';
import { withDateline } from './with-dateline.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function describe(a: ArticleAnalysis): string {
  const list = (items: string[]) => (items.length ? items.join(', ') : '—');
  return [
    `countries:     ${list(a.countries.map((c) => `${c.code} ${c.score}${c.main ? '' : ' (passing)'}`))}`,
    `regions:       ${list(a.regions.map((r) => `${r.name} ${r.score}`))}`,
    `themes:        ${list(a.themes.slice(0, 5).map((t) => `${t.name} ${t.score}${t.autoApply ? ' (auto)' : ''}`))}`,
    `people:        ${list(a.people.map((p) => p.name))}`,
    `organisations: ${list(a.organisations.map((o) => o.name))}`,
    `quotes:`,
    ...a.quotes.map((q) => `  ${q.speaker}${q.anonymous ? ' (unnamed)' : ''}: “${q.text.length > 100 ? `${q.text.slice(0, 99)}…` : q.text}”`),
    `duplicates:    ${list(a.duplicates.map((d) => `"${d.title}"${d.source ? ` from ${d.source}` : ''} (${d.jaccard})`))}`,
  ].join('\n');
}

/** `dateline analyze FILE|ARTICLE-ID`: places, regions, themes, people, quotes and duplicates, computed locally. */
export function registerAnalyzeCommand(program: Command): void {
  program.command('analyze')
    .description('suggest regions and themes, and find countries, people, organisations, quotes and wire duplicates in a file or a stored article')
    .argument('<target>', 'a file (text, Markdown, HTML, feed, ninjs: its first article) or an article id')
    .option('--format <format>', 'text or json', 'text')
    .action((target: string, options: { format: string }) => withDateline(async (d) => {
      if (!['text', 'json'].includes(options.format)) throw new AppError('INVALID_INPUT', `--format must be text or json, not "${options.format}".`);
      const { analysis } = d.services;
      let result: ArticleAnalysis;
      if (UUID.test(target)) result = await analysis.analyseArticle(target as ArticleId);
      else {
        const index = await d.services.taxonomies.index();
        const document = readDocument({ bytes: await readImportFile(target), name: target, taxonomyLabels: index.taxonomies.flatMap((t) => [t.name, t.pluralName]) });
        const draft = document.drafts[0];
        if (!draft) throw new AppError('NO_ARTICLE_FOUND', `${target}: no article found in the file.`);
        result = await analysis.analyseDraft(draft);
      }
      console.log(options.format === 'json' ? JSON.stringify(result, null, 2) : describe(result));
    }, { prepare: true }));
}
