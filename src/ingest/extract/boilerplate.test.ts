import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { removeFurniture } from './boilerplate.js';
import { collapsedText, parseDocument } from './dom.js';

const PROSE = [
  'The library board voted on Monday to keep the branch in the old market hall open on Saturdays, reversing a decision taken in the spring.',
  'Volunteers had collected more than two thousand signatures, and the board said the petition showed how many families depend on the weekend hours.',
  'The extra hours will be paid for from the reserve fund until the next budget, when the board expects the council to restore the grant.',
];

function run(bodyHtml: string, title: string | null = null): { text: string; reasons: string[] } {
  const document = parseDocument(`<html><body><div id="root">${bodyHtml}</div></body></html>`);
  const root = document.querySelector('#root');
  assert.ok(root);
  const removed = removeFurniture(root, { title });
  return { text: collapsedText(root), reasons: removed.map((r) => r.reason) };
}

const p = (text: string): string => `<p>${text}</p>`;

describe('removeFurniture', () => {
  it('drops the head of the body: repeated title, byline and date line', () => {
    const { text, reasons } = run(`<h2>Branch stays open on Saturdays</h2>${p('By Ines Varga')}${p('Published 10:48, Tue, Nov 19, 2019')}${PROSE.map(p).join('')}`, 'Branch stays open on Saturdays');
    assert.deepEqual(reasons, ['head.title', 'head.byline', 'head.date-line']);
    assert.ok(text.startsWith('The library board voted'));
  });

  it('drops a standalone ad slot anywhere, but keeps a weak match in the middle of the story', () => {
    const { text, reasons } = run([p(PROSE[0] ?? ''), p('Advertisement'), p('Source: the board minutes show three members voted against.'), p(PROSE[1] ?? ''), p(PROSE[2] ?? '')].join(''));
    assert.deepEqual(reasons, ['advertisement.label']);
    assert.ok(text.includes('Source: the board minutes'));
  });

  it('drops the trailing run from the first furniture line to the end', () => {
    const { text, reasons } = run([...PROSE.map(p), p('Source: Valley Courier'), p('Tags: libraries, council'), p('Back to the list')].join(''));
    assert.deepEqual(reasons, ['original-source.label', 'related.labelled-terms', 'tail.after-furniture']);
    assert.ok(text.endsWith('restore the grant.'));
  });

  it('drops a related heading with the links under it, and a closing "About" section', () => {
    const { text, reasons } = run([
      p(PROSE[0] ?? ''),
      '<h3>Read more</h3><ul><li><a href="/a">Pool closes for repairs</a></li><li><a href="/b">New bus route</a></li></ul>',
      p(PROSE[1] ?? ''),
      p(PROSE[2] ?? ''),
      '<h3>About Valley Libraries</h3>',
      p('Valley Libraries runs nine branches and a mobile library that visits the outlying villages every week.'),
    ].join(''));
    assert.deepEqual(reasons, ['related.heading', 'related.heading', 'closing.about-organisation', 'tail.after-furniture']);
    assert.ok(!text.includes('Pool closes'));
    assert.ok(!text.includes('nine branches'));
  });

  it('keeps repeated short lines and repeats far apart, but drops a long paragraph shown twice in a row', () => {
    const { text, reasons } = run([p(PROSE[0] ?? ''), p('Serve warm'), p('Serve warm'), p(PROSE[1] ?? ''), p(PROSE[1] ?? ''), p(PROSE[2] ?? ''), p(PROSE[0] ?? '')].join(''));
    assert.deepEqual(reasons, ['body.duplicate']);
    assert.equal(text.split('Serve warm').length, 3);
    assert.equal(text.split(PROSE[0] ?? '').length, 3);
    assert.equal(text.split(PROSE[1] ?? '').length, 2);
  });
});
