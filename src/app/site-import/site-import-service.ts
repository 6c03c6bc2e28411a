import { articlePath, type Article } from '../../domain/article.js';
import type { Author } from '../../domain/author.js';
import type { Comment, CommentId } from '../../domain/comment.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { ArticleId, AuthorId, IdGenerator, Instant, TaxonomyId, TermId } from '../../domain/ids.js';
import type { ImportItem, ImportRun } from '../../domain/import-run.js';
import { redirectKey, type Redirect } from '../../domain/redirect.js';
import { slugify, slugLookupPrefix, uniqueSlug } from '../../domain/slug.js';
import type { Syndication } from '../../domain/syndication.js';
import type { Taxonomy, Term } from '../../domain/taxonomy.js';
import { tags, type ContentEvents } from '../content-events.js';
import type { ArticleSearchText, Clock, Store } from '../ports.js';
import type { ImportText, ImportTextInput, ImportTextPreparer, ImportTextPreparers } from './import-text.js';
import type { SiteArticleDraft, SiteImportEvent, SiteTermDraft } from './site-import-events.js';
import { writeImportedMember } from './site-member-writer.js';
import type { SiteImportMapping } from './site-import-mapping.js';
import { importOrderOf, stableId } from './stable-id.js';

/** One export to import. `sourceKey` names the site it came from; `fileHash` tells a resumed run from a new one. */
export interface SiteImportSource {
  format: string;
  sourceKey: string;
  fileHash: string;
  fileName: string;
  events: AsyncIterable<SiteImportEvent>;
  mapping: SiteImportMapping;
  /** Items written per transaction (default DEFAULT_IMPORT_BATCH); each batch commits together with its checkpoints. */
  batchSize?: number;
}

/**
 * Items per transaction when the source does not say. A commit (and, on SQLite, a full-text
 * segment) per few hundred items instead of per item is most of the speed of a bulk import; a
 * kill loses at most the batch in flight, which the next run writes again.
 */
export const DEFAULT_IMPORT_BATCH = 500;
/** Batches whose text is being prepared (in worker threads) while an earlier one is written. */
const PREPARED_AHEAD = 1;

/** What happened to one item, as it happens (for the progress bar and the per-item lines). */
export interface SiteImportItemOutcome {
  originKey: string;
  label: string;
  state: ImportItem['state'] | 'already';
  reason: string | null;
  notes: string[];
}

export interface SiteImportReport {
  runId: string;
  resumed: boolean;
  counts: {
    articles: number; authors: number; terms: number; comments: number; redirects: number; members: number;
    already: number; skipped: number; failed: number; external: number;
  };
  fatal: string | null;
}

type Checkpoint = Pick<ImportItem, 'state' | 'targetId'>;

/**
 * In-memory view of what is on the site, loaded once per run and kept in step after each commit.
 * Checkpoints are not held here, only those of the items others refer to (authors and terms,
 * few beside articles): each batch looks its own up, so a run's memory does not grow with the
 * export.
 */
interface RunState {
  run: ImportRun;
  sourceKey: string;
  mapping: SiteImportMapping;
  /** Authors' and terms' checkpoints met so far (read from the ledger on first use). */
  refs: Map<string, Checkpoint>;
  /** Whether the ledger held items of this source when the run began (else nothing needs looking up before a batch is written). */
  resumed: boolean;
  taxonomies: Taxonomy[];
  terms: Term[];
  takenSlugs: Set<string>;
  now: Instant;
}

type ItemEvent = Exclude<SiteImportEvent, { type: 'fatal' }>;
type Counts = SiteImportReport['counts'];

/** Events read from the export, and their articles' text once prepared (by origin key). */
interface Batch { events: ItemEvent[]; texts: Map<string, PreparedArticle>; fatal: string | null }

/** An article's text, and the id its text was prepared under (worked out once: it is a hash). */
interface PreparedArticle { id: ArticleId; text: ImportText }

/**
 * What a batch adds, held apart until its transaction commits: in-memory state (terms,
 * checkpoints, slugs), the rows written in bulk at its end, and its counts. A batch that rolls
 * back leaves the run's state as it was.
 */
