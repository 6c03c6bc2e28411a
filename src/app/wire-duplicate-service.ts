import type { Article, InboxState } from '../domain/article.js';
import { AppError } from '../domain/errors.js';
import type { ArticleId } from '../domain/ids.js';
import {
  decodeSignature, encodeSignature, fingerprintText, similarity, type TextFingerprint,
} from '../intelligence/duplicates/index.js';
import type { BodyRenderer } from './body-renderer.js';
import { bodyFingerprint } from './content-fingerprint.js';
import type { Clock, Store, StoredFingerprint } from './ports.js';

/** Bodies shorter than this (flashes, one-line briefs) are too alike by form to call duplicates by text. */
export const MIN_WORDS_FOR_DUPLICATES = 20;
/** Candidates compared per look-up, most shared keys first; true duplicates share many keys. */
const CANDIDATE_LIMIT = 50;
/**
 * Copies named per match list. A story every agency sent (or boilerplate shared by a whole
 * archive) can verify against all 50 candidates; loading each whole article cost ~30 ms per
 * import, while an editor reads only the closest few.
 */
const SHOWN_LIMIT = 5;

/** A stored story found to tell the same story as the one asked about. */
export interface DuplicateMatch {
  articleId: ArticleId;
  title: string;
  /** The original publisher (or source) of that copy, when known. */
  source: string | null;
  jaccard: number;
  containment: number;
  clusterId: string;
}

/** An inbox item with the other copies of its story from other sources. */
export interface InboxListingItem {
  article: Article;
  clusterId: string | null;
  alsoFrom: { articleId: ArticleId; source: string; title: string }[];
}

const wordCount = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * Wire duplicates across incoming items and the archive: every stored article gets a MinHash
 * fingerprint with LSH look-up keys (intelligence/duplicates); a new one joins the cluster of the
 * stored story it nearly duplicates. An exact duplicate (same normalised body) is found before
 * storing, so ingest can skip it.
 */
export class WireDuplicateService {
  constructor(private readonly deps: { store: Store; clock: Clock; bodies: BodyRenderer }) {}

  /** The stored article with exactly this body text (normalised), if any. */
  async findExactBody(plainText: string, store: Store = this.deps.store): Promise<ArticleId | null> {
    if (wordCount(plainText) < MIN_WORDS_FOR_DUPLICATES) return null;
    return (await store.fingerprints.findByBodyHash(bodyFingerprint(plainText)))?.articleId ?? null;
  }

  /** Fingerprints a stored article and files it in the cluster of its nearest stored duplicate (or its own). */
  async record(article: Pick<Article, 'id' | 'bodyHtml'>, store: Store = this.deps.store): Promise<{ clusterId: string; duplicates: DuplicateMatch[] }> {
    const text = this.deps.bodies.toPlainText(article.bodyHtml);
    const fingerprint = fingerprintText(text);
    const duplicates = wordCount(text) >= MIN_WORDS_FOR_DUPLICATES ? (await this.matches(fingerprint, store)).filter((m) => m.articleId !== article.id) : [];
    const clusterId = duplicates[0]?.clusterId ?? article.id;
    await store.fingerprints.put({
      articleId: article.id, bodyHash: bodyFingerprint(text), signature: encodeSignature(fingerprint.signature), shingles: fingerprint.shingles,
      clusterId, createdAt: this.deps.clock.now(),
    }, fingerprint.bandKeys);
    return { clusterId, duplicates };
  }

  /** Whether the article's stored fingerprint is of its current body (so recording it again would change nothing). */
  async isRecorded(article: Pick<Article, 'id' | 'bodyHtml'>, store: Store = this.deps.store): Promise<boolean> {
    const stored = await store.fingerprints.get(article.id);
    return stored?.bodyHash === bodyFingerprint(this.deps.bodies.toPlainText(article.bodyHtml));
  }

  /** Stored stories that nearly duplicate an article (by id) or a text, most similar first. */
  async findDuplicates(target: ArticleId | { text: string }): Promise<DuplicateMatch[]> {
    const { store, bodies } = this.deps;
    if (typeof target === 'object') return wordCount(target.text) >= MIN_WORDS_FOR_DUPLICATES ? this.matches(fingerprintText(target.text), store) : [];
    const article = await store.articles.getById(target);
    if (!article) throw new AppError('ARTICLE_NOT_FOUND', `There is no article "${target}".`, { details: { id: target } });
    const text = bodies.toPlainText(article.bodyHtml);
    if (wordCount(text) < MIN_WORDS_FOR_DUPLICATES) return [];
    return (await this.matches(fingerprintText(text), store)).filter((m) => m.articleId !== article.id);
  }

