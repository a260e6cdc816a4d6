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
 * JSON.parse that throws a SyntaxError naming the key when an object in the text has a key of
 * FORBIDDEN_KEYS, at any depth.
 */
export function parseJsonSafely(text: string): unknown {
  if (!MAY_HOLD_FORBIDDEN.test(text)) return JSON.parse(text);
  return JSON.parse(text, function reviver(this: unknown, key: string, value: unknown) {
    if (isForbiddenKey(key) && !Array.isArray(this)) throw new SyntaxError(`Key "${key}" is not allowed`);
    return value;
  });
}
