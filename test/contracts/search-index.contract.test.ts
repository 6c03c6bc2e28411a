import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../../src/app/system-clock.js';
import type { SearchQuery, Store } from '../../src/app/ports.js';
import type { Article } from '../../src/domain/article.js';
import type { Author } from '../../src/domain/author.js';
import type { Source } from '../../src/domain/source.js';
import type { Taxonomy, Term } from '../../src/domain/taxonomy.js';
import { searchCountBound } from '../../src/search/kysely-search-index.js';
import { fullTextEngineFor } from '../../src/search/search-index-factory.js';
import { KyselyStore } from '../../src/storage/kysely-store.js';
import { searchMigration } from '../../src/storage/migrations/0003-search.js';
import { searchByPublicationMigration } from '../../src/storage/migrations/0016-search-by-publication.js';
import { searchStemsTableMigration } from '../../src/storage/migrations/0018-search-stems-table.js';
import { searchCardsMigration } from '../../src/storage/migrations/0019-search-cards.js';
import { searchTitleStemsMigration } from '../../src/storage/migrations/0020-search-title-stems.js';
import { searchWordsMigration } from '../../src/storage/migrations/0021-search-words.js';
import { MAX_PREFIX_WORDS, prefixWordsOf } from '../../src/search/sqlite-search-index.js';
import { testDatabases } from '../support/databases.js';
import { at, makeArticle, testId, type AuthorId, type Slug, type SourceId, type TaxonomyId, type TermId } from '../support/fixtures.js';

const hostileQueries = [
  '"', '""', '"""', '*', '**', 'a*', '* *', 'NEAR(', 'NEAR(a b, 2)', 'AND OR NOT', 'NOT', '-', '^', ':', '{', '}', '()', '(((',
  "'); DROP TABLE articles; --", "'", "''", '\\', '\\\\\'', 'title:x', '{title}: x', 'x:*', '!x & y | z', '<->', 'a <-> b',
  '\u0000', '\uE000\uE001', '\u0301', '😀', '🇫🇷', 'ﷺ', '\u202e', 'null', 'undefined', '%', '_', '%_%', '$1', '?', ';',
  'x'.repeat(10_000), 'word '.repeat(2_000), '"'.repeat(1000), '*'.repeat(1000), 'a'.repeat(65), `${'ab* '.repeat(300)}`,
];

