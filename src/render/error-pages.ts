import type { SiteFrame } from '../app/public-site.js';
import { html } from './html.js';
import { layout, type LayoutAssets } from './layout.js';
import { paths } from './paths.js';

/** The 404 page: says what happened and offers ways on. */
export function renderNotFoundPage(frame: SiteFrame, assets: LayoutAssets, requestedPath: string): string {
  const main = html`<section class="not-found" aria-labelledby="nf-title">
  <h1 id="nf-title">Page not found</h1>
  <p>There is no page at <code>${requestedPath.slice(0, 200)}</code>. It may have moved, or the address may be mistyped.</p>
  <p>Try one of these:</p>
  <ul>
    <li><a href="/">The latest articles</a></li>
    ${frame.taxonomies.map(({ taxonomy }) => html`<li><a href="${paths.taxonomyIndex(taxonomy)}">All ${taxonomy.pluralName.toLowerCase()}</a></li>`)}
    <li><a href="${paths.authorIndex}">All authors</a></li>
    <li><a href="${paths.sourceIndex}">All sources</a></li>
  </ul>
</section>`;
  return layout(frame, assets, { title: 'Page not found', description: 'This page does not exist.', canonicalUrl: null, robots: 'noindex, follow' }, main);
}

/** A page for requests the site understood but cannot answer (400) or failed to answer (500). */
export function renderProblemPage(frame: SiteFrame, assets: LayoutAssets, title: string, message: string): string {
  const main = html`<section class="not-found" aria-labelledby="problem-title">
  <h1 id="problem-title">${title}</h1>
  <p>${message}</p>
  <p><a href="/">Go to the home page</a></p>
</section>`;
  return layout(frame, assets, { title, description: message, canonicalUrl: null, robots: 'noindex, follow' }, main);
}
