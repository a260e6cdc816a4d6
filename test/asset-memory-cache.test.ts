// The gateway's memory of small transformed copies: bounded in bytes, least recently used out first.
import t from 'tap';
import { AssetMemoryCache } from '../src/files/memory-cache.js';

const copy = (n: number, fill = 1) => ({ size: n, modified: new Date(0), body: Buffer.alloc(n, fill) });

t.test('bounded in bytes, the least recently used copy leaves first', async (t) => {
  const m = new AssetMemoryCache(100, 60);
  m.set('a', copy(40, 1));
  m.set('b', copy(40, 2));
  t.ok(m.get('a'), 'a is used: b is now the oldest');
  m.set('c', copy(40, 3));
  t.same(m.size, { entries: 2, bytes: 80 });
  t.notOk(m.get('b'), 'b left');
  t.same(m.get('a')?.body, Buffer.alloc(40, 1));
  t.same(m.get('c')?.body, Buffer.alloc(40, 3));
});

t.test('a copy over the entry limit, or any copy with no room at all, is not kept', async (t) => {
  const m = new AssetMemoryCache(100, 60);
  m.set('big', copy(61));
  t.same(m.size, { entries: 0, bytes: 0 });
  const none = new AssetMemoryCache(0, 60);
  none.set('x', copy(1));
  t.notOk(none.get('x'));
  t.same(none.size, { entries: 0, bytes: 0 });
});

t.test('setting a name again replaces its copy and its bytes', async (t) => {
  const m = new AssetMemoryCache(100, 60);
  m.set('a', copy(50, 1));
  m.set('a', copy(30, 2));
  t.same(m.size, { entries: 1, bytes: 30 });
  t.same(m.get('a')?.body, Buffer.alloc(30, 2));
});

t.test('names carry the file\'s storage, stored name and modification time', async (t) => {
  const at = new Date('2026-01-01T00:00:00Z');
  const a = AssetMemoryCache.keyOf({ storage: 'local', filename_disk: 'x.png', modified_on: at }, 'k');
  t.not(a, AssetMemoryCache.keyOf({ storage: 'local', filename_disk: 'y.png', modified_on: at }, 'k'));
  t.not(a, AssetMemoryCache.keyOf({ storage: 's3', filename_disk: 'x.png', modified_on: at }, 'k'));
  t.not(a, AssetMemoryCache.keyOf({ storage: 'local', filename_disk: 'x.png', modified_on: new Date(at.getTime() + 1) }, 'k'));
  t.equal(a, AssetMemoryCache.keyOf({ storage: 'local', filename_disk: 'x.png', modified_on: new Date(at) }, 'k'));
});