interface Pending {
  terms: Term[];
  done: Map<string, Checkpoint>;
  /** The checkpoints among `done` that later items may refer to (authors, terms). */
  refs: Map<string, Checkpoint>;
  slugs: Set<string>;
  articles: { article: Article; search: ArticleSearchText }[];
  comments: Comment[];
  redirects: Redirect[];
  items: ImportItem[];
  counts: Counts;
}

const emptyCounts = (): Counts => ({ articles: 0, authors: 0, terms: 0, comments: 0, redirects: 0, members: 0, already: 0, skipped: 0, failed: 0, external: 0 });
const newPending = (): Pending => ({ terms: [], done: new Map(), refs: new Map(), slugs: new Set(), articles: [], comments: [], redirects: [], items: [], counts: emptyCounts() });

/**
 * Writes a site export (WordPress, Ghost, …) in batches of items. Each batch — its items with the
 * authors and terms they bring, their comments, redirects, search entries and checkpoint rows —
 * is one transaction, so an import killed at any moment resumes after the last committed batch
 * with nothing doubled and nothing half-written, and re-running a finished import changes
 * nothing. Articles' text is prepared (sanitized, turned into plain text and search entries) by
 * the text preparer, in worker threads, while earlier batches are written.
 */
export class SiteImportService {
  constructor(private readonly deps: {
    store: Store; clock: Clock; newId: IdGenerator; texts: ImportTextPreparers; events: ContentEvents;
    /** Queues imported articles for analysis (quotes, people, duplicates) in the batch's transaction; the app's worker drains it. */
    analysis?: { enqueue(articleIds: readonly ArticleId[], store: Store): Promise<void> };
  }) {}

