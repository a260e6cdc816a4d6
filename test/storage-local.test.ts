// The local storage driver's writes are atomic: a source that fails, at once or part way, leaves
// nothing behind (no file under its name, no temporary file). (The race of a failure during the
// temporary file's open is caught through the API, in files.test.ts.)
import t from 'tap';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDriver } from '../src/storage/local.js';

t.test('a failing source leaves no file and no temporary file', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'strata-local-'));
  const driver = new LocalDriver(root);
  const failing = (chunks: number) => (async function* () {
    for (let i = 0; i < chunks; i++) yield Buffer.alloc(64 * 1024, i);
    throw new Error('the upload broke off');
  })();
  for (const chunks of [0, 0, 0, 1, 3, 50]) {
    await t.rejects(driver.write(`f-${chunks}.bin`, failing(chunks)), /broke off/);
    // whatever the file system still had in flight for the write has settled by now (the
    // write's promise settles last); a few turns of the event loop to let a stray open land
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    t.same(readdirSync(root), [], `${chunks} chunks before the failure: nothing left`);
  }
  t.equal(await driver.write('ok.bin', (async function* () { yield Buffer.from('hello'); })()), 5);
  t.same(readdirSync(root), ['ok.bin']);
});
