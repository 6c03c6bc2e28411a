import type { Article, InboxState } from '../domain/article.js';
import type { FeedItemRecord, FeedSubscription } from '../domain/feed.js';
import type { ApiKey, ApiKeyId } from '../domain/api-key.js';
import type { AuditEntry } from '../domain/audit.js';
import type { User, UserId } from '../domain/staff.js';
import type { Author } from '../domain/author.js';
import type { ArticleId, AuthorId, FeedId, Instant, Slug, SourceId, TaxonomyId, TermId } from '../domain/ids.js';
import type { Source } from '../domain/source.js';
import type { Taxonomy, Term } from '../domain/taxonomy.js';
import type { Comment } from '../domain/comment.js';
import type { Redirect } from '../domain/redirect.js';
import type { ImportItem, ImportRun } from '../domain/import-run.js';
import type { MediaId, MediaItem } from '../domain/media.js';
import type { EditorialRepository } from './editorial-ports.js';
import type { PersonId, QuotedPerson, StoredQuote } from '../domain/quote.js';
import type { MemberRepository } from './member-ports.js';
import type { ImportMediaLedger } from './site-import/import-media-ports.js';
import type { AnalysisQueueRepository, ArticleAnalysisRepository } from './analysis-ports.js';

/** Which visible articles a listing wants; all filters combine with AND. */
export interface ArticleFilter {
  /** Articles carrying any of these terms (an archive passes a term and its descendants). */
  termIds?: readonly TermId[];
  authorId?: AuthorId;
  /** Articles that, for every group, carry at least one of its terms (AND of ORs). */
  termGroups?: readonly (readonly TermId[])[];
  /** Articles carrying none of these terms. */
  excludeTermIds?: readonly TermId[];
  /** Articles by any of these authors. */
  authorIds?: readonly AuthorId[];
  sourceId?: SourceId;
  ids?: readonly ArticleId[];
  slugs?: readonly Slug[];
  /** Published strictly after / before these instants. */
  publishedAfter?: Instant;
  publishedBefore?: Instant;
  /** Only articles published at or before this instant are visible. */
  now: Instant;
}

/** Listing order; newest first unless asked otherwise. */
export interface ArticleOrder {
  field: 'published_at' | 'updated_at' | 'title';
  direction: 'asc' | 'desc';
}

/**
 * An article's full-text entry worked out ahead of the write (a bulk import does it in a worker
 * thread): folded words per field, space-separated, their stems in the article's language, and
 * the language code that picks the engine's configuration.
 */
export interface ArticleSearchText {
  articleId: string;
  language: string;
  title: string;
  standfirst: string;
  body: string;
  titleStems: string;
  standfirstStems: string;
  bodyStems: string;
  /**
   * The distinct words of title, standfirst and body, space-separated, for an index that keeps a
   * vocabulary (SQLite). Worked out with the rest, in a worker thread during a bulk import, so the
   * writing thread need not split every field again.
   */
  words?: string;
}

export interface ArticleRepository {
  insert(article: Article): Promise<void>;
  /**
   * Inserts new articles with their links and search entries in a few multi-row statements (a
   * bulk import). `search`, when given, is used as the article's index entry instead of being
   * worked out here.
   */
  insertMany(entries: readonly { article: Article; search?: ArticleSearchText }[]): Promise<void>;
  /** Replaces the stored article (and its author and term links) with `article`. */
  update(article: Article): Promise<void>;
  delete(id: ArticleId): Promise<void>;
  getById(id: ArticleId): Promise<Article | null>;
  getBySlug(slug: Slug): Promise<Article | null>;
  /** Visible articles, newest first. */
  listVisible(filter: ArticleFilter, page: { offset: number; limit: number; order?: ArticleOrder }): Promise<Article[]>;
  countVisible(filter: ArticleFilter): Promise<number>;
  /** Slugs beginning with `prefix`, to pick a free one (see slugLookupPrefix). */
  slugsStartingWith(prefix: string): Promise<Slug[]>;
  /** Scheduled articles whose time has come. */
  findDueScheduled(now: Instant): Promise<Article[]>;
  /** The newest update time among visible articles (for Last-Modified of listings). */
  latestUpdate(): Promise<Instant | null>;
  /** An article with this content fingerprint, if any (oldest first). */
  findByContentHash(hash: string): Promise<Article | null>;
  /** An article republished from this original URL, if any. */
  findByOriginalUrl(url: string): Promise<Article | null>;
  /** Ingested articles in an inbox state, newest first. */
  listInbox(state: InboxState, page: { offset: number; limit: number }): Promise<Article[]>;
  countInbox(state: InboxState): Promise<number>;
}

