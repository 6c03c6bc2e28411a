/**
 * Work on the whole page before Readability scores it: drop what a reader never sees (hidden
 * elements, form controls) and the site's own navigation, header and footer, which Readability
 * sometimes takes into the article when they share a container with it. And, when Readability
 * finds nothing usable, pick the article container by text density instead.
 */
import { collapsedText, type DomDocument, type DomElement } from './dom.js';

const HIDDEN_SELECTOR = [
  '[hidden]', '[aria-hidden="true"]', '[style*="display:none"]', '[style*="display: none"]', '[style*="visibility:hidden"]',
  '[style*="visibility: hidden"]', 'template', 'dialog', 'input', 'select', 'textarea', 'button', 'label', 'svg', 'canvas',
].join(', ');
const SITE_FURNITURE_SELECTOR = 'nav, [role="navigation"], [role="banner"], [role="contentinfo"], [role="search"], header, footer';
/** Site furniture is only removed when it holds less than this share of the page's text. */
const FURNITURE_MAX_SHARE = 0.25;

function textLength(element: DomElement): number {
  return collapsedText(element).length;
}

/** Removes hidden elements and the site's navigation, header and footer, in place. */
export function prepareDocument(document: DomDocument): void {
  for (const element of [...document.body.querySelectorAll(HIDDEN_SELECTOR)]) {
    // An <img> inside a hidden wrapper may still be the article's picture; aria-hidden wrappers are often decorative only.
    if (element.getAttribute('aria-hidden') === 'true' && element.querySelector('p') !== null) continue;
    element.remove();
  }
  const total = Math.max(1, textLength(document.body));
  for (const element of [...document.body.querySelectorAll(SITE_FURNITURE_SELECTOR)]) {
    if (element.parentNode === null) continue;
    // A header or footer inside the article is the article's own (byline, source line): keep it.
    const tag = element.localName;
    if ((tag === 'header' || tag === 'footer') && element.closest('article, [itemprop~="articleBody"], main') !== null) continue;
    if (element.querySelector('article, main, [itemprop~="articleBody"]') !== null) continue;
    if (textLength(element) / total < FURNITURE_MAX_SHARE) element.remove();
  }
}

const CANDIDATE_SELECTOR = [
  '[itemprop~="articleBody"]', 'article', 'main', '[role="main"]', '.entry-content', '.post-content', '.article-body',
  '.article-content', '.story-body', '.post-body', '.content', '#content',
].join(', ');

const COMMENTS_RE = /(?:^|[-_\s])(?:comments?|commentlist|comment-list|replies|reply|respond|disqus|discussion|kommentare)(?:[-_\s]|$)/i;

/** True when `element` sits in a comment section below `container`. */
function inComments(element: DomElement, container: DomElement): boolean {
  for (let node = element.parentElement; node !== null && node !== container; node = node.parentElement) {
    if (COMMENTS_RE.test(`${node.getAttribute('id') ?? ''} ${node.getAttribute('class') ?? ''}`)) return true;
  }
  return false;
}

/** Removes the comment sections inside `container`, in place. */
export function removeComments(container: DomElement): void {
  for (const element of [...container.querySelectorAll('[id], [class]')]) {
    if (COMMENTS_RE.test(`${element.getAttribute('id') ?? ''} ${element.getAttribute('class') ?? ''}`)) element.remove();
  }
}

/** Text in paragraphs that are not mostly links nor in comments: the measure of an article container. */
export function proseLength(element: DomElement): number {
  let sum = 0;
  for (const p of element.querySelectorAll('p, pre')) {
    if (inComments(p, element)) continue;
    const text = collapsedText(p);
    let linked = 0;
    for (const a of p.querySelectorAll('a')) linked += collapsedText(a).length;
    if (text.length > 0 && linked / text.length < 0.5) sum += text.length - linked;
  }
  return sum;
}

/**
 * The element most likely to hold the article when Readability gives up: among the usual article
 * containers the one with the most prose; failing those, the element whose own paragraphs hold
 * the most prose. Null when the page has no paragraph text at all.
 */
export function densestContainer(document: DomDocument): DomElement | null {
  const scored = [...document.body.querySelectorAll(CANDIDATE_SELECTOR)].map((element) => ({ element, score: proseLength(element) }));
  const max = Math.max(0, ...scored.map((s) => s.score));
  // Among the containers holding nearly all the prose, the innermost has the least furniture.
  const good = scored.filter((s) => s.score > 0 && s.score >= max * 0.9);
  const innermost = good.find((s) => !good.some((other) => other !== s && s.element.contains(other.element)));
  if (innermost !== undefined) return innermost.element;
  let best: DomElement | null = null;
  let bestScore = 0;
  const parents = new Map<DomElement, number>();
  for (const p of document.body.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (parent === null) continue;
    parents.set(parent, (parents.get(parent) ?? 0) + proseLength(p));
  }
  for (const [parent, score] of parents) {
    if (score > bestScore) {
      best = parent;
      bestScore = score;
    }
  }
  return bestScore > 0 ? best : null;
}
