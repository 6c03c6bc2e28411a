import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { after, describe, it } from 'node:test';
import { LocalDiskFileStore } from '../../src/media/local-disk-file-store.js';

describe('LocalDiskFileStore', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dateline-media-'));
  const store = new LocalDiskFileStore(root);
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes whole files, reads them back and leaves no temporary files', async () => {
    await store.put('ab/abcdef/320.webp', new TextEncoder().encode('first'));
    await store.put('ab/abcdef/320.webp', new TextEncoder().encode('second version'));
    const file = await store.open('ab/abcdef/320.webp');
    assert.equal(file?.bytes, 14);
    assert.equal(await text(file!.stream), 'second version');
    assert.deepEqual(readdirSync(path.join(root, 'ab', 'abcdef')), ['320.webp']);
    assert.equal(await store.open('ab/abcdef/640.webp'), null);
    assert.equal(await store.open('ab/abcdef'), null, 'a folder is not a file');
  });

  it('deletes every file under a prefix, and only those', async () => {
    await store.put('cd/cdef/320.jpg', new Uint8Array([1]));
    await store.put('cd/cdef/640.jpg', new Uint8Array([2]));
    await store.put('cd/cdee/320.jpg', new Uint8Array([3]));
    await store.deletePrefix('cd/cdef/');
    assert.equal(await store.open('cd/cdef/320.jpg'), null);
    assert.equal(await store.open('cd/cdef/640.jpg'), null);
    assert.ok(await store.open('cd/cdee/320.jpg'));
    await store.deletePrefix('cd/missing/');
    await assert.rejects(store.deletePrefix('cd/cdee'), /ends in "\/"/);
  });

  it('refuses keys that could leave its folder', async () => {
    for (const key of ['../escape.jpg', 'ab/../../escape.jpg', '/etc/passwd', 'ab//x.jpg', 'AB/x.jpg', 'ab/.hidden']) {
      await assert.rejects(store.put(key, new Uint8Array([1])), /Not a media file key/, key);
      await assert.rejects(store.open(key), /Not a media file key/, key);
    }
  });
});
