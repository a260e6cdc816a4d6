// /folders CRUD with nested folders, and what deleting a folder does to its files and sub-folders.
//
// Directus 12.4 (127.0.0.1:18055) answered:
//  - POST {"name":"Child","parent":<id>} → 200 with {id, name, parent, type: "files"};
//    POST {} → 400 FAILED_VALIDATION 'Validation failed for field "name". Value is required.';
//    an unknown parent → 400 INVALID_FOREIGN_KEY;
//  - DELETE of a folder holding files → 204, the files' `folder` becomes null;
//  - DELETE of a folder that still has sub-folders → 500 (its foreign-key violation, unhandled);
//    deleting the parent together with its sub-folders in one request → 204. Strata refuses the
//    first as a client error (400, nothing deleted) rather than a 500.
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from './helpers/app.js';

const app = await startApp(t, { STORAGE_LOCAL_ROOT: mkdtempSync(join(tmpdir(), 'strata-folders-')) });

const folder = async (body: unknown) => {
  const res = await app.post('/folders', body);
  if (res.status !== 200) throw new Error(res.text);
  return res.body.data as { id: string; name: string; parent: string | null; type: string };
};

t.test('create, read, update nested folders', async (t) => {
  const parent = await folder({ name: 'Parent' });
  t.match(parent, { name: 'Parent', parent: null, type: 'files' });
  const child = await folder({ name: 'Child', parent: parent.id });
  t.equal(child.parent, parent.id);
  const many = await app.post('/folders', [{ name: 'A', parent: child.id }, { name: 'B', parent: child.id }]);
  t.equal(many.status, 200);
  t.same(many.body.data.map((f: any) => f.name).sort(), ['A', 'B'], 'both created (uuid keys: answered in key order)');

  const nested = await app.get(`/folders/${child.id}?fields=name,parent.name`);
  t.same(nested.body.data, { name: 'Child', parent: { name: 'Parent' } });
  const renamed = await app.patch(`/folders/${child.id}`, { name: 'Renamed' });
  t.equal(renamed.body.data.name, 'Renamed');
  const batch = await app.patch('/folders', { keys: many.body.data.map((f: any) => f.id), data: { parent: parent.id } });
  t.equal(batch.status, 200);
  t.same(batch.body.data.map((f: any) => f.parent), [parent.id, parent.id]);

  const empty = await app.post('/folders', {});
  t.equal(empty.status, 400);
  t.equal(empty.body.errors[0].extensions.code, 'FAILED_VALIDATION');
  t.equal(empty.body.errors[0].extensions.field, 'name');
  const orphan = await app.post('/folders', { name: 'X', parent: '00000000-0000-4000-8000-000000000000' });
  t.equal(orphan.status, 400);
  t.equal(orphan.body.errors[0].extensions.code, 'INVALID_FOREIGN_KEY');
});

t.test('delete: files go to the root; a folder with sub-folders is refused alone', async (t) => {
  const parent = await folder({ name: 'P' });
  const child = await folder({ name: 'C', parent: parent.id });
  const form = new FormData();
  form.append('folder', child.id);
  form.append('file', new Blob(['hi'], { type: 'text/plain' }), 'hi.txt');
  const up = await fetch(`${app.url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${app.adminToken}` } });
  const file = (await up.json()).data;
  t.equal(file.folder, child.id);

  const refused = await app.del(`/folders/${parent.id}`);
  t.equal(refused.status, 400, refused.text);
  t.equal((await app.get(`/folders/${parent.id}`)).status, 200, 'nothing deleted');

  t.equal((await app.del(`/folders/${child.id}`)).status, 204);
  t.equal((await app.get(`/files/${file.id}?fields=folder`)).body.data.folder, null, 'its file is at the root now');
  t.equal((await app.get(`/folders/${child.id}`)).status, 403);

  const again = await folder({ name: 'C2', parent: parent.id });
  t.equal((await app.del('/folders', [parent.id, again.id])).status, 204, 'together with its sub-folders');
  t.equal((await app.sql('select id from directus_folders where id = any($1::uuid[])', [[parent.id, again.id]])).length, 0);
});
