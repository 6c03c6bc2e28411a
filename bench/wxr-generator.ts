import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const WORDS = ('the council voted on tuesday to extend the harbour project after months of debate over costs and the river ' +
  'reporters found that the ministry had delayed its report while farmers in the north waited for rain and prices rose ' +
  'elections energy climate health schools transport courts police budget trade water housing culture science').split(' ');

/** A small deterministic generator (LCG), so every run writes the same export. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export interface GeneratedWxr { posts: number; comments: number; authors: number; categories: number; tags: number }

/**
 * Writes a WordPress export of `posts` posts (classic and block content, captions, categories,
 * tags, two authors' worth of bylines, threaded comments) to `file`, streaming, so any size fits.
 */
export async function writeWxr(file: string, options: { posts: number; commentsPerPost?: number; seed?: number }): Promise<GeneratedWxr> {
  const rand = random(options.seed ?? 42);
  const commentsPerPost = options.commentsPerPost ?? 2;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const authors = 20;
  const categories = 40;
  const tags = 200;
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated News</title><link>https://old-news.example</link><description>Bench</description><language>en-GB</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old-news.example</wp:base_site_url><wp:base_blog_url>https://old-news.example</wp:base_blog_url>
`);
  for (let a = 1; a <= authors; a++) {
    await write(`<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login><![CDATA[writer${a}]]></wp:author_login><wp:author_email><![CDATA[writer${a}@old-news.example]]></wp:author_email><wp:author_display_name><![CDATA[Writer Number ${a}]]></wp:author_display_name></wp:author>\n`);
  }
  for (let c = 1; c <= categories; c++) {
    const parent = c > 10 ? `section-${((c - 1) % 10) + 1}` : '';
    await write(`<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename><![CDATA[section-${c}]]></wp:category_nicename><wp:category_parent><![CDATA[${parent}]]></wp:category_parent><wp:cat_name><![CDATA[Section ${c}]]></wp:cat_name></wp:category>\n`);
  }
  for (let t = 1; t <= tags; t++) {
    await write(`<wp:tag><wp:term_id>${1000 + t}</wp:term_id><wp:tag_slug><![CDATA[topic-${t}]]></wp:tag_slug><wp:tag_name><![CDATA[Topic ${t}]]></wp:tag_name></wp:tag>\n`);
  }
  let commentCount = 0;
  for (let p = 1; p <= options.posts; p++) {
    const id = 10000 + p;
    const day = new Date(Date.UTC(2005, 0, 1) + p * 3_600_000 * 2).toISOString().replace('T', ' ').slice(0, 19);
    const title = `${words(6)} ${p}`;
    const blocks = p % 3 === 0;
    const paragraphs = Array.from({ length: 4 }, () => words(30 + Math.floor(rand() * 30)));
    const content = blocks
      ? paragraphs.map((t) => `<!-- wp:paragraph -->\n<p>${t}</p>\n<!-- /wp:paragraph -->`).join('\n\n')
      : `${paragraphs.join('\n\n')}${p % 5 === 0 ? `\n\n[caption id="attachment_1" align="alignnone" width="300"]<img src="https://old-news.example/wp-content/uploads/${p}.jpg" alt="x" width="300" height="200" /> ${words(5)}[/caption]` : ''}`;
    const cats = [`section-${1 + Math.floor(rand() * categories)}`];
    const postTags = [1, 2, 3].map(() => `topic-${1 + Math.floor(rand() * tags)}`);
    let comments = '';
    for (let c = 1; c <= commentsPerPost; c++) {
      commentCount++;
      comments += `<wp:comment><wp:comment_id>${c}</wp:comment_id><wp:comment_author><![CDATA[Reader ${c}]]></wp:comment_author><wp:comment_author_email><![CDATA[r${c}@example.org]]></wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_date><![CDATA[${day}]]></wp:comment_date><wp:comment_date_gmt><![CDATA[${day}]]></wp:comment_date_gmt><wp:comment_content><![CDATA[${words(20)}]]></wp:comment_content><wp:comment_approved><![CDATA[${c % 4 === 0 ? '0' : '1'}]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>${c > 1 ? c - 1 : 0}</wp:comment_parent></wp:comment>`;
    }
    await write(`<item><title><![CDATA[${title}]]></title><link>https://old-news.example/${day.slice(0, 4)}/${day.slice(5, 7)}/${day.slice(8, 10)}/post-${p}/</link><pubDate>x</pubDate><dc:creator><![CDATA[writer${1 + (p % authors)}]]></dc:creator><guid isPermaLink="false">https://old-news.example/?p=${id}</guid><description></description><content:encoded><![CDATA[${content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date><![CDATA[${day}]]></wp:post_date><wp:post_date_gmt><![CDATA[${day}]]></wp:post_date_gmt><wp:post_name><![CDATA[post-${p}]]></wp:post_name><wp:status><![CDATA[${p % 50 === 0 ? 'draft' : 'publish'}]]></wp:status><wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type><wp:is_sticky>${p % 1000 === 0 ? 1 : 0}</wp:is_sticky>${cats.map((c) => `<category domain="category" nicename="${c}"><![CDATA[${c}]]></category>`).join('')}${postTags.map((t) => `<category domain="post_tag" nicename="${t}"><![CDATA[${t}]]></category>`).join('')}<wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>${comments}</item>\n`);
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  return { posts: options.posts, comments: commentCount, authors, categories, tags };
}