for (const testDb of testDatabases) {
  describe(`SearchIndex contract on ${testDb.dialect}`, () => {
    let db: Awaited<ReturnType<typeof testDb.open>>;
    let store: Store;
    const now = at('2026-06-01T12:00:00Z');
    const clock = fixedClock(now);

    const region: Taxonomy = { id: testId() as TaxonomyId, slug: 'region' as Slug, name: 'Region', pluralName: 'Regions', description: null, position: 0 };
    const theme: Taxonomy = { id: testId() as TaxonomyId, slug: 'theme' as Slug, name: 'Theme', pluralName: 'Themes', description: null, position: 1 };
    const term = (taxonomy: Taxonomy, slug: string, parentId: TermId | null = null): Term =>
      ({ id: testId() as TermId, taxonomyId: taxonomy.id, parentId, slug: slug as Slug, name: slug, description: null, position: 0 });
    const europe = term(region, 'europe');
    const france = term(region, 'france', europe.id);
    const asia = term(region, 'asia');
    const energy = term(theme, 'energy');
    const author: Author = { id: testId() as AuthorId, slug: 'ana' as Slug, name: 'Ana', bio: null, url: null, avatarUrl: null, links: [] };
    const otherAuthor: Author = { id: testId() as AuthorId, slug: 'bo' as Slug, name: 'Bo', bio: null, url: null, avatarUrl: null, links: [] };
    const source: Source = {
      id: testId() as SourceId, slug: 'wire' as Slug, name: 'Wire', url: null, defaultCopyrightLine: null, defaultLicence: null, defaultSearchPolicy: 'noindex',
    };

    const search = (text: string, extra: Partial<SearchQuery> = {}) => store.search.search({ text, now, offset: 0, limit: 50, ...extra });
    const slugsFor = async (text: string, extra: Partial<SearchQuery> = {}) => (await search(text, extra)).hits.map((h): string => h.article.slug);
    const add = async (overrides: Partial<Article>): Promise<Article> => {
      const article = makeArticle(overrides);
      await store.articles.insert(article);
      return article;
    };
    const body = (text: string) => ({ bodySource: text, bodyHtml: `<p>${text}</p>` });

    before(async () => {
      db = await testDb.open();
      store = new KyselyStore(db.db, clock, { capabilities: db.capabilities });
      await store.taxonomies.insertTaxonomy(region);
      await store.taxonomies.insertTaxonomy(theme);
      for (const t of [europe, france, asia, energy]) await store.taxonomies.insertTerm(t);
      await store.authors.insert(author);
      await store.authors.insert(otherAuthor);
      await store.sources.insert(source);
    });
    after(async () => db?.dispose());

    it('ranks a title match above a standfirst match above a body-only match', async () => {
      await add({ slug: 'rank-body' as Slug, title: 'Harbour news', ...body('The zephyrite pipeline was discussed. Zephyrite again.'), publishedAt: at('2026-05-03T00:00:00Z') });
      await add({ slug: 'rank-title' as Slug, title: 'Zephyrite pipeline talks resume', ...body('Nothing to add.'), publishedAt: at('2026-05-01T00:00:00Z') });
      await add({ slug: 'rank-standfirst' as Slug, title: 'Port update', standfirst: 'Zephyrite shipments resume', ...body('No more.'), publishedAt: at('2026-05-02T00:00:00Z') });
      const results = await search('zephyrite');
      assert.equal(results.total, 3);
      assert.deepEqual(results.hits.map((h) => h.article.slug), ['rank-title', 'rank-standfirst', 'rank-body']);
      assert.ok(results.hits[0]!.score > results.hits[1]!.score && results.hits[1]!.score > results.hits[2]!.score);
    });

    it('requires every loose word, in any order, but a "phrase" only as written', async () => {
      await add({ slug: 'phrase-exact' as Slug, title: 'Levy plan', ...body('A quorvex border tax was proposed.') });
      await add({ slug: 'phrase-apart' as Slug, title: 'Levy plan', ...body('The tax on quorvex at the border.') });
      await add({ slug: 'phrase-partial' as Slug, title: 'Levy plan', ...body('Quorvex tax only.') });
      assert.deepEqual((await slugsFor('quorvex border tax')).sort(), ['phrase-apart', 'phrase-exact']);
      assert.deepEqual(await slugsFor('"quorvex border tax"'), ['phrase-exact']);
      assert.deepEqual(await slugsFor('"border quorvex tax"'), []);
    });

    it('finds words by prefix*', async () => {
      await add({ slug: 'prefix-1' as Slug, title: 'Vantoriumite mining permits' });
      await add({ slug: 'prefix-2' as Slug, title: 'Vantorium prices' });
      await add({ slug: 'prefix-3' as Slug, title: 'Vantage point' });
      assert.deepEqual((await slugsFor('vantori*')).sort(), ['prefix-1', 'prefix-2']);
      // PostgreSQL stems the prefix too (French reads vantoriumit as vantorium), so a long prefix may also find shorter words.
      const long = await slugsFor('VANTORIUMIT*');
      assert.ok(long.includes('prefix-1') && !long.includes('prefix-3'), long.join());
    });

    it('reads a prefix* as the indexed words it begins: the articles FTS5\'s own prefix query finds, however they were written', async () => {
      await add({ slug: 'vocab-one' as Slug, title: 'Kestrelwick harbour', ...body('Kestrelwickers met at dawn.') });
      const batch = Array.from({ length: 30 }, (_, i) => makeArticle({
        slug: `vocab-bulk-${i}` as Slug, title: `Report ${i}`, ...body(`The kestrelwi${'x'.repeat(i % 4)}${i} grant, and kestrel${i} too.`),
        status: i % 10 === 9 ? 'draft' : 'published',
      }));
      await store.transaction((tx) => tx.articles.insertMany(batch.map((article) => ({ article }))));
      const edited = await add({ slug: 'vocab-edit' as Slug, title: 'Nothing yet' });
      await store.articles.update({ ...edited, title: 'Kestrelwickshire at last' });
      const visible = (id: string) => batch.find((a) => a.id === id)?.status !== 'draft';

      assert.deepEqual((await slugsFor('kestrelwick*')).sort(), ['vocab-edit', 'vocab-one']);
      assert.equal((await search('kestrelwi*')).total, 2 + 27);
      assert.equal((await search('kestrel*')).total, 2 + 27);
      assert.equal((await search('kestrelwix*')).total, 30 - 8 - 3, 'every bulk article but the eight with no x and the three drafts');
      assert.deepEqual(await slugsFor('kestrelwiq*'), [], 'no indexed word begins so');
      assert.deepEqual((await slugsFor('kestrel* harbour')), ['vocab-one']);
      assert.deepEqual((await slugsFor('"at last" kestrelwicks*')), ['vocab-edit']);
      if (db.capabilities.fullText !== 'fts5') return;
      const native = async (prefix: string) => (await sql<{ article_id: string }>`SELECT d.article_id FROM article_search_fts f
        CROSS JOIN article_search_docs d ON d.doc_id = f.rowid WHERE article_search_fts MATCH ${`{title standfirst body} : ("${prefix}" *)`}`.execute(db.db))
        .rows.map((r) => r.article_id).filter(visible).sort();
      const ids = async (text: string) => (await search(text, { limit: 100 })).hits.map((h): string => h.article.id).sort();
      for (const prefix of ['kestrel', 'kestrelwi', 'kestrelwick', 'kestrelwix', 'kestrelwixx', 'kes', 'ha', 'no']) {
        assert.deepEqual(await ids(`${prefix}*`), await native(prefix), prefix);
      }
    });

    it('answers a prefix* that begins more words than it expands with FTS5\'s own prefix query', async () => {
      const many = Array.from({ length: MAX_PREFIX_WORDS + 5 }, (_, i) => `zqvorn${i.toString(36)}`);
      await add({ slug: 'many-words' as Slug, title: 'Word list', ...body(many.join(' ')) });
      await add({ slug: 'few-words' as Slug, title: 'Zqvornelle', ...body('A zqvornette.') });
      assert.deepEqual((await slugsFor('zqvorn*')).sort(), ['few-words', 'many-words']);
      assert.deepEqual((await slugsFor('zqvorne*')).sort(), ['few-words', 'many-words']);
      assert.deepEqual(await slugsFor('zqvornel*'), ['few-words']);
      if (db.capabilities.fullText !== 'fts5') return;
      assert.equal(await prefixWordsOf(db.db, 'zqvorn'), null, 'more words than MAX_PREFIX_WORDS: not expanded');
      assert.deepEqual(await prefixWordsOf(db.db, 'zqvornel'), ['zqvornelle']);
    });

    it('finds other forms of an English word through its stem', async () => {
      await add({ slug: 'stem-en' as Slug, title: 'Drelbax missiles tested', ...body('Officials were testing drelbax launchers.') });
      assert.deepEqual(await slugsFor('drelbax missile'), ['stem-en']);
      assert.deepEqual(await slugsFor('drelbax tests launcher'), ['stem-en']);
      assert.deepEqual(await slugsFor('"drelbax missiles"'), ['stem-en']);
    });

    it('filters by terms (any of), by several taxonomies (all of), author, source and date range', async () => {
      const common = { ...body('The kelmorath report.') };
      const a = await add({ slug: 'f-france' as Slug, title: 'Kelmorath in France', termIds: [france.id, energy.id], authorIds: [author.id], publishedAt: at('2026-03-10T12:00:00Z'), ...common });
      const b = await add({ slug: 'f-asia' as Slug, title: 'Kelmorath in Asia', termIds: [asia.id], authorIds: [otherAuthor.id], publishedAt: at('2026-04-10T12:00:00Z'), ...common,
        syndication: { sourceId: source.id, originalPublisher: 'Wire', originalUrl: null, originalAuthor: null, originalPublishedAt: null, copyrightHolder: null, copyrightLine: null, licence: null, searchPolicy: 'noindex' } });
      const c = await add({ slug: 'f-europe' as Slug, title: 'Kelmorath in Europe', termIds: [europe.id], authorIds: [author.id, otherAuthor.id], publishedAt: at('2026-05-10T12:00:00Z'), ...common });
      const sorted = async (extra: Partial<SearchQuery>) => (await slugsFor('kelmorath', extra)).sort();
      assert.deepEqual(await sorted({}), [a.slug, b.slug, c.slug].sort());
      assert.deepEqual(await sorted({ termIds: [europe.id, france.id] }), ['f-europe', 'f-france']);
      assert.deepEqual(await sorted({ termIds: [] }), []);
      assert.deepEqual(await sorted({ termIds: [europe.id, france.id], termGroups: [[energy.id]] }), ['f-france']);
      assert.deepEqual(await sorted({ termGroups: [[europe.id, france.id], [asia.id]] }), []);
      assert.deepEqual(await sorted({ authorId: author.id }), ['f-europe', 'f-france']);
      assert.deepEqual(await sorted({ authorId: otherAuthor.id, termIds: [europe.id] }), ['f-europe']);
      assert.deepEqual(await sorted({ sourceId: source.id }), ['f-asia']);
      assert.deepEqual(await sorted({ from: at('2026-04-01T00:00:00Z') }), ['f-asia', 'f-europe']);
      assert.deepEqual(await sorted({ to: at('2026-04-10T12:00:00Z') }), ['f-asia', 'f-france'], 'the upper bound is inclusive');
      assert.deepEqual(await sorted({ from: at('2026-04-01T00:00:00Z'), to: at('2026-04-30T23:59:59.999Z') }), ['f-asia']);
      assert.equal((await search('kelmorath', { authorId: author.id })).total, 2);
    });

    it('finds only visible articles: not drafts, scheduled, archived or future-dated ones', async () => {
      await add({ slug: 'vis-published' as Slug, title: 'Orvandel visible' });
      await add({ slug: 'vis-draft' as Slug, title: 'Orvandel draft', status: 'draft', publishedAt: null });
      await add({ slug: 'vis-scheduled' as Slug, title: 'Orvandel scheduled', status: 'scheduled', publishedAt: at('2026-07-01T00:00:00Z') });
      await add({ slug: 'vis-future' as Slug, title: 'Orvandel future', status: 'published', publishedAt: at('2026-06-01T12:00:01Z') });
      await add({ slug: 'vis-archived' as Slug, title: 'Orvandel archived', status: 'archived' });
      assert.deepEqual(await slugsFor('orvandel'), ['vis-published']);
      assert.deepEqual((await slugsFor('orvandel', { now: at('2027-01-01T00:00:00Z') })).sort(), ['vis-future', 'vis-published'], 'scheduled stays hidden until it is published');
      assert.equal((await search('orvandel', { now: at('2026-06-01T12:00:01Z') })).total, 2, 'a future-dated article appears when its time comes');
    });

    it('reindexes on update: old words are gone, new ones found, and unpublishing hides it', async () => {
      const article = await add({ slug: 'upd' as Slug, title: 'Fennowick harvest', ...body('Plenty of grelvin.') });
      assert.deepEqual(await slugsFor('fennowick'), ['upd']);
      await store.articles.update({ ...article, title: 'Marrowdale harvest', ...body('Plenty of trastine.') });
      assert.deepEqual(await slugsFor('fennowick'), []);
      assert.deepEqual(await slugsFor('grelvin'), []);
      assert.deepEqual(await slugsFor('marrowdale trastine'), ['upd']);
      await store.articles.update({ ...article, title: 'Marrowdale harvest', status: 'draft' });
      assert.deepEqual(await slugsFor('marrowdale'), []);
    });

    it('removes a deleted article, and a rolled-back write leaves the index as it was', async () => {
      const article = await add({ slug: 'del' as Slug, title: 'Quillborne dispatch' });
      assert.equal((await search('quillborne')).total, 1);
      await store.articles.delete(article.id);
      assert.equal((await search('quillborne')).total, 0);
      await assert.rejects(store.transaction(async (tx) => {
        await tx.articles.insert(makeArticle({ slug: 'rolled-back' as Slug, title: 'Quillborne again' }));
        assert.equal((await tx.search.search({ text: 'quillborne', now, offset: 0, limit: 10 })).total, 1, 'visible inside the transaction');
        throw new Error('boom');
      }), /boom/);
      assert.equal((await search('quillborne')).total, 0);
    });

    it('stems and tokenises Russian (ракета finds ракеты, ракетой) and reads ё as е', async () => {
      await add({ slug: 'ru-1' as Slug, language: 'ru', title: 'Ракеты летят над Зеленоградом', ...body('Новая ёлка стоит на площади. Запуск ракетой-носителем.') });
      assert.deepEqual(await slugsFor('ракета'), ['ru-1']);
      assert.deepEqual(await slugsFor('ракетой зеленоград'), ['ru-1']);
      assert.deepEqual(await slugsFor('елка'), ['ru-1']);
      assert.deepEqual(await slugsFor('Ёлку'), ['ru-1']);
      const [hit] = (await search('ракета')).hits;
      assert.equal(hit!.titleHtml, '<mark>Ракеты</mark> летят над Зеленоградом');
    });

    it('finds French and German words without their accents, and accented words without the accents typed', async () => {
      await add({ slug: 'fr-1' as Slug, language: 'fr', title: "L'école de Montbéliard est fermée", ...body('Les élèves sont rentrés.') });
      await add({ slug: 'de-1' as Slug, language: 'de', title: 'Die Straße nach Görlitz', ...body('Neue Häuser am Fluss.') });
      assert.deepEqual(await slugsFor('ecole'), ['fr-1']);
      assert.deepEqual(await slugsFor('ÉCOLES'), ['fr-1']);
      assert.deepEqual(await slugsFor('montbeliard eleves'), ['fr-1']);
      assert.deepEqual(await slugsFor('strasse gorlitz'), ['de-1']);
      assert.deepEqual(await slugsFor('Straße'), ['de-1']);
      assert.deepEqual(await slugsFor('hauser'), ['de-1']);
      assert.equal((await search('ecole')).hits[0]!.titleHtml, 'L&#39;<mark>école</mark> de Montbéliard est fermée');
    });

    it('escapes the title and snippet, marking only the matched words', async () => {
      await add({ slug: 'xss' as Slug, title: '<script>alert("x")</script> Sparrowgate report', ...body('It said &lt;img onerror=x&gt; then sparrowgate twice: Sparrowgate.') });
      const [hit] = (await search('sparrowgate')).hits;
      assert.equal(hit!.titleHtml, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Sparrowgate</mark> report');
      assert.equal(hit!.snippetHtml, 'It said &lt;img onerror=x&gt; then <mark>sparrowgate</mark> twice: <mark>Sparrowgate</mark>.');
      for (const html of [hit!.titleHtml, hit!.snippetHtml]) {
        assert.deepEqual([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]).filter((t) => t !== 'mark'), []);
      }
    });

    it('answers hostile and nonsense queries without throwing; stop words alone find nothing', async () => {
      await add({ slug: 'hostile-target' as Slug, title: 'The near drop table and articles', ...body('Null undefined and the rest.') });
      for (const q of hostileQueries) {
        const result = await search(q);
        assert.ok(result.total >= 0 && Array.isArray(result.hits), JSON.stringify(q.slice(0, 40)));
      }
      let seed = 11;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const alphabet = '"\'*():^{}-+\\;%_ aéяß<>&|!NEAROTD\uE000\u0301😀';
      for (let i = 0; i < 150; i++) {
        const q = Array.from({ length: 1 + Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
        await search(q);
      }
      assert.equal((await search('the and of')).total, 0);
      assert.equal((await search('AND OR NOT')).total, 0);
      assert.deepEqual(await slugsFor("'); DROP TABLE articles; --"), ['hostile-target']);
      assert.deepEqual(await slugsFor('NEAR('), ['hostile-target']);
    });

    it('pages through results with a stable order and the full total', async () => {
      for (let i = 0; i < 25; i++) {
        await add({ slug: `page-${i}` as Slug, title: `Brindlemoor item ${i}`, publishedAt: at(`2026-02-${String(1 + i).padStart(2, '0')}T08:00:00Z`) });
      }
      const pages = await Promise.all([0, 10, 20].map((offset) => search('brindlemoor', { offset, limit: 10 })));
      assert.deepEqual(pages.map((p) => p.total), [25, 25, 25]);
      assert.deepEqual(pages.map((p) => p.hits.length), [10, 10, 5]);
      const slugs = pages.flatMap((p) => p.hits.map((h) => h.article.slug));
      assert.equal(new Set(slugs).size, 25);
      assert.equal(slugs[0], 'page-24', 'equal scores: newest first');
      const beyond = await search('brindlemoor', { offset: 40, limit: 10 });
      assert.deepEqual([beyond.total, beyond.hits.length], [25, 0]);
    });

    it('counts matches ten pages on from the page asked for, then says that more match', async () => {
      const many = searchCountBound(0, 10) + 1;
      await store.transaction(async (tx) => {
        for (let i = 0; i < many; i++) await tx.articles.insert(makeArticle({ slug: `many-${i}` as Slug, title: `Galdermoor note ${i}` }));
      });
      const results = await search('galdermoor', { limit: 10 });
      assert.deepEqual([results.total, results.moreThanTotal, results.hits.length], [searchCountBound(0, 10), true, 10]);
      // Further on, the count reaches every match.
      const later = await search('galdermoor', { offset: 90, limit: 10 });
      assert.deepEqual([later.total, later.moreThanTotal ?? false, later.hits.length], [many, false, 10]);
      await add({ slug: 'few-1' as Slug, title: 'Galdermoor survey' });
      const few = await search('survey galdermoor');
      assert.deepEqual([few.total, few.moreThanTotal ?? false], [1, false]);
    });

    it('finds the visible matches when many better-ranked matches are hidden or filtered out', async () => {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 150; i++) {
          await tx.articles.insert(makeArticle({ slug: `hidden-${i}` as Slug, title: `Pellowarn Pellowarn ${i}`, status: 'draft', publishedAt: null }));
          await tx.articles.insert(makeArticle({ slug: `asia-${i}` as Slug, title: `Pellowarn in Asia ${i}`, termIds: [asia.id] }));
        }
      });
      await add({ slug: 'pellowarn-visible' as Slug, title: 'Harbour notes', termIds: [europe.id], ...body('One pellowarn, in the body only.') });
      assert.deepEqual(await slugsFor('pellowarn', { termIds: [europe.id], limit: 10 }), ['pellowarn-visible']);
      // Twenty a page: the count reaches 200, past every visible match.
      const all = await search('pellowarn', { limit: 20 });
      assert.deepEqual([all.total, all.moreThanTotal ?? false], [151, false]);
      assert.deepEqual(all.hits.map((h) => h.article.status), Array(20).fill('published'));
      const last = await search('pellowarn', { offset: 150, limit: 10 });
      assert.deepEqual(last.hits.map((h) => h.article.slug), ['pellowarn-visible'], 'the weakest match comes last');
    });

    it('ranks, filters and pages exactly as a reference that ranks every match', async () => {
      let seed = 23;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const words = ['krumpt', 'vollux'];
      const written: Article[] = [];
      const placed = new Map<string, { title: Set<string>; standfirst: Set<string>; body: Set<string> }>();
      await store.transaction(async (tx) => {
        for (let i = 0; i < 90; i++) {
          const fields = { title: new Set<string>(), standfirst: new Set<string>(), body: new Set<string>() };
          for (const word of words) {
            for (const field of ['title', 'standfirst', 'body'] as const) if (random() < 0.35) fields[field].add(word);
          }
          const text = (set: Set<string>) => `Filler ${[...set].join(' and ')} text`;
          const roll = random();
          const status = roll < 0.1 ? 'draft' : 'published';
          // Distinct times, a few of them after `now`: future-dated articles stay hidden.
          const publishedAt = status === 'draft' ? null : at(new Date(Date.parse('2026-01-01T00:00:00Z') + i * 37 * 3_600_000 + Math.floor(random() * 1000)).toISOString());
          const article = makeArticle({
            slug: `ref-${i}` as Slug, title: text(fields.title), standfirst: text(fields.standfirst), ...body(text(fields.body)), status, publishedAt,
            termIds: [pick([europe.id, france.id, asia.id]), ...(random() < 0.5 ? [energy.id] : [])],
            authorIds: random() < 0.3 ? [author.id, otherAuthor.id] : [pick([author.id, otherAuthor.id])],
            syndication: random() < 0.4
              ? { sourceId: source.id, originalPublisher: 'Wire', originalUrl: null, originalAuthor: null, originalPublishedAt: null, copyrightHolder: null, copyrightLine: null, licence: null, searchPolicy: 'noindex' }
              : null,
          });
          await tx.articles.insert(article);
          written.push(article);
          placed.set(article.id, fields);
        }
      });
      const reference = (wanted: string[], extra: Partial<SearchQuery>): string[] => {
        const q = { text: '', now, offset: 0, limit: 0, ...extra };
        const tierOf = (article: Article): number => {
          const f = placed.get(article.id)!;
          if (wanted.every((w) => f.title.has(w))) return 3;
          if (wanted.every((w) => f.title.has(w) || f.standfirst.has(w))) return 2;
          return wanted.every((w) => f.title.has(w) || f.standfirst.has(w) || f.body.has(w)) ? 1 : 0;
        };
        return written
          .filter((a) => tierOf(a) > 0 && a.status === 'published' && a.publishedAt! <= q.now && (!q.from || a.publishedAt! >= q.from) && (!q.to || a.publishedAt! <= q.to))
          .filter((a) => (!q.sourceId || a.syndication?.sourceId === q.sourceId) && (!q.authorId || a.authorIds.includes(q.authorId)))
          .filter((a) => [...(q.termIds ? [q.termIds] : []), ...(q.termGroups ?? [])].every((g) => g.some((t) => a.termIds.includes(t))))
          .sort((a, b) => tierOf(b) - tierOf(a) || (a.publishedAt! < b.publishedAt! ? 1 : -1))
          .map((a) => a.slug);
      };
      const filters: Partial<SearchQuery>[] = [
        {}, { termIds: [europe.id, france.id] }, { termGroups: [[europe.id, france.id], [energy.id]] }, { authorId: otherAuthor.id },
        { sourceId: source.id }, { from: at('2026-03-01T00:00:00Z'), to: at('2026-04-15T00:00:00Z') }, { authorId: author.id, termIds: [asia.id] },
      ];
      let compared = 0;
      // Loose words only are answered by SQLite's position-less stems tables; a phrase sends the query to the word tables.
      for (const text of ['krumpt', 'vollux krumpt', '"vollux" krumpt']) {
        for (const extra of filters) {
          const expected = reference(text.replace(/"/g, '').split(' '), extra);
          const pages = [];
          for (let offset = 0; offset < expected.length + 5; offset += 5) pages.push(...await slugsFor(text, { ...extra, offset, limit: 5 }));
          assert.deepEqual(pages, expected, `${text} ${JSON.stringify(extra)}`);
          assert.equal((await search(text, extra)).total, expected.length);
          compared += expected.length;
        }
      }
      assert.ok(compared > 100, `only ${compared} hits compared`);
    });

    it('moves an article in the order when its publication time changes, and hides it while unpublished', async () => {
      const older = await add({ slug: 'move-older' as Slug, title: 'Thornquill report', publishedAt: at('2026-02-01T00:00:00Z') });
      const newer = await add({ slug: 'move-newer' as Slug, title: 'Thornquill update', publishedAt: at('2026-03-01T00:00:00Z') });
      assert.deepEqual(await slugsFor('thornquill'), ['move-newer', 'move-older']);
      await store.articles.update({ ...older, publishedAt: at('2026-04-01T00:00:00Z') });
      assert.deepEqual(await slugsFor('thornquill'), ['move-older', 'move-newer']);
      await store.articles.update({ ...newer, status: 'draft', publishedAt: null });
      assert.deepEqual(await slugsFor('thornquill'), ['move-older']);
      await store.articles.update({ ...newer, publishedAt: at('2026-05-01T00:00:00Z') });
      assert.deepEqual(await slugsFor('thornquill'), ['move-newer', 'move-older']);
    });

    it('keeps articles published in the same millisecond apart', async () => {
      const same = at('2026-02-02T02:02:02.002Z');
      await store.transaction(async (tx) => {
        for (let i = 0; i < 5; i++) await tx.articles.insert(makeArticle({ slug: `same-ms-${i}` as Slug, title: `Gorsewick ${i}`, publishedAt: same }));
      });
      const found = await search('gorsewick', { limit: 10 });
      assert.equal(found.total, 5);
      assert.deepEqual(found.hits.map((h) => h.article.slug).sort(), ['same-ms-0', 'same-ms-1', 'same-ms-2', 'same-ms-3', 'same-ms-4']);
      assert.deepEqual((await search('gorsewick', { from: same, to: same })).total, 5, 'a range of one millisecond holds them all');
    });

    it('follows terms changed outside the article repository once those articles are reindexed', async () => {
      const article = await add({ slug: 'merged' as Slug, title: 'Quenmoor harbour', termIds: [asia.id] });
      // What a term merge does: moves the links in one statement, then reindexes the articles it moved.
      await sql`UPDATE article_terms SET term_id = ${energy.id} WHERE article_id = ${article.id} AND term_id = ${asia.id}`.execute(db.db);
      await store.search.reindex([article.id, testId()]);
      assert.deepEqual(await slugsFor('quenmoor', { termIds: [energy.id] }), ['merged']);
      assert.deepEqual(await slugsFor('quenmoor', { termIds: [asia.id] }), []);
    });

    it('returns whole articles with their authors and terms, all but the source and the body', async () => {
      const article = await add({ slug: 'whole' as Slug, title: 'Tindervale whole', termIds: [france.id], authorIds: [otherAuthor.id, author.id] });
      const [hit] = (await search('tindervale')).hits;
      const { bodySource: _source, bodyHtml: _body, ...summary } = article;
      assert.deepEqual(hit!.article, summary);
      assert.ok(!('bodySource' in hit!.article));
      assert.ok(!('bodyHtml' in hit!.article));
    });

    it('shows what an article is now after every kind of edit: title, standfirst, excerpt, bylines, terms, source', async () => {
      const article = await add({ slug: 'edited-card' as Slug, title: 'Brackenfold edits', authorIds: [author.id], termIds: [asia.id] });
      const edited: Article = {
        ...article, title: 'Brackenfold edited', standfirst: 'A new standfirst', excerpt: 'A new excerpt', authorIds: [otherAuthor.id, author.id], termIds: [energy.id, france.id],
        featureImage: { url: 'https://img.example/a.jpg', alt: 'A harbour', caption: null, credit: null },
        syndication: { sourceId: source.id, originalPublisher: 'Wire', originalUrl: 'https://wire.example/a', originalAuthor: null, originalPublishedAt: null, copyrightHolder: 'Wire', copyrightLine: null, licence: null, searchPolicy: 'canonical-original' },
      };
      await store.articles.update(edited);
      const { bodySource: _source, bodyHtml: _body, ...summary } = edited;
      assert.deepEqual((await search('brackenfold')).hits.map((h) => h.article), [summary]);
    });

    it('loads a hit from the articles when its entry has no usable card (written before cards, or before a column existed)', async () => {
      const article = await add({ slug: 'cardless' as Slug, title: 'Wyndlecombe cardless', authorIds: [author.id], termIds: [france.id] });
      const { bodySource: _source, bodyHtml: _body, ...summary } = article;
      if (db.capabilities.fullText === 'fts5') {
        for (const card of [null, '{"id":"only-some-columns","author_ids":[],"term_ids":[]}', 'not json']) {
          await sql`UPDATE article_search_docs SET card = ${card} WHERE article_id = ${article.id}`.execute(db.db);
          assert.deepEqual((await search('wyndlecombe')).hits.map((h) => h.article), [summary], `card ${card}`);
        }
      }
      assert.deepEqual((await search('wyndlecombe')).hits.map((h) => h.article), [summary]);
    });

    it('gives every existing entry its card when migration 0019 runs', async () => {
      const article = await add({ slug: 'card-backfill' as Slug, title: 'Harrowdene backfilled', authorIds: [otherAuthor.id, author.id], termIds: [energy.id] });
      const { bodySource: _source, bodyHtml: _body, ...summary } = article;
      if (db.capabilities.fullText === 'fts5') {
        await sql`ALTER TABLE article_search_docs DROP COLUMN card`.execute(db.db);
        await searchCardsMigration(db.capabilities).up(db.db);
        const missing = await sql<{ n: number }>`SELECT count(*) AS n FROM article_search_docs WHERE card IS NULL`.execute(db.db);
        assert.equal(Number(missing.rows[0]!.n), 0);
        const { rows } = await sql<{ card: string }>`SELECT card FROM article_search_docs WHERE article_id = ${article.id}`.execute(db.db);
        assert.deepEqual(JSON.parse(rows[0]!.card).author_ids, [otherAuthor.id, author.id]);
      } else {
        await searchCardsMigration(db.capabilities).up(db.db); // nothing to do on PostgreSQL
      }
      assert.deepEqual((await search('harrowdene')).hits.map((h) => h.article), [summary]);
    });

    it('rebuilds the index from the articles', async () => {
      const article = await add({ slug: 'rebuild' as Slug, title: 'Ossianbrook rebuilt' });
      await fullTextEngineFor(db.capabilities).remove(db.db, article.id);
      assert.equal((await search('ossianbrook')).total, 0);
      const count = await store.search.rebuild();
      const stored = await sql<{ n: number | string }>`SELECT count(*) AS n FROM articles`.execute(db.db);
      assert.equal(count, Number(stored.rows[0]!.n));
      assert.equal((await search('ossianbrook')).total, 1);
      assert.equal((await search('zephyrite')).total, 3);
      if (db.capabilities.fullText === 'fts5') {
        await sql`UPDATE article_search_docs SET card = NULL`.execute(db.db);
        await store.search.rebuild();
        const missing = await sql<{ n: number }>`SELECT count(*) AS n FROM article_search_docs WHERE card IS NULL`.execute(db.db);
        assert.equal(Number(missing.rows[0]!.n), 0, 'a rebuild writes every card');
      }
    });

    it('compacts what many commits left fragmented, finding the same articles after as before', async () => {
      // One commit per article: FTS5 adds a segment to every table for each.
      for (let i = 0; i < 12; i++) await add({ slug: `compact-${i}` as Slug, title: `Brackenvale report ${i}`, ...body(`Sorrowmint story number ${i}.`) });
      const queries = ['brackenvale', 'sorrowmint', '"story number"', 'brackenv*'];
      const before = await Promise.all(queries.map((q) => slugsFor(q)));
      assert.deepEqual(before.map((s) => s.length), [12, 12, 12, 12]);
      const done = await store.search.compact({ fromSegments: 2 });
      if (db.capabilities.fullText === 'fts5') {
        assert.ok(done.steps > 0, 'merge steps ran');
        assert.ok(done.segmentsBefore > 5 && done.segmentsAfter === 5, `one segment in each of the five tables after (${done.segmentsBefore} → ${done.segmentsAfter})`);
        assert.deepEqual(await store.search.compact({ fromSegments: 2 }), { segmentsBefore: 5, segmentsAfter: 5, steps: 0 }, 'nothing left to merge');
      } else {
        assert.deepEqual(done, { segmentsBefore: 0, segmentsAfter: 0, steps: 0 }, 'PostgreSQL keeps its GIN indexes itself');
      }
      assert.deepEqual(await Promise.all(queries.map((q) => slugsFor(q))), before);
      if (db.capabilities.fullText === 'fts5') {
        await add({ slug: 'compact-more' as Slug, title: 'Brackenvale once more' });
        const stopped = new AbortController();
        stopped.abort();
        await assert.rejects(store.search.compact({ fromSegments: 2, signal: stopped.signal }), { name: 'AbortError' });
        assert.equal((await search('brackenvale')).total, 13, 'a stopped merge leaves the index whole');
      }
    });

    it('indexes existing articles when the migration runs', async () => {
      await add({ slug: 'backfill' as Slug, title: 'Wrenholt backfilled', language: 'ru' });
      if (db.capabilities.fullText === 'fts5') {
        for (const table of ['article_search_fts', 'article_search_head_fts', 'article_search_docs']) await sql`DROP TABLE ${sql.table(table)}`.execute(db.db);
        await searchByPublicationMigration(db.capabilities).up(db.db);
        // 0016 writes entries as they were then, without cards; 0019 adds them.
        await searchCardsMigration(db.capabilities).up(db.db);
      } else {
        await sql`DROP TABLE article_search`.execute(db.db);
        await sql`DROP INDEX articles_search_filter_idx`.execute(db.db);
        await searchMigration(db.capabilities).up(db.db);
        await searchByPublicationMigration(db.capabilities).up(db.db);
      }
      assert.deepEqual(await slugsFor('wrenholt'), ['backfill']);
      assert.equal((await search('ракета')).total, 1);
    });

    it('fills the stems table from the articles when migration 0018 runs', async () => {
      await add({ slug: 'stems-backfill' as Slug, title: 'Quillmere: ракеты refilled', language: 'ru' });
      await add({ slug: 'stems-phrase' as Slug, title: 'Quillmere phrase', status: 'draft' });
      if (db.capabilities.fullText === 'fts5') {
        for (const table of ['article_search_stems_fts', 'article_search_head_stems_fts']) await sql`DROP TABLE ${sql.table(table)}`.execute(db.db);
        await searchStemsTableMigration(db.capabilities).up(db.db);
      }
      // Loose words only: counted and listed through the stems table on SQLite.
      assert.deepEqual(await slugsFor('quillmere'), ['stems-backfill']);
      assert.equal((await search('ракета quillmere')).total, 1);
      assert.equal((await search('quillmere refilled')).total, 1);
    });

    it('fills the title stems table from the articles when migration 0020 runs', async () => {
      await add({ slug: 'title-stems-1' as Slug, title: 'Fenwarden courts delayed', ...body('Nothing about the ruling here.') });
      await add({ slug: 'title-stems-2' as Slug, title: 'A ruling at last', ...body('Fenwarden courts have ruled.') });
      if (db.capabilities.fullText === 'fts5') {
        await sql`DROP TABLE article_search_title_stems_fts`.execute(db.db);
        await searchTitleStemsMigration(db.capabilities).up(db.db);
      }
      // The title tier of loose words reads the title stems table on SQLite: the title match ranks first.
      const hits = (await search('fenwarden court')).hits;
      assert.deepEqual(hits.map((h) => [h.article.slug, h.score]), [['title-stems-1', 3], ['title-stems-2', 1]]);
    });

    it('fills the vocabulary from the articles when migration 0021 runs', async () => {
      await add({ slug: 'words-1' as Slug, title: 'Ormsgrave tolls', ...body('The ormsgravian ferry.') });
      await add({ slug: 'words-2' as Slug, title: 'Ferry news', ...body('Ormsby came.') });
      if (db.capabilities.fullText === 'fts5') {
        await sql`DROP TABLE article_search_words`.execute(db.db);
        await searchWordsMigration(db.capabilities).up(db.db);
        assert.deepEqual(await prefixWordsOf(db.db, 'ormsgrav'), ['ormsgrave', 'ormsgravian']);
      }
      assert.deepEqual((await slugsFor('ormsgrav*')), ['words-1']);
      assert.deepEqual((await slugsFor('orms*')).sort(), ['words-1', 'words-2']);
    });
  });
}