  async run(source: SiteImportSource, onItem: (outcome: SiteImportItemOutcome) => void = () => undefined): Promise<SiteImportReport> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const unfinished = await store.imports.findUnfinishedRun(source.fileHash);
    const run: ImportRun = unfinished ?? {
      id: this.deps.newId(), format: source.format, sourceKey: source.sourceKey, fileHash: source.fileHash, fileName: source.fileName,
      state: 'running', startedAt: now, finishedAt: null, summary: null,
    };
    if (!unfinished) await store.imports.insertRun(run);
    await this.createMappedTaxonomies(source.mapping);
    const state: RunState = {
      run, sourceKey: source.sourceKey, mapping: source.mapping, now,
      refs: new Map(), resumed: await store.imports.hasItems(source.sourceKey),
      taxonomies: await store.taxonomies.listTaxonomies(), // after createMappedTaxonomies
      terms: await store.taxonomies.listTerms(),
      takenSlugs: new Set(await store.articles.slugsStartingWith('')),
    };
    const report: SiteImportReport = { runId: run.id, resumed: !!unfinished, fatal: null, counts: emptyCounts() };
    const texts = this.deps.texts.open();
    try {
      await store.bulkWrites(async () => {
        for await (const batch of this.preparedBatches(state, source, texts)) {
          for (const outcome of await this.writeBatch(state, batch, report)) onItem(outcome);
          if (batch.fatal) report.fatal = batch.fatal;
        }
      });
    } finally {
      await texts.close();
    }
    const { counts } = report;
    await store.imports.updateRun({ ...run, state: 'finished', finishedAt: clock.now(), summary: { ...counts, fatal: report.fatal ? 1 : 0 } });
    // Everything may have changed: every node drops its cached pages once.
    if (counts.articles + counts.authors + counts.terms > 0) this.deps.events.publish({ tags: [tags.everything] });
    return report;
  }

  /**
   * The export's events in batches, each with its articles' text prepared. Up to PREPARED_AHEAD
   * batches are being prepared while the caller writes the one before, so reading the export,
   * preparing text and writing overlap; memory stays bounded by those few batches.
   */
  private async *preparedBatches(state: RunState, source: SiteImportSource, texts: ImportTextPreparer): AsyncGenerator<Batch> {
    const size = Math.max(1, source.batchSize ?? DEFAULT_IMPORT_BATCH);
    const inFlight: Promise<Batch>[] = [];
    const prepare = async (events: ItemEvent[], fatal: string | null): Promise<Batch> => {
      const wanted = events.flatMap((e) => (e.type === 'article' && state.mapping.postTypes[e.article.postType] === 'article' ? [e.article] : []));
      // Only a resumed run has articles to leave out; its lookup waits for the batch being written.
      const done = state.resumed ? await this.deps.store.imports.itemsAmong(state.sourceKey, wanted.map((a) => a.originKey)) : null;
      const articles = done ? wanted.filter((a) => !done.has(a.originKey)) : wanted;
      const inputs = articles.map((a): ImportTextInput => ({
        articleId: stableId(state.sourceKey, a.originKey, importOrderOf(a)), title: a.title, bodyHtml: a.bodyHtml, excerpt: a.excerpt, language: a.language || 'en',
        comments: a.comments.map((c) => c.bodyHtml),
      }));
      const prepared = inputs.length ? await texts.prepare(inputs) : [];
      return { events, fatal, texts: new Map(articles.map((a, i) => [a.originKey, { id: inputs[i]!.articleId as ArticleId, text: prepared[i]! }])) };
    };
    let events: ItemEvent[] = [];
    let fatal: string | null = null;
    for await (const event of source.events) {
      if (event.type === 'fatal') {
        fatal = event.reason;
        break;
      }
      events.push(event);
      if (events.length < size) continue;
      inFlight.push(settledLater(prepare(events, null)));
      events = [];
      if (inFlight.length > PREPARED_AHEAD) yield await inFlight.shift()!;
    }
    if (events.length || fatal) inFlight.push(settledLater(prepare(events, fatal)));
    while (inFlight.length) yield await inFlight.shift()!;
  }

  /** Taxonomies the mapping asks for that the site lacks (say, Keywords for WordPress tags). */
  private async createMappedTaxonomies(mapping: SiteImportMapping): Promise<void> {
    const { store } = this.deps;
    const existing = await store.taxonomies.listTaxonomies();
    for (const { taxonomy: slug, create } of Object.values(mapping.taxonomies)) {
      if (!slug || !create || existing.some((t) => t.slug === slug)) continue;
      const taxonomy: Taxonomy = {
        id: stableId('site', `taxonomy:${slug}`) as TaxonomyId, slug: slugify(slug), name: create.name, pluralName: create.pluralName,
        description: null, position: existing.length,
      };
      await store.taxonomies.insertTaxonomy(taxonomy);
      existing.push(taxonomy);
      store.afterCommit(() => this.deps.events.publish({ tags: [tags.taxonomy] }));
    }
  }

  /**
   * Writes a batch in one transaction. When any item in it fails, the batch rolls back and its
   * items are written again one by one, so only the bad item is recorded as failed.
   */
  private async writeBatch(state: RunState, batch: Batch, report: SiteImportReport): Promise<SiteImportItemOutcome[]> {
    if (batch.events.length === 0) return [];
    const pending = newPending();
    let outcomes: SiteImportItemOutcome[];
    try {
      outcomes = await this.deps.store.transaction(async (tx) => {
        const done = await tx.imports.itemsAmong(state.sourceKey, batch.events.map((e) => describe(e).originKey));
        const staged: SiteImportItemOutcome[] = [];
        for (const event of batch.events) staged.push(await this.stage(state, tx, event, batch.texts, pending, done));
        await this.flush(tx, pending);
        return staged;
      });
    } catch (error) {
      if (batch.events.length > 1) {
        const one: SiteImportItemOutcome[] = [];
        for (const event of batch.events) one.push(...await this.writeBatch(state, { ...batch, events: [event] }, report));
        return one;
      }
      return [await this.recordFailure(state, batch.events[0]!, error, report)];
    }
    this.commit(state, pending);
    for (const [key, n] of Object.entries(pending.counts) as [keyof Counts, number][]) report.counts[key] += n;
    return outcomes;
  }

  /** The rows a batch collected, in a few multi-row statements (articles before the comments that point at them). */
  private async flush(tx: Store, pending: Pending): Promise<void> {
    if (pending.articles.length) {
      await tx.articles.insertMany(pending.articles);
      await this.deps.analysis?.enqueue(pending.articles.map((a) => a.article.id), tx);
    }
    if (pending.comments.length) await tx.comments.insertMany(pending.comments);
    if (pending.redirects.length) pending.counts.redirects += await tx.redirects.insertMissing(pending.redirects);
    if (pending.items.length) await tx.imports.recordItems(pending.items);
  }

  private async recordFailure(state: RunState, event: ItemEvent, error: unknown, report: SiteImportReport): Promise<SiteImportItemOutcome> {
    const { originKey, label } = describe(event);
    const reason = isAppError(error) ? error.message : `unexpected error: ${(error as Error).message}`;
    // The item's own transaction rolled back; its failure is recorded on its own so a re-run does not retry it blindly.
    await this.deps.store.imports.recordItem(this.item(state, originKey, 'failed', null, reason));
    report.counts.failed++;
    return { originKey, label, state: 'failed', reason, notes: [] };
  }

  /** Adds one item to the open batch: lookups and rare inserts (authors, terms) now, bulk rows at the batch's end. */
  /** `done`: the batch's items already in the ledger, read in its transaction. */
  private async stage(state: RunState, tx: Store, event: ItemEvent, texts: Map<string, PreparedArticle>, pending: Pending, done: ReadonlyMap<string, Checkpoint>): Promise<SiteImportItemOutcome> {
    const { originKey, label } = describe(event);
    if (done.has(originKey) || pending.done.has(originKey)) {
      pending.counts.already++;
      return { originKey, label, state: 'already', reason: null, notes: [] };
    }
    switch (event.type) {
      case 'skip':
      case 'external': {
        const kind = event.type === 'skip' ? 'skipped' : 'external';
        this.record(state, pending, originKey, kind, event.type === 'external' ? event.url : null, event.reason);
        pending.counts[kind]++;
        return { originKey, label, state: kind, reason: event.reason, notes: [] };
      }
      case 'author':
        await this.authorId(state, tx, event.author.originKey, event.author.handle, event.author.name, pending);
        pending.counts.authors++;
        return { originKey, label, state: 'imported', reason: null, notes: event.author.problems };
      case 'term': {
        const id = await this.termId(state, tx, event.term, pending);
        if (!id) {
          pending.counts.skipped++;
          return { originKey, label, state: 'skipped', reason: this.unmappedReason(state, event.term), notes: [] };
        }
        pending.counts.terms++;
        return { originKey, label, state: 'imported', reason: null, notes: event.term.problems };
      }
      case 'article':
        return this.stageArticle(state, tx, event.article, texts.get(originKey), pending, label);
      case 'member': {
        // Members are few beside articles: written at once, inside the batch's transaction.
        const written = await writeImportedMember(tx, state.sourceKey, event.member, state.now);
        const targetId = written.state === 'imported' ? written.memberId : null;
        const reason = written.state === 'skipped' ? written.reason : null;
        this.record(state, pending, originKey, written.state, targetId, reason);
        pending.counts[written.state === 'imported' ? 'members' : 'skipped']++;
        return { originKey, label, state: written.state, reason, notes: [] };
      }
    }
  }

  private async stageArticle(state: RunState, tx: Store, draft: SiteArticleDraft, prepared: PreparedArticle | undefined, pending: Pending, label: string): Promise<SiteImportItemOutcome> {
    if (state.mapping.postTypes[draft.postType] !== 'article') {
      const reason = draft.postType in state.mapping.postTypes
        ? `post type "${draft.postType}" is set to skip in the mapping`
        : `unknown post type "${draft.postType}"; map it to "article" under postTypes in the mapping file to import it`;
      this.record(state, pending, draft.originKey, 'skipped', null, reason);
      pending.counts.skipped++;
      return { originKey: draft.originKey, label, state: 'skipped', reason, notes: [] };
    }
    if (!prepared) throw new Error('its text was not prepared'); // a repeated origin key whose first copy failed
    const { id, text } = prepared;
    if (!text.ok) throw new Error(text.reason);
    const notes = [...draft.notes, ...draft.problems];
    const { title, bodyHtml } = text;
    if (text.untitled) notes.push(`it had no title; "${title}" was used`);
    const slug = uniqueSlug(slugify(draft.slug || title), (s) => state.takenSlugs.has(s) || pending.slugs.has(s));
    let status = draft.status;
    let publishedAt = draft.publishedAt;
    if (status === 'published' && !publishedAt) publishedAt = state.now;
    if (status === 'published' && publishedAt && publishedAt > state.now) status = 'scheduled';
    if (status === 'scheduled' && !publishedAt) status = 'draft';
    const createdAt = draft.createdAt ?? publishedAt ?? state.now;
    const order = importOrderOf(draft);
    const authorIds: AuthorId[] = [];
    // Bylines and terms are nearly always known by now: looked up without an await (a few per article, 100,000s per import).
    for (const a of draft.authors) {
      const seen = this.knownNow(state, pending, a.originKey);
      const authorId = seen?.targetId ? (seen.targetId as AuthorId) : await this.authorId(state, tx, a.originKey, a.handle, a.name, pending);
      if (!authorIds.includes(authorId)) authorIds.push(authorId);
    }
    const termIds: TermId[] = [];
    for (const t of draft.terms) {
      const seen = this.knownNow(state, pending, t.originKey);
      const termId = seen ? (seen.targetId as TermId | null) : await this.termId(state, tx, { ...t, parentKey: null, description: null, problems: [] }, pending);
      if (termId && !termIds.includes(termId)) termIds.push(termId);
    }
    if (draft.sticky && state.mapping.sticky) {
      const { taxonomy, term } = state.mapping.sticky;
      const termId = await this.mergeTarget(state, tx, `${taxonomy}/${slugify(term)}`, term, pending);
      if (termId && !termIds.includes(termId)) termIds.push(termId);
    }
    const article: Article = {
      id, slug, title, standfirst: null, bodySource: bodyHtml, bodyFormat: 'html', bodyHtml, excerpt: text.excerpt,
      language: draft.language || 'en', status, publishedAt, createdAt, updatedAt: draft.updatedAt ?? createdAt,
      authorIds, termIds, featureImage: draft.featureImage ? { ...draft.featureImage, credit: null } : null,
      syndication: syndicationOf(draft.original), origin: 'import', inboxState: null, contentHash: text.contentHash,
    };
    pending.articles.push({ article, search: text.search });
    // A comment's id is ordered by its article's date (not its own): a thread's rows stay together, and a reply can name its parent's id.
    const commentIds = new Map(draft.comments.map((c) => [c.originKey, stableId(state.sourceKey, c.originKey, order) as CommentId]));
    draft.comments.forEach((c, i) => pending.comments.push({
      id: commentIds.get(c.originKey)!, articleId: id,
      parentId: c.parentKey ? (commentIds.get(c.parentKey) ?? (stableId(state.sourceKey, c.parentKey, order) as CommentId)) : null, kind: c.kind,
      authorName: c.authorName.trim() || 'Anonymous', authorEmail: c.authorEmail || null, authorUrl: c.authorUrl || null,
      bodyHtml: text.comments[i]!, status: c.status, createdAt: c.createdAt ?? createdAt, originKey: c.originKey,
    }));
    const to = articlePath(article);
    for (const fromPath of new Set(draft.oldPaths.map(redirectKey))) {
      if (fromPath !== to) pending.redirects.push({ fromPath, toPath: to, kind: 'import', createdAt });
    }
    this.record(state, pending, draft.originKey, 'imported', id, notes.length ? notes.join('; ') : null);
    pending.slugs.add(slug);
    pending.counts.articles++;
    pending.counts.comments += draft.comments.length;
    return { originKey: draft.originKey, label, state: 'imported', reason: null, notes };
  }

  /** The site author for an export author: known from this or an earlier run, an existing author of that name, or a new one. */
  private async authorId(state: RunState, tx: Store, originKey: string, handle: string, name: string, pending: Pending): Promise<AuthorId> {
    const known = await this.known(state, tx, pending, originKey);
    if (known) return known as AuthorId;
    const wanted = (state.mapping.authors[handle] ?? name).replace(/\s+/g, ' ').trim() || handle || 'Unknown author';
    let author: Author | null = await tx.authors.findByName(wanted);
    if (!author) {
      const base = slugify(wanted);
      const taken = new Set(await tx.authors.slugsStartingWith(slugLookupPrefix(base)));
      author = { id: stableId(state.sourceKey, originKey) as AuthorId, slug: uniqueSlug(base, (s) => taken.has(s)), name: wanted, bio: null, url: null, avatarUrl: null, links: [] };
      await tx.authors.insert(author);
    }
    this.record(state, pending, originKey, 'imported', author.id, null, true);
    return author.id;
  }

  /** The site term for an export term, following the mapping; null when the mapping leaves it out. */
  private async termId(state: RunState, tx: Store, draft: SiteTermDraft, pending: Pending): Promise<TermId | null> {
    const known = await this.known(state, tx, pending, draft.originKey);
    if (known !== undefined) return known as TermId | null;
    const { mapping } = state;
    const termKey = `${draft.sourceTaxonomy}/${draft.slug}`;
    let id: TermId | null;
    if (termKey in mapping.terms) {
      const target = mapping.terms[termKey];
      id = target ? await this.mergeTarget(state, tx, target, draft.name, pending) : null;
    } else {
      const taxonomy = this.targetTaxonomy(state, draft.sourceTaxonomy);
      if (!taxonomy) id = null;
      else {
        const parentId = draft.parentKey ? (await this.known(state, tx, pending, draft.parentKey)) ?? null : null;
        const parent = parentId ? this.allTerms(state, pending).find((t) => t.id === parentId && t.taxonomyId === taxonomy.id) : undefined;
        id = (await this.findOrCreateTerm(state, tx, taxonomy, draft.slug, draft.name, draft.description, parent?.id ?? null, stableId(state.sourceKey, draft.originKey), pending)).id;
      }
    }
    this.record(state, pending, draft.originKey, id ? 'imported' : 'skipped', id, id ? null : this.unmappedReason(state, draft), true);
    return id;
  }
  /** A term named `taxonomy/term-slug` in the mapping, created under that name when missing. */
  private async mergeTarget(state: RunState, tx: Store, target: string, fallbackName: string, pending: Pending): Promise<TermId> {
    const [taxonomySlug = '', termSlug = ''] = target.split('/');
    const taxonomy = state.taxonomies.find((t) => t.slug === taxonomySlug);
    if (!taxonomy) throw new AppError('TAXONOMY_NOT_FOUND', `The mapping names the taxonomy "${taxonomySlug}", which this site does not have.`, { details: { target } });
    const existing = this.allTerms(state, pending).find((t) => t.taxonomyId === taxonomy.id && t.slug === termSlug);
    if (existing) return existing.id;
    return (await this.findOrCreateTerm(state, tx, taxonomy, termSlug, termSlug === slugify(fallbackName) ? fallbackName : termSlug, null, null, stableId(state.sourceKey, `term:${target}`), pending)).id;
  }

  private async findOrCreateTerm(
    state: RunState, tx: Store, taxonomy: Taxonomy, slug: string, name: string, description: string | null, parentId: TermId | null, id: string, pending: Pending,
  ): Promise<Term> {
    const terms = this.allTerms(state, pending).filter((t) => t.taxonomyId === taxonomy.id);
    const cleanName = name.replace(/\s+/g, ' ').trim() || slug;
    const wantedSlug = slugify(slug || cleanName);
    const lower = cleanName.toLowerCase();
    const existing = terms.find((t) => t.slug === wantedSlug) ?? terms.find((t) => t.name.toLowerCase() === lower);
    if (existing) return existing;
    const term: Term = {
      id: id as TermId, taxonomyId: taxonomy.id, parentId, slug: uniqueSlug(wantedSlug, (s) => terms.some((t) => t.slug === s)),
      name: cleanName, description, position: terms.length,
    };
    await tx.taxonomies.insertTerm(term);
    pending.terms.push(term);
    return term;
  }

  private targetTaxonomy(state: RunState, sourceTaxonomy: string): Taxonomy | null {
    const slug = state.mapping.taxonomies[sourceTaxonomy]?.taxonomy;
    if (!slug) return null;
    const taxonomy = state.taxonomies.find((t) => t.slug === slug);
    if (!taxonomy) throw new AppError('TAXONOMY_NOT_FOUND', `The mapping sends "${sourceTaxonomy}" to the taxonomy "${slug}", which this site does not have.`, { details: { slug } });
    return taxonomy;
  }

  private unmappedReason(state: RunState, draft: Pick<SiteTermDraft, 'sourceTaxonomy' | 'slug'>): string {
    return `${draft.sourceTaxonomy}/${draft.slug}` in state.mapping.terms
      ? 'left out by the mapping (terms)'
      : `the mapping sends no taxonomy for "${draft.sourceTaxonomy}"`;
  }

  /** What an author or term of the export became: in this batch, met earlier in the run, or recorded by an earlier run. */
  private async known(state: RunState, tx: Store, pending: Pending, originKey: string): Promise<string | null | undefined> {
    const found = this.knownNow(state, pending, originKey);
    if (found) return found.targetId;
    // Committed by an earlier batch or run, so safe to keep even if this batch rolls back.
    const recorded = (await tx.imports.itemsAmong(state.sourceKey, [originKey])).get(originKey);
    if (recorded) state.refs.set(originKey, recorded);
    return recorded?.targetId;
  }

  /** The checkpoint of an item this batch or an earlier one wrote, if held in memory. */
  private knownNow(state: RunState, pending: Pending, originKey: string): Checkpoint | undefined {
    return pending.done.get(originKey) ?? state.refs.get(originKey);
  }

  private allTerms(state: RunState, pending: Pending): Term[] {
    return pending.terms.length ? [...state.terms, ...pending.terms] : state.terms;
  }

  private commit(state: RunState, pending: Pending): void {
    state.terms.push(...pending.terms);
    for (const [key, value] of pending.refs) state.refs.set(key, value);
    for (const slug of pending.slugs) state.takenSlugs.add(slug);
  }

  /** The item's checkpoint, written with the batch; later items of the batch already see it. */
  private record(state: RunState, pending: Pending, originKey: string, itemState: ImportItem['state'], targetId: string | null, reason: string | null, referred = false): void {
    pending.items.push(this.item(state, originKey, itemState, targetId, reason));
    pending.done.set(originKey, { state: itemState, targetId });
    if (referred) pending.refs.set(originKey, { state: itemState, targetId });
  }

  private item(state: RunState, originKey: string, itemState: ImportItem['state'], targetId: string | null, reason: string | null): ImportItem {
    return { sourceKey: state.sourceKey, originKey, runId: state.run.id, state: itemState, targetId, reason, at: state.now };
  }
}

/**
 * A promise that may be left unawaited when the run stops early (a write failed): its failure,
 * if any, is then not an unhandled rejection; whoever awaits it still gets the error.
 */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** An event's origin key and the label the progress lines show. */
function describe(event: ItemEvent): { originKey: string; label: string } {
  switch (event.type) {
    case 'author': return { originKey: event.author.originKey, label: `author ${event.author.name}` };
    case 'term': return { originKey: event.term.originKey, label: `term ${event.term.name}` };
    case 'article': return { originKey: event.article.originKey, label: `${event.article.postType} "${event.article.title.slice(0, 60)}"` };
    case 'member': return { originKey: event.member.originKey, label: `member ${event.member.email.slice(0, 80)}` };
    default: return { originKey: event.originKey, label: event.label };
  }
}

function syndicationOf(original: SiteArticleDraft['original']): Syndication | null {
  if (!original || (!original.url && !original.publisher)) return null;
  return {
    sourceId: null, originalPublisher: original.publisher, originalUrl: original.url, originalAuthor: original.author, originalPublishedAt: null,
    copyrightHolder: original.publisher, copyrightLine: null, licence: null,
    searchPolicy: original.canonical && original.url ? 'canonical-original' : 'noindex',
  };
}

