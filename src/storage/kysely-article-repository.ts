import type { Kysely } from 'kysely';
import type { Article, InboxState } from '../domain/article.js';
import type { ArticleId, AuthorId, Instant, Slug, TermId } from '../domain/ids.js';
import type { ArticleFilter, ArticleOrder, ArticleRepository, ArticleSearchText } from '../app/ports.js';
import { searchDocumentOf, searchTextOf } from '../search/search-document.js';
import type { ArticleSearchWriter } from '../search/kysely-search-index.js';
import { articleToRow, rowToArticle } from './article-rows.js';
import { insertObjects } from './multi-row-insert.js';
import type { Database } from './schema.js';

/** Articles per multi-row INSERT: 27 columns each, under SQLite's 32,766 bound parameters. */
const ARTICLE_CHUNK = 500;
/** Link rows per INSERT (3 columns each). */
const LINK_CHUNK = 2000;

/** Articles over Kysely; the same code serves SQLite and PostgreSQL. */
export class KyselyArticleRepository implements ArticleRepository {
  /** `search` gets every write with this repository's executor, so the index changes in the same transaction. */
  constructor(private readonly db: Kysely<Database>, private readonly search: ArticleSearchWriter | null = null) {}

  async insert(article: Article): Promise<void> {
    await this.db.insertInto('articles').values(articleToRow(article)).execute();
    await this.writeLinks(article);
    await this.search?.write(this.db, article);
  }

  async insertMany(entries: readonly { article: Article; search?: ArticleSearchText }[]): Promise<void> {
    const db = this.db as Kysely<unknown>;
    await insertObjects(db, 'articles', entries.map((e) => articleToRow(e.article)), { chunk: ARTICLE_CHUNK });
    await insertObjects(db, 'article_authors', entries.flatMap(({ article: a }) => a.authorIds.map((authorId, position) => ({ article_id: a.id, author_id: authorId, position }))), { chunk: LINK_CHUNK });
    await insertObjects(db, 'article_terms', entries.flatMap(({ article: a }) => a.termIds.map((termId, position) => ({ article_id: a.id, term_id: termId, position }))), { chunk: LINK_CHUNK });
    await this.search?.writeMany(this.db, entries.map((e) => ({ article: e.article, text: e.search ?? searchTextOf(searchDocumentOf(e.article)) })));
  }

  async update(article: Article): Promise<void> {
    const { id, ...row } = articleToRow(article);
    await this.db.updateTable('articles').set(row).where('id', '=', id).execute();
    await this.db.deleteFrom('article_authors').where('article_id', '=', id).execute();
    await this.db.deleteFrom('article_terms').where('article_id', '=', id).execute();
    await this.writeLinks(article);
    await this.search?.write(this.db, article);
  }

  async delete(id: ArticleId): Promise<void> {
    await this.search?.remove(this.db, id);
    await this.db.deleteFrom('article_authors').where('article_id', '=', id).execute();
    await this.db.deleteFrom('article_terms').where('article_id', '=', id).execute();
    await this.db.deleteFrom('articles').where('id', '=', id).execute();
  }

