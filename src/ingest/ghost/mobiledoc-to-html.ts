import { escapeHtml, renderCard } from './editor-cards.js';
import type { RenderedBody } from './lexical-to-html.js';

type Markup = [tag: string, attributes?: string[]];
type Marker = [kind: 0 | 1, opened: number[], closed: number, value: string | number];
type Section =
  | [1, string, Marker[]]
  | [2, string]
  | [3, string, Marker[][]]
  | [10, number];

interface Mobiledoc {
  version?: string;
  markups?: Markup[];
  atoms?: [name: string, text: string, payload: Record<string, unknown>][];
  cards?: [name: string, payload: Record<string, unknown>][];
  sections?: Section[];
}

const MARKUP_TAGS = new Set(['a', 'b', 'strong', 'em', 'i', 'u', 's', 'code', 'sub', 'sup', 'mark']);
const SECTION_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'aside', 'pull-quote']);

function openTag([tag, attributes = []]: Markup): string {
  const name = tag.toLowerCase();
  let attrs = '';
  for (let i = 0; i + 1 < attributes.length; i += 2) attrs += ` ${escapeHtml(attributes[i]!)}="${escapeHtml(attributes[i + 1]!)}"`;
  return `<${name}${attrs}>`;
}

function renderMarkers(doc: Mobiledoc, markers: Marker[], unknown: Set<string>): string {
  const open: string[] = [];
  let out = '';
  for (const [kind, opened, closed, value] of markers) {
    for (const index of opened) {
      const markup = doc.markups?.[index];
      if (!markup || !MARKUP_TAGS.has(markup[0].toLowerCase())) { unknown.add(`markup:${markup?.[0] ?? index}`); open.push(''); continue; }
      out += openTag(markup);
      open.push(markup[0].toLowerCase());
    }
    if (kind === 0) out += escapeHtml(String(value));
    else {
      const atom = doc.atoms?.[Number(value)];
      if (atom?.[0] === 'soft-return') out += '<br>';
      else if (atom) out += escapeHtml(atom[1]);
    }
    for (let i = 0; i < closed; i++) {
      const tag = open.pop();
      if (tag) out += `</${tag}>`;
    }
  }
  while (open.length) { const tag = open.pop(); if (tag) out += `</${tag}>`; }
  return out;
}

/** Renders a Mobiledoc 0.3 document (Ghost 2–4) to HTML. */
export function mobiledocToHtml(source: string): RenderedBody {
  const doc = JSON.parse(source) as Mobiledoc;
  if (!doc || !Array.isArray(doc.sections)) throw new Error('not a Mobiledoc document (no "sections")');
  const unknown = new Set<string>();
  const parts = doc.sections.map((section) => {
    switch (section[0]) {
      case 1: {
        const tag = section[1].toLowerCase();
        const body = renderMarkers(doc, section[2], unknown);
        if (tag === 'blockquote' || tag === 'aside' || tag === 'pull-quote') return `<blockquote><p>${body}</p></blockquote>`;
        return SECTION_TAGS.has(tag) ? `<${tag}>${body}</${tag}>` : `<p>${body}</p>`;
      }
      case 2:
        return `<figure><img src="${escapeHtml(section[1])}" alt=""></figure>`;
      case 3: {
        const tag = section[1].toLowerCase() === 'ol' ? 'ol' : 'ul';
        return `<${tag}>${section[2].map((item) => `<li>${renderMarkers(doc, item, unknown)}</li>`).join('')}</${tag}>`;
      }
      case 10: {
        const card = doc.cards?.[section[1]];
        if (!card) return '';
        const html = renderCard(card[0], card[1] ?? {});
        if (html === null) unknown.add(card[0]);
        return html ?? '';
      }
      default:
        unknown.add(`section:${String((section as unknown[])[0])}`);
        return '';
    }
  });
  return { html: parts.join(''), unknown: [...unknown] };
}
