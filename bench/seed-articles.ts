/**
 * Seeds a realistic archive for the benchmark through the application's own services (so slugs,
 * sanitized HTML, excerpts and link tables are exactly what the site would store), in large
 * transactions so 10,000 articles take seconds, not minutes.
 *
 * Everything is generated from a seeded PRNG: two runs with the same count produce the same
 * titles, bodies, bylines, terms and attribution records (publication dates are relative to now).
 */
import type { ArticleInput } from '../src/app/article-service.js';
import type { Article } from '../src/domain/article.js';
import type { AuthorId, Instant, Slug, TermId } from '../src/domain/ids.js';
import type { Source } from '../src/domain/source.js';
import type { SearchPolicy, Syndication } from '../src/domain/syndication.js';
import type { Term } from '../src/domain/taxonomy.js';
import type { Dateline } from '../src/main.js';
import { mulberry32 } from '../src/domain/seeded-random.js';

export interface SeedOptions {
  count: number;
  /** Articles per transaction. */
  batchSize?: number;
  /** PRNG seed; the same seed gives the same content. */
  seed?: number;
  /** Called after each committed batch with the number of articles stored so far. */
  onProgress?: (done: number) => void;
  /** Stops seeding (rolling back the open batch) soon after it fires. */
  signal?: AbortSignal;
}

