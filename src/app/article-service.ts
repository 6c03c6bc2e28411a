import { assertStatusChange, excerptFromText, type Article, type ArticleOrigin, type ArticleStatus, type BodyFormat, type FeatureImage, type InboxState } from '../domain/article.js';
import { AppError } from '../domain/errors.js';
import type { ArticleId, AuthorId, IdGenerator, Instant, Slug, TermId } from '../domain/ids.js';
import { isSlug, slugify, slugLookupPrefix, uniqueSlug } from '../domain/slug.js';
import type { Syndication } from '../domain/syndication.js';
import { ancestry } from '../domain/taxonomy.js';
import type { BodyRenderer } from './body-renderer.js';
import { contentFingerprint } from './content-fingerprint.js';
import { tags, type CacheTag, type ContentEvents } from './content-events.js';
import type { Clock, Store } from './ports.js';

/** What a caller supplies to create an article; validated at the edge (http, cli). */
export interface ArticleInput {
  title: string;
  slug?: string | null;
  standfirst?: string | null;
  body: string;
  bodyFormat: BodyFormat;
  excerpt?: string | null;
  language?: string | null;
  authorIds: AuthorId[];
  termIds: TermId[];
  featureImage?: FeatureImage | null;
  syndication?: Syndication | null;
  status?: ArticleStatus;
  publishedAt?: Instant | null;
  origin?: ArticleOrigin;
  inboxState?: InboxState | null;
}

/** The editable fields of an article, all given on every save (the editor sends its whole form). */
export interface ArticleChanges {
  title: string;
  slug?: string | null;
  standfirst?: string | null;
  body: string;
  bodyFormat?: BodyFormat;
  excerpt?: string | null;
  authorIds: AuthorId[];
  termIds: TermId[];
  featureImage: FeatureImage | null;
  syndication: Syndication | null;
}

export interface ArticleServiceDeps {
  store: Store;
  clock: Clock;
  newId: IdGenerator;
  bodies: BodyRenderer;
  events: ContentEvents;
  defaultLanguage: string;
  /**
   * Queues each new article, and each whose text changed, for analysis (quotes and people,
   * wire fingerprint, stored suggestions) in the same transaction; left out, nothing is analysed.
   */
  analysis?: { enqueue(articleIds: readonly ArticleId[], store: Store): Promise<void> };
  /** Told, once committed, that the tagged and visible articles changed (theme retraining listens). */
  onTaggingChanged?: () => void;
}

/** Creating, editing and publishing articles; every change is one transaction and one change event. */
export class ArticleService {
  constructor(private readonly deps: ArticleServiceDeps) {}

  /** Creates an article; a publication date in the future makes a `published` request `scheduled`. */
  async create(input: ArticleInput, store: Store = this.deps.store): Promise<Article> {
    const { clock, newId, bodies } = this.deps;
    const now = clock.now();
    const title = input.title.trim();
    if (!title) throw new AppError('INVALID_INPUT', 'An article needs a title.', { details: { field: 'title' } });
    const bodyHtml = bodies.toSafeHtml(input.body, input.bodyFormat);
    const plainText = bodies.toPlainText(bodyHtml);
    let status = input.status ?? 'draft';
    let publishedAt = input.publishedAt ?? null;
    if (status === 'published' && !publishedAt) publishedAt = now;
    if (status === 'published' && publishedAt && publishedAt > now) status = 'scheduled';
    if (status === 'scheduled' && !publishedAt) {
      throw new AppError('INVALID_INPUT', 'A scheduled article needs a publication time.', { details: { field: 'publishedAt' } });
    }
    const created = await store.transaction(async (tx) => {
      const requested = input.slug ? input.slug.trim() : '';
      if (requested && !isSlug(requested)) {
        throw new AppError('INVALID_INPUT', `"${requested}" is not a valid slug: use lower-case letters, digits and single hyphens.`, { details: { field: 'slug' } });
      }
      const base = (requested || slugify(title)) as Slug;
      const taken = new Set(await tx.articles.slugsStartingWith(slugLookupPrefix(base)));
      if (requested && taken.has(base)) throw new AppError('SLUG_TAKEN', `Another article already uses the slug "${base}".`, { details: { slug: base } });
      const article: Article = {
        id: newId() as ArticleId,
        slug: uniqueSlug(base, (s) => taken.has(s)),
        title,
        standfirst: input.standfirst?.trim() || null,
        bodySource: input.body,
        bodyFormat: input.bodyFormat,
        bodyHtml,
        excerpt: input.excerpt?.trim() || excerptFromText(input.standfirst?.trim() || plainText),
        language: input.language || this.deps.defaultLanguage,
        status,
        publishedAt,
        createdAt: now,
        updatedAt: now,
        authorIds: dedupe(input.authorIds),
        termIds: dedupe(input.termIds),
        featureImage: input.featureImage ?? null,
        syndication: input.syndication ?? null,
        origin: input.origin ?? 'editorial',
        inboxState: input.inboxState ?? null,
        contentHash: contentFingerprint(title, plainText),
      };
      await tx.articles.insert(article);
      await this.deps.analysis?.enqueue([article.id], tx);
      await this.announce(tx, null, article);
      return article;
    });
    return created;
  }