export interface FeedRepository {
  insert(feed: FeedSubscription, now: Instant): Promise<void>;
  update(feed: FeedSubscription, now: Instant): Promise<void>;
  delete(id: FeedId): Promise<void>;
  getById(id: FeedId): Promise<FeedSubscription | null>;
  getByUrl(url: string): Promise<FeedSubscription | null>;
  list(): Promise<FeedSubscription[]>;
  /** Active feeds whose next poll time has come, soonest first. */
  findDue(now: Instant, limit: number): Promise<FeedSubscription[]>;
  /**
   * Takes the feed for polling until `until`, unless another poller holds an unexpired lease.
   * One conditional UPDATE, so two processes (or app nodes) never poll the same feed at once.
   */
  tryLease(id: FeedId, now: Instant, until: Instant): Promise<boolean>;
  releaseLease(id: FeedId): Promise<void>;
  getItem(feedId: FeedId, itemKey: string): Promise<FeedItemRecord | null>;
  /** Inserts or replaces what is known of an item. */
  saveItem(item: FeedItemRecord): Promise<void>;
  listItems(feedId: FeedId): Promise<FeedItemRecord[]>;
}

export interface AuthorRepository {
  insert(author: Author): Promise<void>;
  update(author: Author): Promise<void>;
  getById(id: AuthorId): Promise<Author | null>;
  getBySlug(slug: Slug): Promise<Author | null>;
  getMany(ids: readonly AuthorId[]): Promise<Author[]>;
  /** Case-insensitive exact match on the name. */
  findByName(name: string): Promise<Author | null>;
  list(): Promise<Author[]>;
  slugsStartingWith(prefix: string): Promise<Slug[]>;
}

export interface SourceRepository {
  insert(source: Source): Promise<void>;
  update(source: Source): Promise<void>;
  getById(id: SourceId): Promise<Source | null>;
  getBySlug(slug: Slug): Promise<Source | null>;
  findByName(name: string): Promise<Source | null>;
  list(): Promise<Source[]>;
  slugsStartingWith(prefix: string): Promise<Slug[]>;
}

export interface TaxonomyRepository {
  insertTaxonomy(taxonomy: Taxonomy): Promise<void>;
  updateTaxonomy(taxonomy: Taxonomy): Promise<void>;
  listTaxonomies(): Promise<Taxonomy[]>;
  insertTerm(term: Term): Promise<void>;
  updateTerm(term: Term): Promise<void>;
  /** Every term of every taxonomy (term sets are small: hundreds, not millions). */
  listTerms(taxonomyId?: TaxonomyId): Promise<Term[]>;
  /** Moves every article of term `fromId` to `intoId` (an article with both keeps one link); returns the articles touched. */
  reassignArticles(fromId: TermId, intoId: TermId): Promise<ArticleId[]>;
  /** Deletes a term that has no articles and no sub-terms left. */
  deleteTerm(id: TermId): Promise<void>;
}

/** Key-value settings; values are JSON-serialisable and validated by the caller. */
export interface SettingsRepository {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown, now: Instant): Promise<void>;
}

export interface ApiKeyRepository {
  insert(key: ApiKey): Promise<void>;
  /** The key with this secret, revoked or not. */
  findBySecret(secret: string): Promise<ApiKey | null>;
  list(): Promise<ApiKey[]>;
  markUsed(id: ApiKeyId, at: Instant): Promise<void>;
  revoke(id: ApiKeyId, at: Instant): Promise<void>;
}

/**
 * A full-text query over visible articles (published, at or before `now`); every filter combines
 * with AND. `text` is what a reader typed: words (all must match, in any form that stems to the
 * same root in the article's language), "exact phrases" and prefix* words. Adapters parse it
 * themselves and never hand it to the engine as query syntax, so any input is safe.
 */
export interface SearchQuery {
  text: string;
  /** Articles carrying any of these terms (the caller passes a term and its descendants). */
  termIds?: readonly TermId[];
  /** More any-of term sets, each of which must match as well (one per taxonomy filtered on). */
  termGroups?: readonly (readonly TermId[])[];
  authorId?: AuthorId;
  sourceId?: SourceId;
  /** Published at or after this instant. */
  from?: Instant;
  /** Published at or before this instant. */
  to?: Instant;
  now: Instant;
  offset: number;
  limit: number;
}

