// The streamed JSON array reader of imports (src/files/json-array.ts), property-based: any JSON
// array, with any whitespace between its tokens and cut into chunks at any byte (inside
// strings, escapes and multi-byte characters too), yields the elements JSON.parse finds, in
// order; anything else is refused as a whole parse of the text is.
import t from 'tap';
import fc from 'fast-check';
import { jsonArrayElements } from '../src/files/json-array.js';
import { DirectusError } from '../src/errors.js';
import { parseJsonSafely } from '../src/request/safe-keys.js';

/** the bytes cut at the given offsets */
function* chunks(bytes: Buffer, cuts: number[]): Generator<Buffer> {
  let at = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

async function elements(bytes: Buffer, cuts: number[]): Promise<unknown[] | DirectusError> {
  const out: unknown[] = [];
  try {
    for await (const e of jsonArrayElements((async function* () { yield* chunks(bytes, cuts); })())) out.push(e.value);
  } catch (err) {
    if (err instanceof DirectusError) return err;
    throw err;
  }
  return out;
}

const space = fc.constantFrom('', ' ', '\n', '\t', '\r\n ');

t.test('any array, any spacing, any chunking: the elements JSON.parse finds', async () => {
  await fc.assert(fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 8 }), fc.array(space, { minLength: 20, maxLength: 20 }),
    fc.array(fc.nat(), { maxLength: 12 }), async (values, spaces, cuts) => {
      let i = 0;
      const pad = () => spaces[i++ % spaces.length];
      const text = `${pad()}[${pad()}${values.map((v) => `${pad()}${JSON.stringify(v)}${pad()}`).join(',')}${pad()}]${pad()}`;
      const got = await elements(Buffer.from(text), cuts);
      let expected: unknown;
      try {
        expected = parseJsonSafely(text);
      } catch {
        expected = undefined; // (a refused key: the reader refuses it too)
      }
      if (expected === undefined) return got instanceof DirectusError;
      return !(got instanceof DirectusError) && JSON.stringify(got) === JSON.stringify(expected);
    }), { numRuns: 300 });
});

t.test('not an array, or not JSON: refused, whatever the chunking', async () => {
  await fc.assert(fc.asyncProperty(fc.oneof(
    fc.jsonValue().filter((v) => !Array.isArray(v)).map((v) => JSON.stringify(v)),
    fc.string(),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }).map((a) => JSON.stringify(a).slice(0, -1)), // never closed
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }).map((a) => `${JSON.stringify(a)} x`), // data after it
  ), fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
    let whole: unknown;
    try {
      whole = parseJsonSafely(text);
    } catch {
      whole = undefined;
    }
    const got = await elements(Buffer.from(text), cuts);
    // a string that happens to be a whole JSON array is the first property's business
    return Array.isArray(whole) || got instanceof DirectusError;
  }), { numRuns: 300 });
});
