// The elements of a JSON array as they stream in (POST /utils/import's JSON files): each
// element's text is cut out of the bytes and parsed on its own by parseJsonSafely, so an import
// never holds more than one element's text, and every element meets the same rules as a request
// body (refused keys, nesting depth). Written here rather than taken from a streaming JSON
// library because those build the values themselves, where parseJsonSafely's checks would not
// apply. Only the array's own structure is scanned: brackets, braces, commas and strings (their
// quotes and escapes); JSON's structural characters are ASCII, and no byte of a multi-byte UTF-8
// character is ASCII, so the bytes are scanned without decoding them.
import { invalidPayload } from '../errors.js';
import { parseJsonSafely } from '../request/safe-keys.js';

const [QUOTE, BACKSLASH, COMMA, OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [0x22, 0x5c, 0x2c, 0x5b, 0x5d, 0x7b, 0x7d];
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const parse = (text: string): unknown => {
  try {
    return parseJsonSafely(text);
  } catch (err) {
    throw invalidPayload((err as Error).message.replace(/\.$/, ''));
  }
};

/** An element of the top-level array, with the size of its text in bytes. */
export interface ArrayElement {
  value: unknown;
  bytes: number;
}

/**
 * Yields the elements of the JSON array `data` holds, in order. Any other JSON value at the top
 * level is refused as Directus refuses it ("Top-level object should be an array."), malformed
 * JSON with the parser's message.
 */
export async function* jsonArrayElements(data: AsyncIterable<Buffer>): AsyncGenerator<ArrayElement> {
  let state: 'start' | 'items' | 'done' = 'start';
  /** the whole text, when the top level is not an array (parsed at the end for its message) */
  let other: Buffer[] | undefined;
  /** the current element's bytes from earlier chunks */
  let pieces: Buffer[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let elements = 0;
  let firstChunk = true;

  const element = (tail: Buffer, closing: boolean): ArrayElement | undefined => {
    const bytes = pieces.length ? Buffer.concat([...pieces, tail]) : tail;
    pieces = [];
    const text = bytes.toString('utf8');
    // `[]` has no element; an empty one anywhere else (`[1,]`, `[,1]`) is malformed
    if (text.trim() === '' && closing && elements === 0) return undefined;
    elements++;
    return { value: parse(text), bytes: bytes.length };
  };

  for await (let chunk of data) {
    if (other) {
      other.push(chunk);
      continue;
    }
    if (firstChunk && chunk.subarray(0, 3).equals(BOM)) chunk = chunk.subarray(3);
    firstChunk = false;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (state === 'start') {
        if (isSpace(b)) continue;
        if (b !== OPEN_ARRAY) {
          other = [chunk.subarray(i)];
          break;
        }
        state = 'items';
        start = i + 1;
      } else if (state === 'done') {
        if (!isSpace(b)) throw invalidPayload('Unexpected data after the top-level array');
      } else if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) {
        inString = true;
      } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
        depth++;
      } else if ((b === CLOSE_ARRAY || b === CLOSE_OBJECT) && depth > 0) {
        depth--;
      } else if ((b === COMMA || b === CLOSE_ARRAY) && depth === 0) {
        const e = element(chunk.subarray(start, i), b === CLOSE_ARRAY);
        if (e) yield e;
        start = i + 1;
        if (b === CLOSE_ARRAY) state = 'done';
      } else if (b === CLOSE_OBJECT) {
        throw invalidPayload('Unexpected token } in JSON');
      }
    }
    if (state === 'items' && !other) pieces.push(chunk.subarray(start));
  }
  if (other || state === 'start') {
    // not an array: its own parse error, or Directus's refusal of a value that is not an array
    parse(Buffer.concat(other ?? []).toString('utf8'));
    throw invalidPayload('Top-level object should be an array.');
  }
  if (state === 'items') throw invalidPayload('Unexpected end of JSON input');
}