/** One article found. The two HTML fields are escaped text with `<mark>` around matches: safe to insert as they are. */
/** An article as pages render it: everything but its Markdown/HTML source. */
export type ArticleWithoutSource = Omit<Article, 'bodySource'>;

/**
 * An article as search results carry it: without its source and its HTML body, which no result
 * shows. At 100,000 articles reading the source doubled the cost of loading a page of hits, and
 * copying twenty bodies from a search thread to the main one cost a seventh of its throughput.
 */
export type ArticleSummary = Omit<Article, 'bodySource' | 'bodyHtml'>;

export interface SearchHit {
  article: ArticleSummary;
  /** Relevance, higher is better; comparable only within one result set. */
  score: number;
  titleHtml: string;
  /** A short passage of the standfirst or body around the matches. */
  snippetHtml: string;
}

export interface SearchResults {
  /** Every match, not just this page; when `moreThanTotal` is set, the count stopped here and more match. */
  total: number;
  /** Counting stops ten pages past the page asked for (see `searchCountBound`): an exact count of a word found in most articles costs more than the search. */
  moreThanTotal?: boolean;
  /** Best first. */
  hits: SearchHit[];
}

/** Full-text search over articles. The article repository keeps the index in step, in the same transaction as each write. */
export interface SearchIndex {
  search(query: SearchQuery): Promise<SearchResults>;
  /** Indexes every stored article afresh and drops entries of articles that no longer exist; returns how many were indexed. */
  rebuild(): Promise<number>;
  /**
   * Indexes these articles afresh. The article repository keeps the index in step by itself; code
   * that changes an article's bylines, terms or source without it (a term merge) calls this in the
   * same transaction, because SQLite's index answers those filters from its own copy.
   */
  reindex(articleIds: readonly string[]): Promise<void>;
  /**
   * Merges what writes have left fragmented in the index, in short steps so that writes and
   * searches go on meanwhile, once it is fragmented enough to slow searches down (SQLite: FTS5
   * segments, one more per commit, each read by every query). A no-op on engines that keep their
   * indexes in shape themselves (PostgreSQL). `signal` stops it between steps; `fromSegments`
   * merges a table from that many fragments on (2: whatever is fragmented at all).
   */
  compact(options?: SearchCompactOptions): Promise<SearchCompaction>;
}

export interface SearchCompactOptions {
  signal?: AbortSignal;
  fromSegments?: number;
}

/** What `SearchIndex.compact` found and did: segments before and after, and merge steps run (0 when it was not needed). */
export interface SearchCompaction {
  segmentsBefore: number;
  segmentsAfter: number;
  steps: number;
}

export interface UserRepository {
  insert(user: User): Promise<void>;
  update(user: User): Promise<void>;
  getById(id: UserId): Promise<User | null>;
  /** By normalised (lower-case) e-mail address. */
  getByEmail(email: string): Promise<User | null>;
  list(): Promise<User[]>;
  count(): Promise<number>;
}

export interface StoredSession {
  tokenHash: string;
  userId: UserId;
  csrfToken: string;
  createdAt: Instant;
  lastSeenAt: Instant;
  expiresAt: Instant;
  userAgent: string | null;
  ip: string | null;
}

export interface SessionRepository {
  insert(session: StoredSession): Promise<void>;
  get(tokenHash: string): Promise<StoredSession | null>;
  touch(tokenHash: string, lastSeenAt: Instant, expiresAt: Instant): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of a user (sign out everywhere, password change, disabling). */
  deleteForUser(userId: UserId): Promise<number>;
  listForUser(userId: UserId): Promise<StoredSession[]>;
}

/** Consecutive sign-in failures per subject (`account:<email>`, `address:<ip>`), shared by all app nodes. */
export interface SignInThrottleRepository {
  get(subject: string): Promise<{ failures: number; lockedUntil: Instant | null } | null>;
  recordFailure(subject: string, at: Instant, lockedUntil: (failures: number) => Instant | null): Promise<number>;
  clear(subject: string): Promise<void>;
}

export interface PasswordResetRepository {
  insert(reset: { tokenHash: string; userId: UserId; createdAt: Instant; expiresAt: Instant }): Promise<void>;
  /** Marks the reset used and returns it, in one step; null when unknown, used or expired. */
  consume(tokenHash: string, now: Instant): Promise<{ userId: UserId } | null>;
}

export interface AuditLogRepository {
  append(entry: AuditEntry): Promise<void>;
  list(page: { offset: number; limit: number }): Promise<AuditEntry[]>;
}

