/**
 * Reads the Reuters-21578 development slice (../shared/corpus/reuters-21578/, see its README):
 * each article with its ids, split attributes, TOPICS labels, title and body. The files are
 * regular, well-formed XML written by one program, so a pattern per element is enough.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ReutersArticle {
  newId: number;
  /** TOPICS="YES": the indexers considered topics for it (ModApte uses only these). */
  topicsConsidered: boolean;
  lewisSplit: string;
  topics: string[];
  title: string;
  body: string;
}

export const reutersDir = fileURLToPath(new URL('../../shared/corpus/reuters-21578/', import.meta.url));

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
const element = (xml: string, name: string) => decode(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '');

/** Every article of the slice, in NEWID order. */
export function readReutersArticles(dir = reutersDir): ReutersArticle[] {
  const articles: ReutersArticle[] = [];
  for (const file of readdirSync(dir).filter((f) => /^reut2-\d+\.xml$/.test(f)).sort()) {
    const xml = readFileSync(`${dir}/${file}`, 'utf8');
    for (const match of xml.matchAll(/<REUTERS ([^>]*)>([\s\S]*?)<\/REUTERS>/g)) {
      const attributes = match[1]!;
      const inner = match[2]!;
      const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1] ?? '';
      const topicsXml = /<TOPICS>([\s\S]*?)<\/TOPICS>/.exec(inner)?.[1] ?? '';
      articles.push({
        newId: Number(attribute('NEWID')),
        topicsConsidered: attribute('TOPICS') === 'YES',
        lewisSplit: attribute('LEWISSPLIT'),
        topics: [...topicsXml.matchAll(/<D>([^<]*)<\/D>/g)].map((d) => d[1]!),
        title: element(inner, 'TITLE').trim(),
        body: element(inner, 'BODY').replace(/\s*Reuter\s*\u0003?\s*$/i, '').trim(),
      });
    }
  }
  return articles.sort((a, b) => a.newId - b.newId);
}
