import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import type { ArticleId, Slug } from '../domain/ids.js';
import { type Dateline } from '../main.js';
import { withDateline } from './with-dateline.js';
import { articlePath } from '../render/paths.js';

async function findItem(d: Dateline, idOrSlug: string) {
  const article = (await d.store.articles.getById(idOrSlug as ArticleId)) ?? (await d.store.articles.getBySlug(idOrSlug as Slug));
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', `There is no article "${idOrSlug}". Run "dateline inbox list".`);
  return article;
}

/** `dateline inbox …`: the ingested items waiting for an editor. */
export function registerInboxCommand(program: Command): void {
  const inbox = program.command('inbox').description('list, publish or reject ingested items waiting for an editor');

  inbox.command('list').description('items waiting, newest first').option('--rejected', 'list rejected items instead')
    .action((o: { rejected?: boolean }) => withDateline(async (d) => {
      const items = await d.services.duplicates.listInbox(o.rejected ? 'rejected' : 'pending', { offset: 0, limit: 500 });
      for (const { article: a, alsoFrom } of items) {
        const s = a.syndication;
        const also = alsoFrom.length ? `  (also from ${alsoFrom.map((x) => x.source).join(', ')})` : '';
        console.log(`${a.slug}  ${a.publishedAt?.slice(0, 10) ?? '—'}  ${a.title}  [${s?.originalPublisher ?? 'unknown source'}${s?.licence ? `; ${s.licence}` : ''}]${also}`);
      }
    }));

  inbox.command('publish').description('publish an inbox item').argument('<item>', 'slug or id')
    .action((item: string) => withDateline(async (d) => {
      const article = await d.services.articles.publishFromInbox((await findItem(d, item)).id);
      console.log(articlePath(article));
    }));

  inbox.command('reject').description('turn an inbox item down; a feed will not bring it back').argument('<item>', 'slug or id')
    .action((item: string) => withDateline(async (d) => {
      await d.services.articles.rejectFromInbox((await findItem(d, item)).id);
    }));
}
