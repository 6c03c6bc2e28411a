import type { Command } from 'commander';
import { withDateline } from './with-dateline.js';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** `dateline search …`: rebuild the search index from the articles, or merge its fragments now. */
export function registerSearchCommand(program: Command): void {
  const search = program.command('search').description('maintain the search index');

  search.command('rebuild')
    .description('index every article afresh and drop entries of deleted ones (in one transaction: searches see the old index until it is done)')
    .action(() => withDateline(async (d) => {
      const started = performance.now();
      const count = await d.store.search.rebuild();
      console.log(`Indexed ${count} articles in ${seconds(started)} s.`);
    }));

  search.command('compact')
    .description('merge the index\'s fragments now; the server does it in the background once writes have left many (SQLite; nothing to do on PostgreSQL)')
    .option('--all', 'merge every fragmented table, not only those with many fragments')
    .action((options: { all?: boolean }) => withDateline(async (d) => {
      const started = performance.now();
      const done = await d.store.search.compact(options.all ? { fromSegments: 2 } : {});
      console.log(done.steps > 0
        ? `Merged ${done.segmentsBefore} segments into ${done.segmentsAfter} in ${seconds(started)} s.`
        : `Nothing to merge: ${done.segmentsBefore} segments${options.all ? '' : ' (too few to be worth it; --all merges them anyway)'}.`);
    }));
}
