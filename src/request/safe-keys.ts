// Request data never becomes code: no key a client sends may reach an object's prototype chain.
// Every parser of request data (query strings, JSON and SEARCH bodies, cookies, headers) builds
// null-prototype objects or plain JSON.parse output, and refuses the keys that name prototype
// machinery, so `obj[key] = value` anywhere later can't write to Object.prototype and a lookup
// can't find an inherited value the client planted.

/** Keys refused in every piece of request data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isForbiddenKey = (key: string): boolean => FORBIDDEN_KEYS.has(key);

// JSON.parse creates "__proto__" as an own property (it never sets the prototype), but later code
// that copies keys with `target[k] = v` would. A reviver costs 2-3x on large bodies, so it runs
// only when the text may hold such a key: written out, or hidden behind a \u escape.
const MAY_HOLD_FORBIDDEN = /proto|constructor|\\u/;

/**
 * Deepest nesting of objects and arrays request JSON may have. JSON.parse copes with any depth,
 * but whatever walks the value afterwards recursively (JSON.stringify, structuredClone, diffs)
 * would overflow the stack on a few kilobytes of brackets and answer 500. Filters, `deep` and
 * nested writes stay far below this (filters are capped at 50 levels by the query parser).
 */
export const MAX_JSON_DEPTH = 256;

/** Whether the text opens more than MAX_JSON_DEPTH levels (strings skipped). Short texts can't. */
function nestedTooDeeply(text: string): boolean {
  if (text.length <= 2 * MAX_JSON_DEPTH) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/**
 * JSON.parse that throws a SyntaxError naming the key when an object in the text has a key of
 * FORBIDDEN_KEYS, at any depth.
 */
export function parseJsonSafely(text: string): unknown {
  if (nestedTooDeeply(text)) throw new SyntaxError(`JSON is nested more than ${MAX_JSON_DEPTH} levels deep`);
  if (!MAY_HOLD_FORBIDDEN.test(text)) return JSON.parse(text);
  return JSON.parse(text, function reviver(this: unknown, key: string, value: unknown) {
    if (isForbiddenKey(key) && !Array.isArray(this)) throw new SyntaxError(`Key "${key}" is not allowed`);
    return value;
  });
}
