import type { ArchiveSubject, SiteFrame } from '../app/public-site.js';
import { alternateFeedLinks, alternateFeedLinkTags } from './feeds/feed-links.js';
import { headerSearchForm } from './search-form.js';
import { html, jsonForScript, type SafeHtml } from './html.js';
import { paths } from './paths.js';
import type { StaticAsset } from './static-assets.js';

/** Everything that goes into <head> besides the shared parts. */
export interface PageHead {
  title: string;
  description: string;
  canonicalUrl: string | null;
  robots: string;
  language?: string;
  openGraph?: Record<string, string | null | undefined>;
  jsonLd?: unknown;
  prevUrl?: string | null;
  /** The archive the page lists, so its own feeds are advertised beside the site's. */
  feedArchive?: ArchiveSubject | null;
  nextUrl?: string | null;
}

export interface LayoutAssets {
  stylesheet: StaticAsset;
}

/** What a page's shell shows of the frame alone: the same on every page. */
interface FrameParts {
  siteFeeds: SafeHtml;
  nav: SafeHtml;
  footer: SafeHtml;
}

/**
 * Frame parts by frame. PublicSite hands out one frame object until the settings or taxonomies
 * change, so these are rendered once per change rather than on every page (a page that is not
 * cached, a search above all, rendered its header's and footer's term lists every time).
 */
const framePartsCache = new WeakMap<SiteFrame, FrameParts>();

function framePartsOf(frame: SiteFrame): FrameParts {
  let parts = framePartsCache.get(frame);
  if (parts) return parts;
  const { settings } = frame;
  parts = {
    siteFeeds: alternateFeedLinkTags(alternateFeedLinks(settings, null)),
    nav: html`${frame.taxonomies.map(({ taxonomy }) => html`<li><a href="${paths.taxonomyIndex(taxonomy)}">${taxonomy.pluralName}</a></li>`)}`,
    footer: html`${frame.taxonomies.map(({ taxonomy, topTerms }) => html`<nav aria-label="${taxonomy.pluralName}">
      <h2>${taxonomy.pluralName}</h2>
      <ul>${topTerms.map((term) => html`<li><a href="${paths.term(taxonomy, term)}">${term.name}</a></li>`)}</ul>
    </nav>`)}`,
  };
  framePartsCache.set(frame, parts);
  return parts;
}

/** The page shell: head, skip link, header with navigation, main landmark and footer. */
export function layout(frame: SiteFrame, assets: LayoutAssets, head: PageHead, main: SafeHtml): string {
  const { settings } = frame;
  const parts = framePartsOf(frame);
  const lang = head.language || settings.language;
  const fullTitle = head.title === settings.name ? settings.name : `${head.title} — ${settings.name}`;
  const og = Object.entries(head.openGraph ?? {}).filter((e): e is [string, string] => !!e[1]);
  return `<!doctype html>\n${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${head.description}">
<meta name="robots" content="${head.robots}">
${head.canonicalUrl ? html`<link rel="canonical" href="${head.canonicalUrl}">` : ''}
${head.prevUrl ? html`<link rel="prev" href="${head.prevUrl}">` : ''}
${head.nextUrl ? html`<link rel="next" href="${head.nextUrl}">` : ''}
${head.feedArchive ? alternateFeedLinkTags(alternateFeedLinks(settings, head.feedArchive)) : parts.siteFeeds}
<link rel="stylesheet" href="${assets.stylesheet.path}">
${og.map(([property, content]) => html`<meta property="${property}" content="${content}">\n`)}
${head.jsonLd ? html`<script type="application/ld+json">${jsonForScript(head.jsonLd)}</script>` : ''}
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header">
  <div class="wrap">
    <div>
      <a class="site-name" href="/">${settings.name}</a>
      <p class="site-tagline">${settings.description}</p>
    </div>
    <nav class="site-nav" aria-label="Main">
      <ul>
        <li><a href="/">Latest</a></li>
        ${parts.nav}
        <li><a href="${paths.authorIndex}">Authors</a></li>
        <li><a href="${paths.sourceIndex}">Sources</a></li>
      </ul>
    </nav>
    ${headerSearchForm()}
  </div>
</header>
<main id="content" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site-footer">
  <div class="wrap columns">
    ${parts.footer}
    <section aria-label="About">
      <h2>${settings.name}</h2>
      <p>${settings.description}</p>
      ${settings.contactEmail ? html`<p><a href="mailto:${settings.contactEmail}">${settings.contactEmail}</a></p>` : ''}
      <p>Published with Dateline.</p>
    </section>
  </div>
</footer>
</body>
</html>`}\n`;
}
