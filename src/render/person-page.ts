import type { PageData } from '../app/public-site.js';
import type { PersonQuotesView } from '../app/quote-service.js';
import { articlePath } from '../domain/article.js';
import { html } from './html.js';
import { layout, type LayoutAssets } from './layout.js';
import { absoluteUrl } from './paths.js';

/** Path of a person's page. */
export const personPath = (person: { slug: string }) => `/people/${person.slug}/`;

/** A person's quotes, each linked to the article it comes from. */
export function renderPersonPage(data: PageData<PersonQuotesView>, assets: LayoutAssets): string {
  const { person, quotes } = data.content;
  const intro = quotes.length ? `What ${person.name} said, as reported on ${data.frame.settings.name}.` : `No published article quotes ${person.name} yet.`;
  const items = quotes.map(({ quote, article }) => html`<li class="person-quote">
    <blockquote${quote.kind === 'reported' ? html` class="reported"` : ''}><p>${quote.kind === 'direct' ? html`“${quote.text}”` : quote.text}</p></blockquote>
    <p class="person-quote-source">${quote.kind === 'reported' ? 'Reported in ' : 'In '}<a href="${articlePath(article)}">${article.title}</a></p>
  </li>`);
  const main = html`<section class="listing-directory" aria-labelledby="person-title">
  <h1 id="person-title">${person.name}</h1>
  <p class="listing-intro">${intro}</p>
  <ul class="person-quotes">${items}</ul>
</section>`;
  return layout(data.frame, assets, {
    title: person.name, description: intro, canonicalUrl: absoluteUrl(data.frame.settings.url, personPath(person)), robots: 'index, follow',
  }, main);
}
