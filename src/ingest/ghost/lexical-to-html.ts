import { escapeHtml, renderCard } from './editor-cards.js';

/** Text format bits of Lexical's TextNode. */
const FORMATS: [bit: number, tag: string][] = [[16, 'code'], [1, 'strong'], [2, 'em'], [8, 'u'], [4, 's'], [32, 'sub'], [64, 'sup'], [128, 'mark']];

interface LexicalNode {
  type?: string;
  children?: LexicalNode[];
  [key: string]: unknown;
}

export interface RenderedBody {
  html: string;
  /** Node or card types that were dropped because Dateline does not know them. */
  unknown: string[];
}

function renderText(node: LexicalNode): string {
  let out = escapeHtml(typeof node.text === 'string' ? node.text : '');
  const format = typeof node.format === 'number' ? node.format : 0;
  for (const [bit, tag] of FORMATS) if (format & bit) out = `<${tag}>${out}</${tag}>`;
  return out;
}

function renderNode(node: LexicalNode, unknown: Set<string>): string {
  const inner = () => (node.children ?? []).map((c) => renderNode(c, unknown)).join('');
  const type = node.type ?? '';
  switch (type) {
    case 'root':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading':
    case 'extended-heading': {
      const tag = /^h[1-6]$/.test(String(node.tag)) ? String(node.tag) : 'h2';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'quote':
    case 'extended-quote':
      return `<blockquote><p>${inner()}</p></blockquote>`;
    case 'aside':
      return `<blockquote class="pullquote"><p>${inner()}</p></blockquote>`;
    case 'list': {
      const tag = node.listType === 'number' || node.tag === 'ol' ? 'ol' : 'ul';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'listitem':
      return `<li>${inner()}</li>`;
    case 'text':
    case 'extended-text':
    case 'hashtag':
      return renderText(node);
    case 'linebreak':
      return '<br>';
    case 'tab':
      return '\t';
    case 'link':
    case 'autolink':
      return `<a href="${escapeHtml(typeof node.url === 'string' ? node.url : '')}">${inner()}</a>`;
    default: {
      const card = renderCard(type, node);
      if (card !== null) return card;
      unknown.add(type || '(untyped)');
      // A container we do not know still holds text worth keeping.
      return node.children ? inner() : '';
    }
  }
}

/** Renders a Ghost Lexical document (the JSON string Ghost 5 stores) to HTML. */
export function lexicalToHtml(source: string): RenderedBody {
  const doc = JSON.parse(source) as { root?: LexicalNode };
  if (!doc || typeof doc !== 'object' || !doc.root) throw new Error('not a Lexical document (no "root")');
  const unknown = new Set<string>();
  return { html: renderNode(doc.root, unknown), unknown: [...unknown] };
}