  /** Moves an article to `published` now (or at its stored time if that is in the past). */
  async publish(id: ArticleId): Promise<Article> {
    return this.changeStatus(id, 'published');
  }

  /** Publishes an inbox item: it leaves the inbox and goes out now. */
  async publishFromInbox(id: ArticleId, store: Store = this.deps.store): Promise<Article> {
    return this.changeInbox(id, 'accepted', store);
  }

  /** Turns an inbox item down; it stays stored (and remembered) but never appears. */
  async rejectFromInbox(id: ArticleId, store: Store = this.deps.store): Promise<Article> {
    return this.changeInbox(id, 'rejected', store);
  }

  private async changeInbox(id: ArticleId, to: 'accepted' | 'rejected', store: Store): Promise<Article> {
    const now = this.deps.clock.now();
    return store.transaction(async (tx) => {
      const before = await tx.articles.getById(id);
      if (!before) throw new AppError('ARTICLE_NOT_FOUND', `There is no article with id ${id}.`, { details: { id } });
      if (before.inboxState !== 'pending') {
        throw new AppError('INVALID_STATUS_CHANGE', `"${before.title}" is not waiting in the inbox (it is ${before.inboxState ?? 'not an ingested item'}).`, { details: { id } });
      }
      const after: Article = to === 'accepted'
        ? { ...before, inboxState: 'accepted', status: 'published', publishedAt: before.publishedAt && before.publishedAt <= now ? before.publishedAt : now, updatedAt: now }
        : { ...before, inboxState: 'rejected', updatedAt: now };
      await tx.articles.update(after);
      await this.announce(tx, before, after);
      return after;
    });
  }

  /** Publishes every scheduled article whose time has come; safe to run on several nodes at once. */
  async publishDue(): Promise<Article[]> {
    const now = this.deps.clock.now();
    const due = await this.deps.store.articles.findDueScheduled(now);
    const published: Article[] = [];
    for (const article of due) {
      const done = await this.deps.store.transaction(async (tx) => {
        const current = await tx.articles.getById(article.id);
        if (!current || current.status !== 'scheduled') return null; // another node got there first
        const next = { ...current, status: 'published' as const, updatedAt: now };
        await tx.articles.update(next);
        await this.announce(tx, current, next);
        return next;
      });
      if (done) published.push(done);
    }
    return published;
  }

  private async changeStatus(id: ArticleId, to: ArticleStatus): Promise<Article> {
    const now = this.deps.clock.now();
    const result = await this.deps.store.transaction(async (tx) => {
      const before = await tx.articles.getById(id);
      if (!before) throw new AppError('ARTICLE_NOT_FOUND', `There is no article with id ${id}.`, { details: { id } });
      assertStatusChange(before.status, to);
      const publishedAt = to === 'published' ? (before.publishedAt && before.publishedAt <= now ? before.publishedAt : now) : before.publishedAt;
      const after: Article = { ...before, status: to, publishedAt, updatedAt: now };
      await tx.articles.update(after);
      await this.announce(tx, before, after);
      return after;
    });
    return result;
  }

