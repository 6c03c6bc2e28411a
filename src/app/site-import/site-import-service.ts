import { articlePath, excerptFromText, type Article } from '../../domain/article.js';
import type { Author } from '../../domain/author.js';
import type { Comment, CommentId } from '../../domain/comment.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { ArticleId, AuthorId, IdGenerator, Instant, TaxonomyId, TermId } from '../../domain/ids.js';
import type { ImportItem, ImportRun } from '../../domain/import-run.js';
import { redirectKey, type Redirect } from '../../domain/redirect.js';
import { slugify, slugLookupPrefix, uniqueSlug } from '../../domain/slug.js';
import type { Syndication } from '../../domain/syndication.js';
import type { Taxonomy, Term } from '../../domain/taxonomy.js';
import type { BodyRenderer } from '../body-renderer.js';
import { contentFingerprint } from '../content-fingerprint.js';
import { tags, type ContentEvents } from '../content-events.js';
import type { Clock, Store } from '../ports.js';
import type { SiteArticleDraft, SiteAuthorDraft, SiteImportEvent, SiteMemberDraft, SiteTermDraft } from './site-import-events.js';
import { writeImportedMember } from './site-member-writer.js';
import type { SiteImportMapping } from './site-import-mapping.js';
import { stableId } from './stable-id.js';

/** One export to import. `sourceKey` names the site it came from; `fileHash` tells a resumed run from a new one. */
export interface SiteImportSource {
  format: string;
  sourceKey: string;
  fileHash: string;
  fileName: string;
  events: AsyncIterable<SiteImportEvent>;
  mapping: SiteImportMapping;
}

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

/** In-memory view of what is on the site, loaded once per run and kept in step after each commit. */
interface RunState {
  run: ImportRun;
  sourceKey: string;
  mapping: SiteImportMapping;
  done: Map<string, Pick<ImportItem, 'state' | 'targetId'>>;
  taxonomies: Taxonomy[];
  terms: Term[];
  takenSlugs: Set<string>;
  now: Instant;
}

/** Work one item adds to the in-memory state once its transaction has committed. */
interface Pending { terms: Term[]; done: [string, Pick<ImportItem, 'state' | 'targetId'>][] }

/**
 * Writes a site export (WordPress, Ghost, …) item by item. Each item — with the authors and terms
 * it brings, its comments, its redirects and its checkpoint row — is one transaction, so an import
 * killed at any moment resumes where it stopped, and re-running a finished import changes nothing.
 */
