import type { Article } from '../domain/article.js';
import type { ArticleId, IdGenerator, Instant, Slug } from '../domain/ids.js';
import type { PersonId, QuotedPerson, StoredQuote } from '../domain/quote.js';
import { slugify } from '../domain/slug.js';
import { findEntities } from '../intelligence/entities/index.js';
import { findQuotes } from '../intelligence/quotes/index.js';

type FoundQuote = ReturnType<typeof findQuotes>[number];
import type { BodyRenderer } from './body-renderer.js';
import type { ContentEvents } from './content-events.js';
import type { Clock, Store } from './ports.js';

export interface QuoteServiceDeps {
  store: Store;
  clock: Clock;
  newId: IdGenerator;
  bodies: BodyRenderer;
  events: ContentEvents;
}

/** A person's page: their quotes with the visible articles they come from. */
export interface PersonQuotesView {
  person: QuotedPerson;
  quotes: { quote: StoredQuote; article: Article }[];
  tags: string[];
}

/** Cache tag of a person's page. */
export const personTag = (id: string) => `person:${id}`;

/** Longer bodies are analysed up to here (about 15,000 words; a long feature is 5,000). */
const MAX_ANALYSED_CHARS = 100_000;

const BLOCK_END = /<\/(?:p|h[1-6]|li|blockquote|div|pre|figcaption)>|<br\s*\/?>/gi;

/** Finds the quotes in articles, stores them with their speakers, and serves the page per person. */
export class QuoteService {
  constructor(private readonly deps: QuoteServiceDeps) {}

  /** Finds the article's quotes and replaces the stored ones; named speakers become people with a page. */
  async analyse(article: Article, store: Store = this.deps.store): Promise<StoredQuote[]> {
    return this.replace(article, this.find(article), store);
  }

  /** The quotes in the article's body with their speakers (pure work; nothing is stored). */
  find(article: Pick<Article, 'bodyHtml' | 'language'>): FoundQuote[] {
    // A pathological body (a pasted data dump) must not make analysing the article slow.
    const text = this.paragraphText(article.bodyHtml).slice(0, MAX_ANALYSED_CHARS);
    const entities = findEntities(text, { language: article.language });
    return findQuotes(text, entities, { language: article.language });
  }

  /** Replaces the article's stored quotes with `found`; named speakers become people with a page. */
  async replace(article: Pick<Article, 'id'>, found: readonly FoundQuote[], store: Store = this.deps.store): Promise<StoredQuote[]> {
    const now = this.deps.clock.now();
    const people = new Map<string, QuotedPerson>();
    const stored: StoredQuote[] = [];
    for (const [position, quote] of found.entries()) {
      let personId: PersonId | null = null;
      if (!quote.speaker.anonymous && quote.speaker.personId) {
        const person = people.get(quote.speaker.name) ?? await this.ensurePerson(store, quote.speaker.name, now);
        people.set(quote.speaker.name, person);
        personId = person.id;
      }
      stored.push({
        id: this.deps.newId(), articleId: article.id, personId, speakerName: quote.speaker.name, anonymous: quote.speaker.anonymous,
        text: quote.text, kind: quote.kind, position,
      });
    }
    // People who lost a quote (the body was edited) have a page to refresh too.
    const before = (await store.quotes.listForArticle(article.id)).flatMap((q) => (q.personId ? [q.personId] : []));
    await store.quotes.replaceForArticle(article.id, stored);
    const changed = [...new Set([...people.values()].map((p) => p.id).concat(before))].map(personTag);
    if (changed.length) store.afterCommit(() => this.deps.events.publish({ tags: changed }));
    return stored;
  }

  /** A person's quotes from articles the public can see, or null when there is no such person. */
  async personPage(slug: string, page: { offset: number; limit: number }): Promise<PersonQuotesView | null> {
    const { store, clock } = this.deps;
    const person = await store.quotes.getPersonBySlug(slug as Slug);
    if (!person) return null;
    const quotes = await store.quotes.listForPerson(person.id, page);
    const ids = [...new Set(quotes.map((q) => q.articleId))] as ArticleId[];
    const articles = ids.length ? await store.articles.listVisible({ ids, now: clock.now() }, { offset: 0, limit: ids.length }) : [];
    const byId = new Map(articles.map((a) => [a.id, a]));
    const visible = quotes.flatMap((quote) => {
      const article = byId.get(quote.articleId);
      return article ? [{ quote, article }] : [];
    });
    return { person, quotes: visible, tags: [personTag(person.id), ...ids.map((id) => `article:${id}`)] };
  }

  private async ensurePerson(store: Store, name: string, now: Instant): Promise<QuotedPerson> {
    return store.quotes.ensurePerson({ id: this.deps.newId() as PersonId, name, slug: slugify(name), createdAt: now });
  }

  // Paragraph breaks matter to quotes (a quote may run over paragraphs), so each block becomes a paragraph.
  private paragraphText(html: string): string {
    return html.split(BLOCK_END).map((block) => this.deps.bodies.toPlainText(block)).filter(Boolean).join('\n\n');
  }
}