export interface CommentRepository {
  insertMany(comments: readonly Comment[]): Promise<void>;
  /** An article's comments in every status, oldest first (threads are rebuilt from `parentId`). */
  listForArticle(articleId: ArticleId): Promise<Comment[]>;
  count(): Promise<number>;
}

/** Old public paths that answer 301 to a new one, or 410 Gone. Paths are stored as `redirectKey` makes them. */
export interface RedirectRepository {
  /** Stores the redirects whose `fromPath` is free; an existing one keeps its target. Returns how many were stored. */
  insertMissing(redirects: readonly Redirect[]): Promise<number>;
  /** Stores or replaces a redirect (an unpublished article, a merged term). */
  put(redirect: Redirect): Promise<void>;
  find(fromPath: string): Promise<Redirect | null>;
  delete(fromPath: string): Promise<void>;
  count(): Promise<number>;
  /** Redirects whose old or new address contains `text` (all without it), by old address. */
  list(filter: { text?: string }, page: { offset: number; limit: number }): Promise<Redirect[]>;
  countMatching(filter: { text?: string }): Promise<number>;
  /** Points every redirect to `fromTarget` at `toTarget` instead, so a moved page leaves no chains; returns how many. */
  retarget(fromTarget: string, toTarget: string): Promise<number>;
}

/** One editor's heartbeat on an article, valid until `expiresAt`. */
export interface PresenceBeat {
  articleId: string;
  userId: string;
  name: string;
  seenAt: Instant;
  expiresAt: Instant;
}

/** Who has which article open, shared by every app node on the database. */
export interface PresenceRepository {
  /** Records or refreshes a heartbeat. */
  beat(beat: PresenceBeat): Promise<void>;
  /** Editors of the article whose heartbeat has not expired at `now`. */
  listPresent(articleId: string, now: Instant): Promise<{ userId: string; name: string }[]>;
  leave(articleId: string, userId: string): Promise<void>;
  /** Deletes expired heartbeats; returns how many. */
  prune(now: Instant): Promise<number>;
}

/** Checkpoints of site imports: one row per run, one per item, written with the item itself. */
export interface ImportLedger {
  insertRun(run: ImportRun): Promise<void>;
  updateRun(run: ImportRun): Promise<void>;
  /** The newest run of this file that did not finish, to resume it. */
  findUnfinishedRun(fileHash: string): Promise<ImportRun | null>;
  listRuns(): Promise<ImportRun[]>;
  recordItem(item: ImportItem): Promise<void>;
  /** Checkpoints of several items at once (one batch of a bulk import, written in the batch's transaction). */
  recordItems(items: readonly ImportItem[]): Promise<void>;
  /** Every item already recorded for a source, by origin key (state and target), to skip them on a resumed or repeated run. */
  itemsOf(sourceKey: string): Promise<Map<string, Pick<ImportItem, 'state' | 'targetId'>>>;
  /** The recorded items among `originKeys` (one batch's), so a run need not hold every checkpoint in memory. */
  itemsAmong(sourceKey: string, originKeys: readonly string[]): Promise<Map<string, Pick<ImportItem, 'state' | 'targetId'>>>;
  /** Whether anything is recorded for a source yet (a first run skips the per-batch lookups ahead of the writer). */
  hasItems(sourceKey: string): Promise<boolean>;
  /** Items of a run in a state, for the final report. */
  listItems(runId: string, state?: ImportItem['state']): Promise<ImportItem[]>;
}

/** The media library: items with their variants, written and read together. */
export interface MediaRepository {
  /** Stores the item and its variants; throws on a second item with the same sha256. */
  insert(item: MediaItem): Promise<void>;
  /** Replaces the descriptive fields (alt text, caption, credit). */
  updateDescription(id: MediaId, description: { altText: string; caption: string | null; credit: string | null }): Promise<void>;
  /** Removes the item and its variants. */
  delete(id: MediaId): Promise<void>;
  getById(id: MediaId): Promise<MediaItem | null>;
  getBySha256(sha256: string): Promise<MediaItem | null>;
  getManyBySha256(sha256s: readonly string[]): Promise<MediaItem[]>;
  /** Newest first. */
  list(page: { offset: number; limit: number }): Promise<MediaItem[]>;
  count(): Promise<number>;
  /** Articles whose feature image or body shows a variant of the item with this hash (at most `limit`). */
  articlesUsing(sha256: string, limit: number): Promise<{ id: ArticleId; title: string }[]>;
}