  async getById(id: ArticleId): Promise<Article | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.hydrate([row]))[0]! : null;
  }

  async getBySlug(slug: Slug): Promise<Article | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? (await this.hydrate([row]))[0]! : null;
  }

  async listVisible(filter: ArticleFilter, page: { offset: number; limit: number; order?: ArticleOrder }): Promise<Article[]> {
    const order = page.order ?? { field: 'published_at', direction: 'desc' };
    const rows = await this.visible(filter)
      .selectAll('articles')
      .orderBy(`articles.${order.field}`, order.direction)
      .orderBy('articles.id', order.direction)
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return this.hydrate(rows);
  }

  async countVisible(filter: ArticleFilter): Promise<number> {
    const row = await this.visible(filter).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async slugsStartingWith(prefix: string): Promise<Slug[]> {
    // Slugs hold only letters, digits and hyphens, so the prefix carries no LIKE wildcards.
    const rows = await this.db.selectFrom('articles').select('slug').where('slug', 'like', `${prefix}%`).execute();
    return rows.map((r) => r.slug as Slug);
  }

  async findDueScheduled(now: Instant): Promise<Article[]> {
    const rows = await this.db.selectFrom('articles').selectAll()
      .where('status', '=', 'scheduled').where('published_at', '<=', now).orderBy('published_at').execute();
    return this.hydrate(rows);
  }

  async latestUpdate(): Promise<Instant | null> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.max('updated_at').as('latest'))
      .where('status', '=', 'published').executeTakeFirst();
    return (row?.latest as Instant | null | undefined) ?? null;
  }

  async findByContentHash(hash: string): Promise<Article | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('content_hash', '=', hash).orderBy('created_at').executeTakeFirst();
    return row ? (await this.hydrate([row]))[0]! : null;
  }

  async findByOriginalUrl(url: string): Promise<Article | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('original_url', '=', url).orderBy('created_at').executeTakeFirst();
    return row ? (await this.hydrate([row]))[0]! : null;
  }

  async listInbox(state: InboxState, page: { offset: number; limit: number }): Promise<Article[]> {
    const rows = await this.db.selectFrom('articles').selectAll().where('inbox_state', '=', state)
      .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
    return this.hydrate(rows);
  }

  async countInbox(state: InboxState): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<string | number>().as('n')).where('inbox_state', '=', state).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The base query for visible articles; term and author filters use EXISTS so an article is never listed twice. */
  private visible(filter: ArticleFilter) {
    let query = this.db.selectFrom('articles')
      .where('articles.status', '=', 'published')
      .where('articles.published_at', '<=', filter.now);
    if (filter.sourceId) query = query.where('articles.source_id', '=', filter.sourceId);
    if (filter.ids) query = query.where('articles.id', 'in', filter.ids.length ? [...filter.ids] : ['']);
    if (filter.slugs) query = query.where('articles.slug', 'in', filter.slugs.length ? [...filter.slugs] : ['']);
    if (filter.publishedAfter) query = query.where('articles.published_at', '>', filter.publishedAfter);
    if (filter.publishedBefore) query = query.where('articles.published_at', '<', filter.publishedBefore);
    for (const group of filter.termGroups ?? []) {
      const ids = group.length ? [...group] : [''];
      query = query.where((eb) => eb.exists(eb.selectFrom('article_terms').select('article_terms.article_id')
        .whereRef('article_terms.article_id', '=', 'articles.id').where('article_terms.term_id', 'in', ids)));
    }
    if (filter.excludeTermIds?.length) {
      const ids = [...filter.excludeTermIds];
      query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('article_terms').select('article_terms.article_id')
        .whereRef('article_terms.article_id', '=', 'articles.id').where('article_terms.term_id', 'in', ids))));
    }
    if (filter.authorIds) {
      const authorIds = filter.authorIds.length ? [...filter.authorIds] : [''];
      query = query.where((eb) => eb.exists(eb.selectFrom('article_authors').select('article_authors.article_id')
        .whereRef('article_authors.article_id', '=', 'articles.id').where('article_authors.author_id', 'in', authorIds)));
    }
    if (filter.authorId) {
      const authorId = filter.authorId;
      query = query.where((eb) => eb.exists(eb.selectFrom('article_authors').select('article_authors.article_id')
        .whereRef('article_authors.article_id', '=', 'articles.id').where('article_authors.author_id', '=', authorId)));
    }
    if (filter.termIds) {
      const termIds = [...filter.termIds];
      if (termIds.length === 0) return query.where((eb) => eb.val(1), '=', 0);
      query = query.where((eb) => eb.exists(eb.selectFrom('article_terms').select('article_terms.article_id')
        .whereRef('article_terms.article_id', '=', 'articles.id').where('article_terms.term_id', 'in', termIds)));
    }
    return query;
  }

  private async writeLinks(article: Article): Promise<void> {
    if (article.authorIds.length > 0) {
      await this.db.insertInto('article_authors')
        .values(article.authorIds.map((authorId, position) => ({ article_id: article.id, author_id: authorId, position }))).execute();
    }
    if (article.termIds.length > 0) {
      await this.db.insertInto('article_terms')
        .values(article.termIds.map((termId, position) => ({ article_id: article.id, term_id: termId, position }))).execute();
    }
  }

  private async hydrate(rows: Database['articles'][]): Promise<Article[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [authorLinks, termLinks] = await Promise.all([
      this.db.selectFrom('article_authors').selectAll().where('article_id', 'in', ids).orderBy('position').execute(),
      this.db.selectFrom('article_terms').selectAll().where('article_id', 'in', ids).orderBy('position').execute(),
    ]);
    const authorsOf = groupBy(authorLinks, (l) => l.article_id, (l) => l.author_id as AuthorId);
    const termsOf = groupBy(termLinks, (l) => l.article_id, (l) => l.term_id as TermId);
    return rows.map((r) => rowToArticle(r, authorsOf.get(r.id) ?? [], termsOf.get(r.id) ?? []));
  }
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(value(item));
    else map.set(k, [value(item)]);
  }
  return map;
}
