import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Instant } from './ids.js';
import { isLastActiveOwner, mayManageAccount } from './staff-rules.js';
import type { Role, User, UserId } from './staff.js';

const at = '2026-11-27T10:00:00.000Z' as Instant;
const user = (id: string, role: Role, disabledAt: Instant | null = null): User => ({
  id: id as UserId, email: `${id}@x.example`, name: id, role, authorId: null, passwordHash: '', createdAt: at, updatedAt: at, disabledAt,
});

describe('staff rules', () => {
  it('lets nobody act on a role above their own', () => {
    assert.equal(mayManageAccount('owner', 'owner'), true);
    assert.equal(mayManageAccount('administrator', 'owner'), false);
    assert.equal(mayManageAccount('administrator', 'administrator'), true);
    assert.equal(mayManageAccount('administrator', 'contributor'), true);
  });

  it('knows the last active owner; a deactivated owner does not count', () => {
    const a = user('a', 'owner');
    assert.equal(isLastActiveOwner(a, [a, user('b', 'administrator')]), true);
    assert.equal(isLastActiveOwner(a, [a, user('b', 'owner', at)]), true);
    assert.equal(isLastActiveOwner(a, [a, user('b', 'owner')]), false);
    assert.equal(isLastActiveOwner(user('c', 'editor'), [user('c', 'editor')]), false);
  });
});