  /** Fingerprints up to `limit` articles stored before fingerprints existed; returns how many. */
  async backfill(limit = 1000): Promise<number> {
    const ids = await this.deps.store.fingerprints.listUnfingerprinted(limit);
    for (const id of ids) {
      const article = await this.deps.store.articles.getById(id);
      if (article) await this.record(article);
    }
    return ids.length;
  }

  /** The inbox, each item with the sources that sent the same story ("also from …"). */
  async listInbox(state: InboxState, page: { offset: number; limit: number }): Promise<InboxListingItem[]> {
    const articles = await this.deps.store.articles.listInbox(state, page);
    const clusters = await this.alsoFromFor(articles);
    return articles.map((article) => ({ article, ...(clusters.get(article.id) ?? { clusterId: null, alsoFrom: [] }) }));
  }

  /**
   * For each article, its stored cluster and the other sources in it (one copy per source), read
   * from the fingerprints stored at import: nothing is analysed. Each cluster is read once.
   */
  async alsoFromFor(articles: readonly Article[]): Promise<Map<ArticleId, Pick<InboxListingItem, 'clusterId' | 'alsoFrom'>>> {
    const { store } = this.deps;
    const fingerprints = new Map((await store.fingerprints.listForArticles(articles.map((a) => a.id))).map((f) => [f.articleId, f]));
    const clusters = new Map<string, Article[]>();
    const loaded = new Map<ArticleId, Article | null>(articles.map((a) => [a.id, a]));
    const load = async (id: ArticleId) => {
      if (!loaded.has(id)) loaded.set(id, await store.articles.getById(id));
      return loaded.get(id) ?? null;
    };
    const out = new Map<ArticleId, Pick<InboxListingItem, 'clusterId' | 'alsoFrom'>>();
    for (const article of articles) {
      const clusterId = fingerprints.get(article.id)?.clusterId ?? null;
      if (clusterId && !clusters.has(clusterId)) {
        const members: Article[] = [];
        for (const member of await store.fingerprints.listCluster(clusterId)) {
          const other = await load(member.articleId);
          if (other) members.push(other);
        }
        clusters.set(clusterId, members);
      }
      const alsoFrom: InboxListingItem['alsoFrom'] = [];
      const own = sourceOf(article);
      for (const other of clusterId ? clusters.get(clusterId)! : []) {
        const source = sourceOf(other);
        if (other.id !== article.id && source && source !== own && !alsoFrom.some((a) => a.source === source)) alsoFrom.push({ articleId: other.id, source, title: other.title });
      }
      out.set(article.id, { clusterId, alsoFrom });
    }
    return out;
  }

  private async matches(fingerprint: TextFingerprint, store: Store): Promise<DuplicateMatch[]> {
    const candidates = await store.fingerprints.findByLookupKeys(fingerprint.bandKeys, CANDIDATE_LIMIT);
    const verified: { stored: StoredFingerprint; jaccard: number; containment: number }[] = [];
    for (const stored of candidates) {
      const signature = decodeSignature(stored.signature);
      if (!signature || stored.shingles < 1) continue;
      const result = similarity(fingerprint, { signature, shingles: stored.shingles });
      if (result.nearDuplicate) verified.push({ stored, jaccard: result.jaccard, containment: result.containment });
    }
    verified.sort((a, b) => b.jaccard - a.jaccard || b.containment - a.containment);
    const out: DuplicateMatch[] = [];
    for (const v of verified) {
      if (out.length >= SHOWN_LIMIT) break;
      const article = await store.articles.getById(v.stored.articleId);
      if (!article) continue;
      out.push({ articleId: article.id, title: article.title, source: sourceOf(article), jaccard: v.jaccard, containment: v.containment, clusterId: v.stored.clusterId });
    }
    return out;
  }
}

function sourceOf(article: Pick<Article, 'syndication'>): string | null {
  return article.syndication?.originalPublisher ?? null;
}

