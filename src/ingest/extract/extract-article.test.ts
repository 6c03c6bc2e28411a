import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle, ExtractionError } from './extract-article.js';

const STORY = [
  'The harbour ferry between Porthaven and the outer islands sailed again on Tuesday morning, four days after the storm tore loose two of its mooring lines and flooded the ticket office.',
  'Engineers from the port authority spent the weekend replacing the damaged bollards, and the first crossing left at seven with forty passengers and a van of post on board.',
  'Island shopkeepers said the closure had emptied their shelves of milk and bread by Saturday, and several families had relied on fishing boats to bring in medicine for older residents.',
  'The operator said the timetable would return to normal by Thursday, although the late evening sailing will stay suspended until the ticket office has dried out and its wiring has been checked.',
  'Councillors have asked for a review of how the mooring lines are inspected, noting that the same berth was damaged in a smaller storm two winters ago and repaired only in part.',
];

const para = (text: string): string => `<p>${text}</p>`;

function newsPage(): string {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': 'https://ledger.example/#site', name: 'The Coastal Ledger' },
      { '@type': 'Person', '@id': 'https://ledger.example/#tomas', name: 'Tomas Lind' },
      {
        '@type': 'NewsArticle',
        headline: 'Harbour ferry sails again after storm',
        author: [{ '@type': 'Person', name: 'Mira Okafor' }, { '@id': 'https://ledger.example/#tomas' }],
        datePublished: '2024-03-05T08:30:00+01:00',
        dateModified: '2024-03-05T10:15:00+01:00',
      },
    ],
  };
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Harbour ferry sails again after storm | The Coastal Ledger</title>
  <meta property="og:site_name" content="The Coastal Ledger">
  <meta name="description" content="Crossings to the outer islands restart after four days.">
  <meta property="og:image" content="/media/ferry.jpg">
  <script type="application/ld+json">${JSON.stringify(ld)}</script>
</head>
<body>
  <div class="top">
    <ul><li><a href="/">Home</a></li><li><a href="/local/">Local</a></li><li><a href="/sport/">Sport</a></li><li><a href="/about/">About us</a></li></ul>
  </div>
  <div id="story">
    <h1>Harbour ferry sails again after storm</h1>
    <p><a href="https://facebook.example/share">Facebook</a> | <a href="https://twitter.example/share">Twitter</a> | <a href="mailto:?subject=ferry">Email</a></p>
    <p>PORTHAVEN, March 5 (Example Wire) - ${STORY[0]}</p>
    ${para(STORY[1] ?? '')}
    ${para(STORY[2] ?? '')}
    <h3>Related articles</h3>
    <ul><li><a href="/2024/02/storm-warning">Storm warning issued for the coast</a></li><li><a href="/2024/01/new-ferry">Council orders a new ferry</a></li></ul>
    ${para(STORY[3] ?? '')}
    ${para(STORY[4] ?? '')}
    <p>Sign up for our morning newsletter to get the island news in your inbox.</p>
    <p>Disclaimer: The views expressed by readers in the comments are their own.</p>
    <p>The original source of this article is <a href="https://wire.example/stories/ferry-resumes">Example Wire</a>.</p>
    <p>Copyright © Example Wire 2024</p>
  </div>
  <footer><p>© 2024 The Coastal Ledger</p></footer>
