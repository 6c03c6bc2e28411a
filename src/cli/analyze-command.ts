import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import type { ArticleId } from '../domain/ids.js';
import { readDocument } from '../ingest/read-document.js';
import { readImportFile } from '../ingest/read-import-file.js';
import type { ArticleAnalysis } from '../app/article-analysis.js';
import type { Dateline } from '../main.js';
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
    .description('suggest regions and themes, and find countries, people, organisations, quotes and wire duplicates in a file or a stored article; --pending analyses the queued articles')
    .argument('[target]', 'a file (text, Markdown, HTML, feed, ninjs: its first article) or an article id')
    .option('--format <format>', 'text or json', 'text')
    .option('--pending', 'analyse every article waiting in the analysis queue (the server does this in the background), then exit')
    .option('--retry-failed', 'with --pending: put the articles whose analysis failed too often back in the queue first')
    .action((target: string | undefined, options: { format: string; pending?: boolean; retryFailed?: boolean }) => withDateline(async (d) => {
      if (!['text', 'json'].includes(options.format)) throw new AppError('INVALID_INPUT', `--format must be text or json, not "${options.format}".`);
      if (options.pending) return drainPending(d, options);
      if (!target) throw new AppError('INVALID_INPUT', 'Name a file or an article id to analyse, or pass --pending.');
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

async function drainPending(d: Dateline, options: { format: string; retryFailed?: boolean }): Promise<void> {
  const retried = options.retryFailed ? await d.store.analysisQueue.retryFailed(d.clock.now()) : 0;
  const report = await d.services.analysisWorker.drain();
  const left = await d.store.analysisQueue.counts();
  const summary = { analysed: report.analysed.length, retried, superseded: report.superseded, failed: report.failed, waiting: left.waiting, givenUp: left.failed };
  if (options.format === 'json') console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(`Analysed ${summary.analysed} article(s)${retried ? ` (${retried} failed one(s) retried)` : ''}; ${left.waiting} waiting, ${left.failed} given up.`);
    for (const f of report.failed) console.log(`  ${f.articleId}: ${f.error}${f.givenUp ? ' (given up; --retry-failed to try again)' : ''}`);
  }
  if (report.failed.length) throw new AppError('ANALYSIS_FAILED', `${report.failed.length} article(s) could not be analysed; see above.`);
}
