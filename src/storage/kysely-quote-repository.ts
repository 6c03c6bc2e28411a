import type { Kysely } from 'kysely';
import type { QuoteRepository } from '../app/ports.js';
import type { ArticleId, Instant, Slug } from '../domain/ids.js';
import type { PersonId, QuotedPerson, StoredQuote } from '../domain/quote.js';
import type { Database, PersonTable, QuoteTable } from './schema.js';

const toPerson = (r: PersonTable): QuotedPerson => ({ id: r.id as PersonId, name: r.name, slug: r.slug as Slug, createdAt: r.created_at as Instant });
const toQuote = (r: QuoteTable): StoredQuote => ({
  id: r.id, articleId: r.article_id as ArticleId, personId: r.person_id as PersonId | null, speakerName: r.speaker_name,
  anonymous: Number(r.anonymous) === 1, text: r.text, kind: r.kind as StoredQuote['kind'], position: Number(r.position),
});

/** People and quotes over Kysely. */
export class KyselyQuoteRepository implements QuoteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async ensurePerson(person: QuotedPerson): Promise<QuotedPerson> {
    // Two articles naming the same new person at once: the loser of the race reads the winner's row.
    await this.db.insertInto('people')
      .values({ id: person.id, name: person.name, slug: person.slug, created_at: person.createdAt })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
    return (await this.getPersonBySlug(person.slug))!;
  }

  async getPersonBySlug(slug: Slug): Promise<QuotedPerson | null> {
    const r = await this.db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
    return r ? toPerson(r) : null;
  }

  async replaceForArticle(articleId: ArticleId, quotes: readonly StoredQuote[]): Promise<void> {
    await this.db.deleteFrom('quotes').where('article_id', '=', articleId).execute();
    if (quotes.length === 0) return;
    await this.db.insertInto('quotes').values(quotes.map((q) => ({
      id: q.id, article_id: articleId, person_id: q.personId, speaker_name: q.speakerName, anonymous: q.anonymous ? 1 : 0,
      text: q.text, kind: q.kind, position: q.position,
    }))).execute();
  }

  async listForArticle(articleId: ArticleId): Promise<StoredQuote[]> {
    return (await this.db.selectFrom('quotes').selectAll().where('article_id', '=', articleId).orderBy('position').execute()).map(toQuote);
  }

  async listForPerson(personId: PersonId, page: { offset: number; limit: number }): Promise<StoredQuote[]> {
    const rows = await this.db.selectFrom('quotes')
      .innerJoin('articles', 'articles.id', 'quotes.article_id')
      .selectAll('quotes')
      .where('quotes.person_id', '=', personId)
      .orderBy('articles.published_at', 'desc').orderBy('quotes.article_id').orderBy('quotes.position')
      .offset(page.offset).limit(page.limit)
      .execute();
    return rows.map(toQuote);
  }
}
