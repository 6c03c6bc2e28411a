import type { Command } from 'commander';
import { withDateline as run } from './with-dateline.js';
import type { Dateline } from '../main.js';

const withDateline = (work: (d: Dateline) => Promise<void>) => run(work, { prepare: true });

/** `dateline feeds …`: subscribe to partner and wire feeds and poll them into the inbox. */
export function registerFeedsCommand(program: Command): void {
  const feeds = program.command('feeds').description('subscribe to RSS, Atom and JSON feeds; new items land in the editorial inbox');

  feeds.command('add').description('subscribe to a feed').argument('<url>')
    .option('--source <name>', 'the source (wire service or partner) whose licence terms apply to its items')
    .option('--auto-publish', 'publish new items at once instead of sending them to the inbox')
    .option('--interval <seconds>', 'how often to poll (at least 60)', '900')
    .action((url: string, o: { source?: string; autoPublish?: boolean; interval: string }) => withDateline(async (d) => {
      const feed = await d.services.feeds.add({ url, sourceName: o.source ?? null, autoPublish: o.autoPublish ?? false, pollIntervalSeconds: Number(o.interval) });
      console.log(`${feed.id} ${feed.url}`);
    }));

  feeds.command('list').description('list subscriptions with their state')
    .action(() => withDateline(async (d) => {
      for (const f of await d.services.feeds.list()) {
        const state = f.lastError ? `failing (${f.errorCount}×): ${f.lastError}` : f.lastPolledAt ? `ok, polled ${f.lastPolledAt}` : 'not polled yet';
        console.log(`${f.id}  ${f.url}  ${f.title ?? ''}  ${f.autoPublish ? 'auto-publish' : 'inbox'}  every ${f.pollIntervalSeconds}s  next ${f.nextPollAt}  ${state}`);
      }
    }));

  feeds.command('poll').description('poll one feed now, or every feed that is due').argument('[feed]', 'feed id or URL; all due feeds when left out')
    .option('--all', 'poll every feed now, due or not')
    .action((target: string | undefined, o: { all?: boolean }) => withDateline(async (d) => {
      const reports = target ? [await d.services.feeds.poll(target)]
        : o.all ? await Promise.all((await d.services.feeds.list()).map((f) => d.services.feeds.poll(f.id)))
        : await d.services.feeds.pollDue(1000);
      let failed = false;
      for (const r of reports) {
        console.log(`${r.feed.url}: ${r.status}${r.error ? ` — ${r.error}` : ''}; ${r.stored} new, ${r.duplicates} duplicates, ${r.skipped} seen before`);
        for (const p of r.problems) console.error(`  ${p}`);
        failed ||= r.status === 'failed';
      }
      if (failed) process.exitCode = 69;
    }));

  feeds.command('remove').description('unsubscribe (articles already stored stay)').argument('<feed>', 'feed id or URL')
    .action((target: string) => withDateline(async (d) => {
      const feed = await d.services.feeds.remove(target);
      console.log(`removed ${feed.url}`);
    }));
}
