// domain/ may not import node:* (eslint layer rule); the test runner and assert are test-only tooling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertMayEdit, assertMayMove, nextStatusesFor, parseRedirectTarget, type EditorialRecord } from './editorial.js';
import { isAppError } from './errors.js';
import type { User, UserId } from './staff.js';

const user = (role: User['role'], id = 'u1') => ({ id: id as UserId, role, name: role, email: `${role}@x.example` }) as User;
const ownRecord: EditorialRecord = { version: 1, createdBy: 'u1' as UserId, unpublished: null };
const othersRecord: EditorialRecord = { version: 1, createdBy: 'u2' as UserId, unpublished: null };
const refused = (fn: () => void) => assert.throws(fn, (e: unknown) => isAppError(e, 'NOT_ALLOWED'));

describe('editorial workflow by role', () => {
  test('a contributor edits own drafts only and moves nothing', () => {
    const contributor = user('contributor');
    assertMayEdit(contributor, { status: 'draft', title: 't' }, ownRecord);
    refused(() => assertMayEdit(contributor, { status: 'review', title: 't' }, ownRecord));
    refused(() => assertMayEdit(contributor, { status: 'draft', title: 't' }, othersRecord));
    refused(() => assertMayMove(contributor, true, 'draft', 'review'));
    refused(() => assertMayMove(contributor, true, 'draft', 'published'));
    assert.deepEqual(nextStatusesFor('contributor', true, 'draft'), []);
  });

  test('an author submits own drafts for review but cannot publish, schedule or archive', () => {
    const author = user('author');
    assertMayMove(author, true, 'draft', 'review');
    assertMayMove(author, true, 'review', 'draft');
    refused(() => assertMayMove(author, false, 'draft', 'review'));
    for (const to of ['published', 'scheduled', 'archived'] as const) refused(() => assertMayMove(author, true, 'review', to));
    refused(() => assertMayEdit(author, { status: 'published', title: 't' }, ownRecord));
    assert.deepEqual(nextStatusesFor('author', true, 'draft'), ['review']);
  });

  test('an editor edits and moves anything', () => {
    const editor = user('editor');
    assertMayEdit(editor, { status: 'published', title: 't' }, othersRecord);
    assertMayMove(editor, false, 'review', 'published');
    assert.deepEqual(nextStatusesFor('editor', false, 'published'), ['draft', 'review', 'archived']);
  });

  test('redirect targets are site paths or http(s) addresses', () => {
    assert.equal(parseRedirectTarget(' /2026/11/other/ '), '/2026/11/other/');
    assert.equal(parseRedirectTarget('https://partner.example/x'), 'https://partner.example/x');
    for (const bad of ['//evil.example/', '/\\evil.example', 'javascript:alert(1)', 'relative/path', '']) {
      assert.throws(() => parseRedirectTarget(bad), (e: unknown) => isAppError(e, 'INVALID_INPUT'), bad);
    }
  });
});
