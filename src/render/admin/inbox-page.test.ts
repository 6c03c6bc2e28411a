import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../domain/article.js';
import type { AdminFrame } from './admin-layout.js';
import { renderInboxPage } from './inbox-page.js';

const frame: AdminFrame = { siteName: 'News', user: { name: 'Ed', role: 'editor', email: 'ed@news.example' }, csrf: 'token', assets: { stylesheet: '/a.css', editorScript: null } };
const item = { id: 'a1', title: 'Strait reopens', createdAt: '2026-11-20T00:00:00.000Z', publishedAt: null, syndication: null } as unknown as Article;

describe('the inbox page', () => {
  it('names three other sources of a story and counts the rest', () => {
    const alsoFrom = ['One', 'Two', 'Three', 'Four', 'Five'].map((source, i) => ({ articleId: `b${i}`, source: `Agency ${source}` }));
    const page = renderInboxPage(frame, { items: [item], hints: { a1: { alsoFrom, region: 'Europe', theme: null } }, total: 1, rejected: false, page: 1, pageCount: 1, canPublish: true });
    const hint = /<span class="also-from">([\s\S]*?)<\/span>/.exec(page)![1]!;
    assert.equal(hint.replace(/<[^>]+>/g, ''), 'also from Agency One, Agency Two, Agency Three and 2 more');
    assert.match(hint, /<a href="\/admin\/articles\/b0\/edit">Agency One<\/a>/);
    assert.match(page, /Suggested: Europe</);
  });

  it('shows no hints for a row the analysis could not describe', () => {
    const page = renderInboxPage(frame, { items: [item], total: 1, rejected: false, page: 1, pageCount: 1, canPublish: true });
    assert.doesNotMatch(page, /also from|Suggested:/);
  });
});