export interface SeedResult {
  articles: number;
  republished: number;
  seconds: number;
  /** Total Markdown bytes written, to show the bodies are the intended size. */
  bodyBytes: number;
  /** Articles per term id (direct assignments only). */
  termCounts: Map<TermId, number>;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** Seeds `count` published articles (about 30% republished) over the last three years. */
export async function seedArticles(dateline: Dateline, options: SeedOptions): Promise<SeedResult> {
  const { count, batchSize = 500, seed = 20_240_601, onProgress, signal } = options;
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const startedAt = performance.now();

  const index = await dateline.services.taxonomies.index();
  const termsOf = (taxonomySlug: string): Term[] => {
    const taxonomy = index.taxonomyBySlug(taxonomySlug);
    if (!taxonomy) throw new Error(`The seeded taxonomies lack "${taxonomySlug}"; did prepare() run?`);
    const terms = index.termsOf(taxonomy.id);
    if (terms.length === 0) throw new Error(`The taxonomy "${taxonomySlug}" has no terms to assign.`);
    return terms;
  };
  const regions = termsOf('region');
  const themes = termsOf('theme');

  const { authorIds, sources } = await dateline.store.transaction(async (tx) => {
    const authorIds: AuthorId[] = [];
    for (const name of authorNames(50)) {
      authorIds.push((await dateline.services.authors.findOrCreate(name, { bio: `${name} reports for the desk.` }, tx)).id);
    }
    const created: Source[] = [];
    for (const s of sourceSpecs) {
      created.push(await dateline.services.sources.findOrCreate(s.name, {
        slug: s.slug as Slug, url: s.url, defaultCopyrightLine: null, defaultLicence: s.licence, defaultSearchPolicy: 'noindex',
      }, tx));
    }
    return { authorIds, sources: created };
  });

  const nowMs = Date.now();
  const termCounts = new Map<TermId, number>();
  let done = 0;
  let republished = 0;
  let bodyBytes = 0;
  // With SQLite every query resolves as a microtask, so a batch would never give the event loop a
  // turn: signals (Ctrl-C) and timers would wait for the whole seed. Yield every few milliseconds.
  let lastYield = performance.now();
  const yieldNow = async () => {
    if (performance.now() - lastYield < 15) return;
    await new Promise((resolve) => setImmediate(resolve));
    lastYield = performance.now();
    signal?.throwIfAborted();
  };
  while (done < count) {
    signal?.throwIfAborted();
    const size = Math.min(batchSize, count - done);
    await dateline.store.transaction(async (tx) => {
      for (let i = 0; i < size; i++) {
        await yieldNow();
        // Strictly in the past (at least a minute ago) so nothing is "scheduled".
        const publishedMs = nowMs - 60_000 - Math.floor(random() * 3 * YEAR_MS);
        const region = pick(regions);
        const theme = pick(themes);
        const firstAuthor = pick(authorIds);
        const byline = random() < 0.25 ? [firstAuthor, pick(authorIds.filter((id) => id !== firstAuthor))] : [firstAuthor];
        const title = makeTitle(random);
        const body = makeBody(random, region.name, theme.name);
        const syndication = random() < 0.3 ? makeSyndication(random, pick(sources), title, publishedMs) : null;
        const input: ArticleInput = {
          title,
          standfirst: sentence(random),
          body,
          bodyFormat: 'markdown',
          language: 'en',
          authorIds: byline,
          termIds: [region.id, theme.id],
          status: 'published',
          publishedAt: new Date(publishedMs).toISOString() as Instant,
          syndication,
        };
        const article: Article = await dateline.services.articles.create(input, tx);
        if (article.status !== 'published') throw new Error(`Seeded article ${article.slug} is ${article.status}, expected published.`);
        if (syndication) republished++;
        bodyBytes += Buffer.byteLength(body);
        for (const id of input.termIds) termCounts.set(id, (termCounts.get(id) ?? 0) + 1);
      }
    });
    done += size;
    onProgress?.(done);
  }
  return { articles: done, republished, seconds: (performance.now() - startedAt) / 1000, bodyBytes, termCounts };
}


// ---- content generation ----

const firstNames = ['Amina', 'Boris', 'Carmen', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Ingrid', 'Jamal', 'Katya', 'Luis', 'Maya', 'Nikolai', 'Olga', 'Pedro', 'Rania', 'Sean', 'Tamar', 'Viktor'];
const lastNames = ['Abbott', 'Baranova', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Gallagher', 'Haddad', 'Ivanova', 'Johansson', 'Kowalski', 'Lindqvist', 'Mensah', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Usman', 'Varga', 'Weber'];

/** `n` distinct, plausible bylines. */
function authorNames(n: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < n; i++) {
    const name = `${firstNames[i % firstNames.length]} ${lastNames[(i * 7 + Math.floor(i / firstNames.length)) % lastNames.length]}`;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

const sourceSpecs = [
  { name: 'Global Wire Service', slug: 'global-wire-service', url: 'https://globalwire.example', licence: 'Republished under the Global Wire Service partner agreement.' },
  { name: 'Harbour Press Agency', slug: 'harbour-press-agency', url: 'https://harbourpress.example', licence: 'Licensed under CC BY-ND 4.0.' },
  { name: 'The Northern Ledger', slug: 'the-northern-ledger', url: 'https://northernledger.example', licence: 'Republished with permission.' },
  { name: 'Meridian News', slug: 'meridian-news', url: 'https://meridian.example', licence: 'Licensed under CC BY 4.0.' },
  { name: 'Coastline Weekly', slug: 'coastline-weekly', url: 'https://coastline.example', licence: 'Republished with permission.' },
  { name: 'Pacific Dispatch', slug: 'pacific-dispatch', url: 'https://pacificdispatch.example', licence: 'Licensed under CC BY-NC-ND 4.0.' },
  { name: 'Continental Review', slug: 'continental-review', url: 'https://continentalreview.example', licence: 'Republished under a syndication licence.' },
  { name: 'Steppe Monitor', slug: 'steppe-monitor', url: 'https://steppemonitor.example', licence: 'Licensed under CC BY 4.0.' },
];

const subjects = ['Ministers', 'Regulators', 'Parliament', 'The central bank', 'Negotiators', 'Coastal towns', 'Farmers', 'Rebel groups', 'The senate', 'Election monitors', 'Health officials', 'Energy firms', 'Investigators', 'Judges', 'Climate scientists', 'Dock workers', 'The opposition', 'Diplomats', 'Mayors', 'Shipping companies', 'Teachers’ unions', 'Border guards', 'Auditors', 'Grain traders', 'The navy', 'Refugee agencies', 'Tech companies', 'Pension funds', 'Provincial governors', 'Aid groups'];
const verbs = ['weigh', 'reject', 'approve', 'question', 'delay', 'push for', 'warn over', 'brace for', 'challenge', 'defend', 'back', 'scrap', 'revisit', 'expand', 'probe', 'resist', 'seek', 'fund', 'halt', 'debate'];
const objects = ['new limits on fishing quotas', 'a cross-border pipeline', 'emergency grain reserves', 'a disputed election count', 'the draft budget', 'limits on arms exports', 'a carbon border tax', 'rules for satellite broadband', 'reform of the water utility', 'the nuclear inspection regime', 'a ceasefire monitoring plan', 'the sovereign debt deal', 'rules on foreign media funding', 'a regional power grid', 'rural clinic closures', 'the port privatisation', 'an inquiry into surveillance', 'lithium mining permits', 'the census results', 'a new refugee corridor'];
const tails = ['as talks stall', 'after months of protest', 'ahead of winter', 'amid a currency slide', 'despite a court ruling', 'in a late-night vote', 'as prices climb', 'after a leaked memo', 'under pressure from donors', 'as drought deepens', '', ''];
const places = ['Tbilisi', 'Lagos', 'Jakarta', 'Quito', 'Warsaw', 'Almaty', 'Nairobi', 'Dhaka', 'Montreal', 'Lima', 'Tunis', 'Manila', 'Yerevan', 'Accra', 'Hanoi', 'Bogotá', 'Riga', 'Karachi', 'Auckland', 'Geneva'];
const people = ['a senior official', 'the finance minister', 'an opposition leader', 'a union organiser', 'a local farmer', 'a former ambassador', 'a regional analyst', 'the port director', 'a hospital administrator', 'an election observer'];
const verbsPast = ['said', 'argued', 'warned', 'insisted', 'acknowledged', 'told reporters', 'wrote in a statement', 'conceded'];
const claims = [
  'the measures would take years to show results', 'the budget could not absorb another shock', 'talks had stalled over the inspection timetable',
  'prices for fuel and bread had nearly doubled since spring', 'the ministry had ignored repeated warnings', 'the agreement left too many questions open',
  'investors were waiting for a clear signal from the courts', 'the region had been promised funds that never arrived', 'the data pointed to a long, slow recovery',
  'local councils lacked the staff to carry out the plan', 'the deal would be reviewed again before the end of the year', 'smaller towns would bear most of the cost',
];
const connectors = ['Meanwhile,', 'Even so,', 'By contrast,', 'In practice,', 'For now,', 'According to officials,', 'Critics say', 'Supporters counter that', 'Last month,', 'On Tuesday,'];
const facts = [
  'exports fell by a fifth in the first quarter', 'turnout reached its lowest level in two decades', 'three ministries share responsibility for the programme',
  'the reservoir stood at less than half its usual level', 'the contract was awarded without a public tender', 'more than 40,000 people have left the province since 2019',
  'the currency lost nearly a third of its value against the dollar', 'the inquiry has so far interviewed 120 witnesses', 'the grid operator reported six major outages this year',
  'the court is expected to rule within weeks', 'the plan relies on loans from two development banks', 'the previous agreement expired in March',
];
const headings = ['What happens next', 'Background', 'The numbers', 'A divided response', 'Regional fallout', 'Why it matters'];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function makeTitle(random: () => number): string {
  const p = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const tail = p(tails);
  return `${p(subjects)} ${p(verbs)} ${p(objects)}${tail ? ` ${tail}` : ''}`;
}

function sentence(random: () => number): string {
  const p = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${cap(p(people))} in ${p(places)} ${p(verbsPast)} that ${p(claims)}.`;
    case 1:
      return `${p(connectors)} ${p(facts)}.`;
    case 2:
      return `“${cap(p(claims))},” ${p(people)} ${p(verbsPast)}.`;
    default:
      return `Figures released in ${p(places)} show that ${p(facts)}, and ${p(people)} ${p(verbsPast)} that ${p(claims)}.`;
  }
}

/** 5–8 paragraphs of Markdown, 3–5 KB, with the emphasis, links, a heading and a quote real articles carry. */
function makeBody(random: () => number, region: string, theme: string): string {
  const paragraphs = 5 + Math.floor(random() * 4);
  const target = 3000 + Math.floor(random() * 2000);
  const perParagraph = Math.floor(target / paragraphs);
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    let text = '';
    while (text.length < perParagraph - 60) text += (text ? ' ' : '') + sentence(random);
    if (i === 0) text = `**${region}** — ${text}`;
    if (i === 1) text += ` The story is part of our coverage of *${theme.toLowerCase()}*; see the [full report](https://example.org/reports/${Math.floor(random() * 1e6)}) for the underlying data.`;
    if (i === Math.floor(paragraphs / 2)) out.push(`## ${headings[Math.floor(random() * headings.length)]}`);
    if (i === paragraphs - 2) text = `> ${text}`;
    out.push(text);
  }
  return out.join('\n\n');
}

function makeSyndication(random: () => number, source: Source, title: string, publishedMs: number): Syndication {
  const originalMs = publishedMs - Math.floor((1 + random() * 47) * 3600 * 1000);
  const original = new Date(originalMs);
  const roll = random();
  const searchPolicy: SearchPolicy = roll < 0.7 ? 'noindex' : roll < 0.9 ? 'canonical-original' : 'canonical-self';
  const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  const year = original.getUTCFullYear();
  return {
    sourceId: source.id,
    originalPublisher: source.name,
    originalUrl: `${source.url ?? 'https://source.example'}/${year}/${String(original.getUTCMonth() + 1).padStart(2, '0')}/${slug}`,
    originalAuthor: `${firstNames[Math.floor(random() * firstNames.length)]} ${lastNames[Math.floor(random() * lastNames.length)]}`,
    originalPublishedAt: original.toISOString() as Instant,
    copyrightHolder: source.name,
    copyrightLine: `© ${year} ${source.name}. All rights reserved.`,
    licence: source.defaultLicence,
    searchPolicy,
  };
}
