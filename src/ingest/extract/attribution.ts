/**
 * Who originally published a republished story, where, and under whose copyright: read from the
 * page's metadata, from the source and copyright lines the furniture pass removed, and from the
 * agency in a wire dateline. A page that does not say it republishes gets no source.
 */
import { FURNITURE_RULES } from '../text/furniture-rules.js';
import { countWords, plainText } from './blocks.js';
import type { Removal } from './boilerplate.js';
import type { Dateline } from './dateline.js';
import { collapsedText, type DomDocument } from './dom.js';
import type { PageMetadata } from './metadata.js';

/** The attribution fields of ExtractedArticle. */
export interface Attribution {
  source: string | null;
  originalUrl: string | null;
  copyright: string | null;
}

/** What attribution needs besides the removed lines. */
export interface AttributionInput {
  metadata: PageMetadata;
  removed: readonly Removal[];
  dateline: Dateline | null;
  siteName: string | null;
  pageUrl: string | null;
  /** Resolves a URL as written in the page against the page's base; null when it is not http(s). */
  resolve: (url: string) => string | null;
}

const COPYRIGHT_IN_TEXT_RE = /(?:^|\s)((?:copyright\b|©|\(c\)\s*\d{4}).*)$/i;
const SOURCE_RULES = FURNITURE_RULES.filter((rule) => rule.kind === 'original-source');

function trimEdges(text: string): string {
  return text.replace(/^[\s,;:|•·\-–—()[\]"'“”]+|[\s,;:|•·\-–—()[\]"'“”]+$/g, '').trim();
}

/** The publisher named in an original-source line, without the lead words, date, URL and any trailing sentence. */
function publisherFromLine(text: string): string | null {
  const rule = SOURCE_RULES.find((r) => r.pattern.test(text));
  const match = rule?.pattern.exec(text);
  // Lines matched by a rule in another language ("Quelle: dpa") lose their label here.
  let rest = match ? text.slice(match.index + match[0].length) : text.replace(/^[\p{L} ]{1,30}:\s*/u, '');
  rest = rest.replace(/^\s*:?\s*(?:(?:by|in|on|at|from|courtesy of)\s+)?/i, '');
  rest = rest.replace(/https?:\/\/\S+/gi, ' ');
  rest = rest.split(/[.;](?:\s|$)|\s+on\s+(?=\p{Lu}|\d)|,\s*(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)/iu)[0] ?? '';
  rest = trimEdges(rest);
  return rest !== '' && rest.length <= 120 ? rest : null;
}

/** Registrable part of a host name, roughly: the last two labels, or three under a short second-level label (co.uk, com.au). */
function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const take = labels.length >= 3 && (labels[labels.length - 2] ?? '').length <= 3 && (labels[labels.length - 1] ?? '').length === 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when `name` is the page's own site (its name or its host), so naming it is no republication. */
function isOwnSite(name: string, siteName: string | null, pageUrl: string | null): boolean {
  const key = comparable(name);
  if (key === '') return true;
  if (siteName !== null) {
    const site = comparable(siteName);
    if (site !== '' && (site.includes(key) || key.includes(site))) return true;
  }
  const host = hostOf(pageUrl);
  return host !== null && comparable(siteOf(host).split('.')[0] ?? '') === key;
}

/** Source, original URL and copyright of the page. */
export function readAttribution(input: AttributionInput): Attribution {
  const { metadata, removed, dateline, siteName, pageUrl, resolve } = input;
  let lineSource: string | null = null;
  let lineUrl: string | null = null;
  let lineCopyright: string | null = null;

  for (const removal of removed) {
    if (removal.kind === 'original-source') {
      let text = removal.text;
      const copyright = COPYRIGHT_IN_TEXT_RE.exec(text);
      if (copyright?.[1] !== undefined && copyright.index > 0) {
        lineCopyright ??= copyright[1].trim();
        text = text.slice(0, copyright.index);
      }
      lineSource ??= publisherFromLine(text);
      const link = removal.links.map((l) => resolve(l.href)).find((href): href is string => href !== null);
      lineUrl ??= link ?? /https?:\/\/[^\s)\]]+/i.exec(text)?.[0] ?? null;
    } else if (removal.kind === 'copyright' && lineCopyright === null && /(?:©|copyright|\(c\)\s*\d{4}|all rights reserved)/i.test(removal.text)) {
      lineCopyright = removal.text.length <= 300 ? removal.text : `${removal.text.slice(0, 297)}…`;
    }
  }

  const canonical = metadata.canonical !== null ? resolve(metadata.canonical) : null;
  const pageHost = hostOf(pageUrl);
  const canonicalHost = hostOf(canonical);
  const canonicalElsewhere = pageHost !== null && canonicalHost !== null && siteOf(pageHost) !== siteOf(canonicalHost) ? canonical : null;
  const metaUrl = metadata.original.url !== null ? resolve(metadata.original.url) : null;

  const agency = dateline?.agency ?? null;
  const datelineSource = agency !== null && !isOwnSite(agency, siteName, pageUrl) ? agency : null;
  const named = metadata.original.publisher ?? lineSource ?? datelineSource;
  const source = named !== null && !isOwnSite(named, siteName, pageUrl) ? named : null;

  return {
    source,
    originalUrl: metaUrl ?? lineUrl ?? canonicalElsewhere,
    copyright: lineCopyright ?? metadata.copyright,
  };
}

const LINE_SELECTOR = 'p, li, small, footer, aside, div, span, em, i';
const SCAN_MAX_WORDS = 80;

/**
 * Original-source and copyright lines in the article's own container, read before Readability:
 * it drops an article's <footer> and <aside>, where sites often put exactly these lines.
 */
export function scanAttributionLines(document: DomDocument): Removal[] {
  const containers = [...document.body.querySelectorAll('article, [itemprop~="articleBody"], main')];
  const lines: Removal[] = [];
  const seen = new Set<string>();
  // Without an article container the whole page is searched, but only for source lines: a
  // copyright line found there is the site's footer, not the story's.
  const kinds = containers.length > 0 ? ['original-source', 'copyright'] : ['original-source'];
  for (const container of containers.length > 0 ? containers : [document.body]) {
    for (const element of container.querySelectorAll(LINE_SELECTOR)) {
      if (element.querySelector('p, li, div, footer, aside') !== null) continue;
      const text = plainText(collapsedText(element));
      if (text === '' || seen.has(text) || countWords(text) > SCAN_MAX_WORDS) continue;
      const rule = FURNITURE_RULES.find((r) => kinds.includes(r.kind) && r.pattern.test(text));
      if (rule === undefined) continue;
      seen.add(text);
      const links = [...element.querySelectorAll('a[href]')].map((a) => ({ text: collapsedText(a), href: a.getAttribute('href') ?? '' }));
      lines.push({ text, reason: rule.id, kind: rule.kind, links });
    }
  }
  return lines;
}