export class SiteImportService {
  constructor(private readonly deps: { store: Store; clock: Clock; newId: IdGenerator; bodies: BodyRenderer; events: ContentEvents }) {}

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
      done: await store.imports.itemsOf(source.sourceKey),
      taxonomies: await store.taxonomies.listTaxonomies(), // after createMappedTaxonomies
      terms: await store.taxonomies.listTerms(),
      takenSlugs: new Set(await store.articles.slugsStartingWith('')),
    };
    const report: SiteImportReport = {
      runId: run.id, resumed: !!unfinished, fatal: null,
      counts: { articles: 0, authors: 0, terms: 0, comments: 0, redirects: 0, members: 0, already: 0, skipped: 0, failed: 0, external: 0 },
    };
    for await (const event of source.events) {
      if (event.type === 'fatal') {
        report.fatal = event.reason;
        break;
      }
      const outcome = await this.handle(state, event, report);
      onItem(outcome);
    }
    const { counts } = report;
    await store.imports.updateRun({ ...run, state: 'finished', finishedAt: clock.now(), summary: { ...counts, fatal: report.fatal ? 1 : 0 } });
    // Everything may have changed: every node drops its cached pages once.
    if (counts.articles + counts.authors + counts.terms > 0) this.deps.events.publish({ tags: [tags.everything] });
    return report;
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

  private async handle(state: RunState, event: Exclude<SiteImportEvent, { type: 'fatal' }>, report: SiteImportReport): Promise<SiteImportItemOutcome> {
    const originKey = event.type === 'author' ? event.author.originKey : event.type === 'term' ? event.term.originKey
      : event.type === 'article' ? event.article.originKey : event.type === 'member' ? event.member.originKey : event.originKey;
    const label = event.type === 'author' ? `author ${event.author.name}` : event.type === 'term' ? `term ${event.term.name}`
      : event.type === 'article' ? `${event.article.postType} "${event.article.title.slice(0, 60)}"`
      : event.type === 'member' ? `member ${event.member.email.slice(0, 80)}` : event.label;
    if (state.done.has(originKey)) {
      report.counts.already++;
      return { originKey, label, state: 'already', reason: null, notes: [] };
    }
    try {
      switch (event.type) {
        case 'skip':
        case 'external': {
          const kind = event.type === 'skip' ? 'skipped' : 'external';
          await this.record(state, this.deps.store, originKey, kind, event.type === 'external' ? event.url : null, event.reason);
          state.done.set(originKey, { state: kind, targetId: null });
          report.counts[event.type === 'skip' ? 'skipped' : 'external']++;
          return { originKey, label, state: kind, reason: event.reason, notes: [] };
        }
        case 'author':
          return await this.importAuthor(state, event.author, report, label);
        case 'term':
          return await this.importTerm(state, event.term, report, label);
        case 'article':
          return await this.importArticle(state, event.article, report, label);
        case 'member':
          return await this.importMember(state, event.member, report, label);
      }
    } catch (error) {
      const reason = isAppError(error) ? error.message : `unexpected error: ${(error as Error).message}`;
      // The item's own transaction rolled back; its failure is recorded on its own so a re-run does not retry it blindly.
      await this.record(state, this.deps.store, originKey, 'failed', null, reason);
      state.done.set(originKey, { state: 'failed', targetId: null });
      report.counts.failed++;
      return { originKey, label, state: 'failed', reason, notes: [] };
    }
  }

  private async importAuthor(state: RunState, draft: SiteAuthorDraft, report: SiteImportReport, label: string): Promise<SiteImportItemOutcome> {
    const pending: Pending = { terms: [], done: [] };
    await this.deps.store.transaction((tx) => this.authorId(state, tx, draft.originKey, draft.handle, draft.name, pending));
    this.commit(state, pending);
    report.counts.authors++;
    return { originKey: draft.originKey, label, state: 'imported', reason: null, notes: draft.problems };
  }

  private async importTerm(state: RunState, draft: SiteTermDraft, report: SiteImportReport, label: string): Promise<SiteImportItemOutcome> {
    const pending: Pending = { terms: [], done: [] };
    const id = await this.deps.store.transaction((tx) => this.termId(state, tx, draft, pending));
    this.commit(state, pending);
    if (!id) {
      report.counts.skipped++;
      return { originKey: draft.originKey, label, state: 'skipped', reason: this.unmappedReason(state, draft), notes: [] };
    }
    report.counts.terms++;
    return { originKey: draft.originKey, label, state: 'imported', reason: null, notes: draft.problems };
  }

  private async importArticle(state: RunState, draft: SiteArticleDraft, report: SiteImportReport, label: string): Promise<SiteImportItemOutcome> {
    const { store, bodies } = this.deps;
    if (state.mapping.postTypes[draft.postType] !== 'article') {
      const reason = draft.postType in state.mapping.postTypes
        ? `post type "${draft.postType}" is set to skip in the mapping`
        : `unknown post type "${draft.postType}"; map it to "article" under postTypes in the mapping file to import it`;
      await this.record(state, store, draft.originKey, 'skipped', null, reason);
      state.done.set(draft.originKey, { state: 'skipped', targetId: null });
      report.counts.skipped++;
      return { originKey: draft.originKey, label, state: 'skipped', reason, notes: [] };
    }
    // Everything that needs no database happens before the transaction opens.
    const bodyHtml = bodies.toSafeHtml(draft.bodyHtml, 'html');
    const plain = bodies.toPlainText(bodyHtml);
    const notes = [...draft.notes, ...draft.problems];
    let title = bodies.toPlainText(bodies.sanitize(draft.title)).replace(/\s+/g, ' ').trim();
    if (!title) {
      title = excerptFromText(plain, 60) || 'Untitled';
      notes.push(`it had no title; "${title}" was used`);
    }
    const slug = uniqueSlug(slugify(draft.slug || title), (s) => state.takenSlugs.has(s));
    let status = draft.status;
    let publishedAt = draft.publishedAt;
    if (status === 'published' && !publishedAt) publishedAt = state.now;
    if (status === 'published' && publishedAt && publishedAt > state.now) status = 'scheduled';
    if (status === 'scheduled' && !publishedAt) status = 'draft';
    const createdAt = draft.createdAt ?? publishedAt ?? state.now;
    const id = stableId(state.sourceKey, draft.originKey) as ArticleId;
    const pending: Pending = { terms: [], done: [] };
    const counts = await store.transaction(async (tx) => {
      const authorIds: AuthorId[] = [];
      for (const a of draft.authors) {
        const authorId = await this.authorId(state, tx, a.originKey, a.handle, a.name, pending);
        if (!authorIds.includes(authorId)) authorIds.push(authorId);
      }
      const termIds: TermId[] = [];
      for (const t of draft.terms) {
        const termId = await this.termId(state, tx, { ...t, parentKey: null, description: null, problems: [] }, pending);
        if (termId && !termIds.includes(termId)) termIds.push(termId);
      }
      if (draft.sticky && state.mapping.sticky) {
        const { taxonomy, term } = state.mapping.sticky;
        const termId = await this.mergeTarget(state, tx, `${taxonomy}/${slugify(term)}`, term, pending);
        if (termId && !termIds.includes(termId)) termIds.push(termId);
      }
      const article: Article = {
        id, slug, title, standfirst: null, bodySource: bodyHtml, bodyFormat: 'html', bodyHtml,
        excerpt: draft.excerpt?.trim() ? excerptFromText(bodies.toPlainText(bodies.sanitize(draft.excerpt))) : excerptFromText(plain),
        language: draft.language || 'en', status, publishedAt, createdAt, updatedAt: draft.updatedAt ?? createdAt,
        authorIds, termIds, featureImage: draft.featureImage ? { ...draft.featureImage, credit: null } : null,
        syndication: syndicationOf(draft.original), origin: 'import', inboxState: null, contentHash: contentFingerprint(title, plain),
      };
      await tx.articles.insert(article);
      const comments: Comment[] = draft.comments.map((c) => ({
        id: stableId(state.sourceKey, c.originKey) as CommentId, articleId: id,
        parentId: c.parentKey ? (stableId(state.sourceKey, c.parentKey) as CommentId) : null, kind: c.kind,
        authorName: c.authorName.trim() || 'Anonymous', authorEmail: c.authorEmail || null, authorUrl: c.authorUrl || null,
        bodyHtml: bodies.sanitize(c.bodyHtml), status: c.status, createdAt: c.createdAt ?? createdAt, originKey: c.originKey,
      }));
      await tx.comments.insertMany(comments);
      const to = articlePath(article);
      const redirects: Redirect[] = [...new Set(draft.oldPaths.map(redirectKey))]
        .filter((from) => from !== to)
        .map((fromPath) => ({ fromPath, toPath: to, kind: 'import', createdAt }));
      const stored = await tx.redirects.insertMissing(redirects);
      await this.record(state, tx, draft.originKey, 'imported', id, notes.length ? notes.join('; ') : null);
      return { comments: comments.length, redirects: stored };
    });
    this.commit(state, pending);
    state.takenSlugs.add(slug);
    state.done.set(draft.originKey, { state: 'imported', targetId: id });
    report.counts.articles++;
    report.counts.comments += counts.comments;
    report.counts.redirects += counts.redirects;
    return { originKey: draft.originKey, label, state: 'imported', reason: null, notes };
  }

  private async importMember(state: RunState, draft: SiteMemberDraft, report: SiteImportReport, label: string): Promise<SiteImportItemOutcome> {
    const written = await this.deps.store.transaction(async (tx) => {
      const result = await writeImportedMember(tx, state.sourceKey, draft, state.now);
      await this.record(state, tx, draft.originKey, result.state, result.state === 'imported' ? result.memberId : null, result.state === 'skipped' ? result.reason : null);
      return result;
    });
    state.done.set(draft.originKey, { state: written.state, targetId: written.state === 'imported' ? written.memberId : null });
    report.counts[written.state === 'imported' ? 'members' : 'skipped']++;
    return { originKey: draft.originKey, label, state: written.state, reason: written.state === 'skipped' ? written.reason : null, notes: [] };
  }

  /** The site author for an export author: known from this or an earlier run, an existing author of that name, or a new one. */
  private async authorId(state: RunState, tx: Store, originKey: string, handle: string, name: string, pending: Pending): Promise<AuthorId> {
    const known = this.known(state, pending, originKey);
    if (known) return known as AuthorId;
    const wanted = (state.mapping.authors[handle] ?? name).replace(/\s+/g, ' ').trim() || handle || 'Unknown author';
    let author: Author | null = await tx.authors.findByName(wanted);
    if (!author) {
      const base = slugify(wanted);
      const taken = new Set(await tx.authors.slugsStartingWith(slugLookupPrefix(base)));
      author = { id: stableId(state.sourceKey, originKey) as AuthorId, slug: uniqueSlug(base, (s) => taken.has(s)), name: wanted, bio: null, url: null, avatarUrl: null, links: [] };
      await tx.authors.insert(author);
    }
    await this.record(state, tx, originKey, 'imported', author.id, null);
    pending.done.push([originKey, { state: 'imported', targetId: author.id }]);
    return author.id;
  }

  /** The site term for an export term, following the mapping; null when the mapping leaves it out. */
  private async termId(state: RunState, tx: Store, draft: SiteTermDraft, pending: Pending): Promise<TermId | null> {
    const known = this.known(state, pending, draft.originKey);
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
        const parentId = draft.parentKey ? this.known(state, pending, draft.parentKey) ?? null : null;
        const parent = parentId ? this.allTerms(state, pending).find((t) => t.id === parentId && t.taxonomyId === taxonomy.id) : undefined;
        id = (await this.findOrCreateTerm(state, tx, taxonomy, draft.slug, draft.name, draft.description, parent?.id ?? null, stableId(state.sourceKey, draft.originKey), pending)).id;
      }
    }
    await this.record(state, tx, draft.originKey, id ? 'imported' : 'skipped', id, id ? null : this.unmappedReason(state, draft));
    pending.done.push([draft.originKey, { state: id ? 'imported' : 'skipped', targetId: id }]);
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

  private known(state: RunState, pending: Pending, originKey: string): string | null | undefined {
    const local = pending.done.find(([key]) => key === originKey);
    if (local) return local[1].targetId;
    const done = state.done.get(originKey);
    return done ? done.targetId : undefined;
  }

  private allTerms(state: RunState, pending: Pending): Term[] {
    return pending.terms.length ? [...state.terms, ...pending.terms] : state.terms;
  }

  private commit(state: RunState, pending: Pending): void {
    state.terms.push(...pending.terms);
    for (const [key, value] of pending.done) state.done.set(key, value);
  }

  private record(state: RunState, store: Store, originKey: string, itemState: ImportItem['state'], targetId: string | null, reason: string | null): Promise<void> {
    return store.imports.recordItem({ sourceKey: state.sourceKey, originKey, runId: state.run.id, state: itemState, targetId, reason, at: state.now });
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