</body>
</html>`;
}

describe('extractArticle on a republished news page', () => {
  const article = extractArticle(newsPage(), { url: 'https://ledger.example/2024/03/ferry/' });

  it('reads the metadata from JSON-LD and meta tags', () => {
    assert.equal(article.title, 'Harbour ferry sails again after storm');
    assert.deepEqual(article.authors, ['Mira Okafor', 'Tomas Lind']);
    assert.equal(article.published, '2024-03-05T08:30:00+01:00');
    assert.equal(article.modified, '2024-03-05T10:15:00+01:00');
    assert.equal(article.language, 'en-GB');
    assert.equal(article.siteName, 'The Coastal Ledger');
    assert.equal(article.excerpt, 'Crossings to the outer islands restart after four days.');
    assert.deepEqual(article.leadImage, { url: 'https://ledger.example/media/ferry.jpg', alt: null });
  });

  it('reads the attribution from the source and copyright lines, and the dateline', () => {
    assert.equal(article.dateline, 'PORTHAVEN, March 5 (Example Wire) -');
    assert.equal(article.source, 'Example Wire');
    assert.equal(article.originalUrl, 'https://wire.example/stories/ferry-resumes');
    assert.equal(article.copyright, 'Copyright © Example Wire 2024');
  });

  it('keeps every paragraph of the story, in order, and nothing else', () => {
    const paragraphs = article.bodyText.split('\n\n');
    assert.equal(paragraphs.length, STORY.length);
    assert.ok(paragraphs[0]?.startsWith('PORTHAVEN, March 5 (Example Wire) - The harbour ferry'));
    STORY.slice(1).forEach((text, i) => assert.equal(paragraphs[i + 1], text));
  });

  it('removes the furniture and says why', () => {
    const reasons = article.removed.map((r) => r.reason);
    for (const kind of ['share.', 'related.', 'newsletter.', 'disclaimer.', 'original-source.', 'copyright.']) {
      assert.ok(reasons.some((reason) => reason.startsWith(kind)), `expected a removal of kind ${kind}, got ${reasons.join(', ')}`);
    }
    assert.ok(article.removed.some((r) => r.text === 'Council orders a new ferry' || r.text.includes('Council orders a new ferry')));
    for (const leftover of ['Facebook', 'Related articles', 'newsletter', 'Disclaimer', 'original source', 'Copyright', 'Council orders']) {
      assert.ok(!article.bodyText.includes(leftover), `body still contains "${leftover}"`);
      assert.ok(!article.bodyHtml.includes(leftover), `body HTML still contains "${leftover}"`);
    }
  });

  it('gives no source to a page that does not say it republishes', () => {
    const own = newsPage()
      .replace(/<p>The original source[^\n]*<\/p>/, '')
      .replace(/<p>Copyright ©[^\n]*<\/p>/, '')
      .replace('(Example Wire) ', '');
    const result = extractArticle(own, { url: 'https://ledger.example/2024/03/ferry/' });
    assert.equal(result.source, null);
    assert.equal(result.originalUrl, null);
    assert.equal(result.copyright, null);
  });
});

describe('extractArticle on a page described only by OpenGraph', () => {
  const page = `<!DOCTYPE html><html><head>
    <meta property="og:title" content="Le marché couvert rouvre ses portes">
    <meta property="og:site_name" content="Gazette du Canal">
    <meta property="og:locale" content="fr_FR">
    <meta property="og:description" content="Après huit mois de travaux, les commerçants retrouvent leurs étals.">
    <meta property="og:image" content="/photos/marche.jpg">
    <meta property="og:image:alt" content="Les étals du marché">
    <meta property="article:published_time" content="2023-11-18">
    <meta property="article:author" content="Claire Dumont">
    <link rel="canonical" href="https://wire-partner.example/marche-couvert">
  </head><body><div>
    <p>Après huit mois de travaux, le marché couvert du quartier du canal a rouvert samedi matin, et les premiers clients faisaient la queue dès sept heures devant les étals de fromage.</p>
    <p>La toiture a été entièrement refaite et les allées ont été élargies pour laisser passer les poussettes, une demande ancienne des habitants du quartier.</p>
    <p>Les commerçants, installés pendant les travaux sur le parking voisin, disent avoir perdu une partie de leur clientèle mais espèrent la retrouver avant les fêtes.</p>
  </div></body></html>`;
  const article = extractArticle(page, { url: 'https://gazette.example/2023/11/marche/' });

  it('takes title, site, language, date, author, excerpt and image from OpenGraph', () => {
    assert.equal(article.title, 'Le marché couvert rouvre ses portes');
    assert.equal(article.siteName, 'Gazette du Canal');
    assert.equal(article.language, 'fr-FR');
    assert.equal(article.published, '2023-11-18');
    assert.deepEqual(article.authors, ['Claire Dumont']);
    assert.equal(article.excerpt, 'Après huit mois de travaux, les commerçants retrouvent leurs étals.');
    assert.deepEqual(article.leadImage, { url: 'https://gazette.example/photos/marche.jpg', alt: 'Les étals du marché' });
  });

  it('treats a canonical link to another site as the original URL', () => {
    assert.equal(article.originalUrl, 'https://wire-partner.example/marche-couvert');
    assert.equal(article.source, null);
    assert.equal(article.bodyText.split('\n\n').length, 3);
  });
});

describe('extractArticle and datelines', () => {
  const wirePage = (site: string, opening: string): string => `<html><head><title>Talks resume</title><meta property="og:site_name" content="${site}"></head><body><article>
    <p>${opening} Negotiators from both delegations met again on Friday after a pause of three weeks, and said the first session had been long but constructive.</p>
    <p>The talks are expected to continue through the weekend, with a joint statement possible on Monday if the remaining questions about the border crossings are settled.</p>
    <p>Neither side would say which questions remain open, but officials close to the talks said the timetable for reopening the crossings was the main point of difference.</p>
  </article></body></html>`;

  it('reads the dateline and names the agency as the source on a page that republishes it', () => {
    const article = extractArticle(wirePage('Valley Courier', 'MOSCOW, April 6 (RIA Novosti) -'));
    assert.equal(article.dateline, 'MOSCOW, April 6 (RIA Novosti) -');
    assert.equal(article.source, 'RIA Novosti');
  });

  it('names no source when the agency in the dateline is the site itself', () => {
    const article = extractArticle(wirePage('Reuters', 'GENEVA (Reuters) -'));
    assert.equal(article.dateline, 'GENEVA (Reuters) -');
    assert.equal(article.source, null);
  });

  it('finds no dateline in an ordinary opening', () => {
    const article = extractArticle(wirePage('Valley Courier', 'In the capital,'));
    assert.equal(article.dateline, null);
  });
});

describe('extractArticle on hostile HTML', () => {
  const page = `<html><head><title>Garden notes</title><style>p { color: red }</style></head><body><article>
    <h1>Garden notes</h1>
    <p>The autumn planting went in late this year <script>alert('x')</script>because the ground stayed wet well into October, <a href="javascript:alert(1)">click here</a> and the bulbs had to wait.</p>
    <p onclick="steal()">Tulips went into the raised beds, <a href="/beds/raised" onmouseover="steal()">as described before</a>, with a layer of grit underneath to keep them from rotting over the winter.</p>
    <iframe src="https://tracker.example/frame"></iframe>
    <p>Garlic followed in November: <img src="x" onerror="alert(2)"> <img src="/img/garlic.jpg" alt="Garlic cloves" onload="steal()"> the cloves were set a hand apart, pointed end up, in rows that run north to south.</p>
    <form action="/subscribe"><input name="email"><button>Send</button></form>
    <p>The rest of the beds stay under cardboard until spring, <a href="JaVaScRiPt:void(0)">more</a> when the soil is warm enough to work again and the first seedlings can go out.</p>
    <svg onload="alert(3)"><text>drawing</text></svg>
  </article></body></html>`;
  const article = extractArticle(page, { url: 'https://garden.example/notes/autumn' });

  it('keeps no script, handler, iframe, form, style or javascript: URL', () => {
    const html = article.bodyHtml;
    for (const forbidden of [/<script/i, /alert\(/, /\son\w+=/i, /javascript:/i, /<iframe/i, /<form/i, /<input/i, /<button/i, /<style/i, /<svg/i, /steal\(\)/]) {
      assert.doesNotMatch(html, forbidden);
    }
  });

  it('keeps the text of neutralised links and makes URLs absolute', () => {
    assert.match(article.bodyHtml, /<a href="https:\/\/garden\.example\/beds\/raised">as described before<\/a>/);
    assert.match(article.bodyHtml, /<img src="https:\/\/garden\.example\/img\/garlic\.jpg" alt="Garlic cloves" \/>/);
    assert.doesNotMatch(article.bodyHtml, /src="x"/);
    assert.ok(article.bodyText.includes('click here and the bulbs had to wait.'));
  });
});

describe('extractArticle without an article', () => {
  it('throws no-article for a page of navigation and footer only', () => {
    const page = `<html><head><title>Welcome</title></head><body>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/contact">Contact</a></li></ul></nav>
      <footer><p>© 2024 Example Town Council</p></footer>
    </body></html>`;
    assert.throws(() => extractArticle(page), (error: unknown) => error instanceof ExtractionError && error.code === 'no-article');
  });

  it('throws not-html for text that is not HTML', () => {
    assert.throws(() => extractArticle('Just a line of plain text, no markup at all.'), (error: unknown) => error instanceof ExtractionError && error.code === 'not-html');
    assert.throws(() => extractArticle(''), (error: unknown) => error instanceof ExtractionError && error.code === 'not-html');
  });
});