/** All repositories, with a way to run several changes in one transaction. */
export interface Store {
  articles: ArticleRepository;
  authors: AuthorRepository;
  sources: SourceRepository;
  taxonomies: TaxonomyRepository;
  settings: SettingsRepository;
  feeds: FeedRepository;
  apiKeys: ApiKeyRepository;
  users: UserRepository;
  sessions: SessionRepository;
  signInThrottle: SignInThrottleRepository;
  passwordResets: PasswordResetRepository;
  audit: AuditLogRepository;
  search: SearchIndex;
  comments: CommentRepository;
  redirects: RedirectRepository;
  presence: PresenceRepository;
  imports: ImportLedger;
  media: MediaRepository;
  editorial: EditorialRepository;
  quotes: QuoteRepository;
  themeModels: ThemeModelRepository;
  fingerprints: FingerprintRepository;
  members: MemberRepository;
  /** What site imports did with each media address of an export. */
  importMedia: ImportMediaLedger;
  analysisQueue: AnalysisQueueRepository;
  analyses: ArticleAnalysisRepository;
  /** Runs `work` in a transaction; nested calls join the outer one. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /**
   * Runs a long series of write transactions (a site import) with the engine tuned for them
   * (SQLite: WAL checkpoints far apart, one at the end). Atomicity of each transaction is unchanged.
   */
  bulkWrites<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `effect` once the current transaction commits (at once outside a transaction; never
   * after a rollback). Cache invalidations go here, so no one reloads data that is not yet visible.
   */
  afterCommit(effect: () => void): void;
}

/** The time source; tests inject a fixed one. */
export interface Clock {
  now(): Instant;
}

/** People quoted in articles and their quotes (see src/intelligence/quotes). */
export interface QuoteRepository {
  /** The person with this slug, inserting `person` when there is none yet. */
  ensurePerson(person: QuotedPerson): Promise<QuotedPerson>;
  getPersonBySlug(slug: Slug): Promise<QuotedPerson | null>;
  /** Replaces every stored quote of the article with `quotes`. */
  replaceForArticle(articleId: ArticleId, quotes: readonly StoredQuote[]): Promise<void>;
  listForArticle(articleId: ArticleId): Promise<StoredQuote[]>;
  /** A person's quotes, newest article first. */
  listForPerson(personId: PersonId, page: { offset: number; limit: number }): Promise<StoredQuote[]>;
}

/** A taxonomy's trained theme classifier (JSON, see intelligence/themes/theme-model.ts). */
export interface StoredThemeModel {
  taxonomyId: TaxonomyId;
  model: string;
  trainedAt: Instant;
  /** Tagged articles it was trained on. */
  examples: number;
}

export interface ThemeModelRepository {
  get(taxonomyId: TaxonomyId): Promise<StoredThemeModel | null>;
  /** When the stored model was trained (the model itself is large; this is a cheap freshness check). */
  trainedAt(taxonomyId: TaxonomyId): Promise<Instant | null>;
  /** Inserts or replaces the taxonomy's model. */
  put(model: StoredThemeModel): Promise<void>;
}

/** An article's near-duplicate fingerprint (see intelligence/duplicates). */
export interface StoredFingerprint {
  articleId: ArticleId;
  /** Hash of the body's normalised words: equal hashes are the same text. */
  bodyHash: string;
  /** MinHash signature as hex. */
  signature: string;
  shingles: number;
  /** Articles telling the same story share a cluster id (the id of the first one stored). */
  clusterId: string;
  createdAt: Instant;
}

export interface FingerprintRepository {
  /** Inserts or replaces an article's fingerprint and its look-up keys. */
  put(fingerprint: StoredFingerprint, lookupKeys: readonly string[]): Promise<void>;
  get(articleId: ArticleId): Promise<StoredFingerprint | null>;
  /** The oldest fingerprint with this body hash. */
  findByBodyHash(bodyHash: string): Promise<StoredFingerprint | null>;
  /** Fingerprints sharing any of the keys, most shared keys first, at most `limit`. */
  findByLookupKeys(lookupKeys: readonly string[], limit: number): Promise<StoredFingerprint[]>;
  /** Every fingerprint of a cluster, oldest first. */
  listCluster(clusterId: string): Promise<StoredFingerprint[]>;
  listForArticles(articleIds: readonly ArticleId[]): Promise<StoredFingerprint[]>;
  /** Articles that have no fingerprint yet (stored before fingerprints existed), oldest first. */
  listUnfingerprinted(limit: number): Promise<ArticleId[]>;
}