  /**
   * Replaces an article's editable fields (the editor's save); status and dates stay. The body is
   * sanitized again and the slug checked for clashes, as on create.
   */
  async revise(id: ArticleId, changes: ArticleChanges, store: Store = this.deps.store): Promise<Article> {
    const { clock, bodies } = this.deps;
    const now = clock.now();
    const title = changes.title.trim();
    if (!title) throw new AppError('INVALID_INPUT', 'An article needs a title.', { details: { field: 'title' } });
    return store.transaction(async (tx) => {
      const before = await tx.articles.getById(id);
      if (!before) throw new AppError('ARTICLE_NOT_FOUND', `There is no article with id ${id}.`, { details: { id } });
      const requested = changes.slug?.trim() || before.slug;
      if (!isSlug(requested)) {
        throw new AppError('INVALID_INPUT', `"${requested}" is not a valid slug: use lower-case letters, digits and single hyphens.`, { details: { field: 'slug' } });
      }
      if (requested !== before.slug) {
        const clash = await tx.articles.getBySlug(requested as Slug);
        if (clash && clash.id !== id) throw new AppError('SLUG_TAKEN', `Another article already uses the slug "${requested}".`, { details: { slug: requested, field: 'slug' } });
      }
      const bodyHtml = bodies.toSafeHtml(changes.body, changes.bodyFormat ?? before.bodyFormat);
      const plainText = bodies.toPlainText(bodyHtml);
      const after: Article = {
        ...before,
        title, slug: requested as Slug,
        standfirst: changes.standfirst?.trim() || null,
        bodySource: changes.body, bodyFormat: changes.bodyFormat ?? before.bodyFormat, bodyHtml,
        excerpt: changes.excerpt?.trim() || excerptFromText(changes.standfirst?.trim() || plainText),
        authorIds: dedupe(changes.authorIds), termIds: dedupe(changes.termIds),
        featureImage: changes.featureImage, syndication: changes.syndication,
        updatedAt: now, contentHash: contentFingerprint(title, plainText),
      };
      await tx.articles.update(after);
      if (textChanged(before, after)) await this.deps.analysis?.enqueue([id], tx);
      await this.announce(tx, before, after);
      return after;
    });
  }

  /**
   * Moves an article to another status. Publishing uses the stored time when it has passed, else
   * now; scheduling needs a time in the future; other moves keep the date (and so the URL).
   */
  async moveTo(id: ArticleId, to: ArticleStatus, options: { publishAt?: Instant | null } = {}, store: Store = this.deps.store): Promise<Article> {
    const now = this.deps.clock.now();
    return store.transaction(async (tx) => {
      const before = await tx.articles.getById(id);
      if (!before) throw new AppError('ARTICLE_NOT_FOUND', `There is no article with id ${id}.`, { details: { id } });
      assertStatusChange(before.status, to);
      let publishedAt = before.publishedAt;
      // A withdrawn article that comes back keeps its date, and so its URL.
      if (to === 'published') publishedAt = before.publishedAt && before.publishedAt <= now ? before.publishedAt : now;
      if (to === 'scheduled') {
        if (!options.publishAt || options.publishAt <= now) {
          throw new AppError('INVALID_INPUT', 'Choose a publication time in the future to schedule an article.', { details: { field: 'publishAt' } });
        }
        publishedAt = options.publishAt;
      }
      const after: Article = { ...before, status: to, publishedAt, updatedAt: now };
      await tx.articles.update(after);
      await this.announce(tx, before, after);
      return after;
    });
  }

  /** Tells caches, once committed, what an article change touches: the article, and every listing it left or joined. */
  private async announce(tx: Store, before: Article | null, after: Article | null): Promise<void> {
    const terms = await tx.taxonomies.listTerms();
    const changeTags = new Set<CacheTag>();
    for (const version of [before, after]) {
      if (!version) continue;
      changeTags.add(tags.article(version.id));
      if (version.status !== 'published') continue;
      changeTags.add(tags.homeList);
      for (const authorId of version.authorIds) changeTags.add(tags.authorList(authorId));
      if (version.syndication?.sourceId) changeTags.add(tags.sourceList(version.syndication.sourceId));
      for (const termId of version.termIds) for (const term of ancestry(terms, termId)) changeTags.add(tags.termList(term.id));
    }
    tx.afterCommit(() => this.deps.events.publish({ tags: [...changeTags] }));
    if (taggingChanged(before, after) && this.deps.onTaggingChanged) tx.afterCommit(this.deps.onTaggingChanged);
  }
}

/** What the analysis reads: headline, standfirst, body and language. */
function textChanged(before: Article, after: Article): boolean {
  return before.title !== after.title || before.standfirst !== after.standfirst || before.bodyHtml !== after.bodyHtml || before.language !== after.language;
}

/** Theme models learn from visible tagged articles: a change of terms, text or visibility is new training data. */
function taggingChanged(before: Article | null, after: Article | null): boolean {
  const counts = (a: Article | null): a is Article => a !== null && a.status === 'published' && a.termIds.length > 0;
  if (!counts(before) && !counts(after)) return false;
  if (!counts(before) || !counts(after)) return true;
  return before.termIds.join() !== after.termIds.join() || textChanged(before, after);
}

function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

