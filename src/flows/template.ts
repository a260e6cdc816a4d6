// Directus's `{{ path }}` templating of operation options: every string anywhere in the options
// is rendered against the flow's data chain ($trigger, $last, $accountability, $env, operation
// keys). A string that is exactly one tag takes the value itself (a number stays a number, an
// object stays an object); tags inside a longer string are replaced by the value as text
// (objects and arrays as JSON). A missing value is the text "undefined", as Directus renders it,
// and an empty tag `{{ }}` is an error. Paths are dotted, with [n] or .n for array items. Only
// own properties are followed (and an error's name): a path can't reach a prototype.

// (anything between the braces is a path: `{{ a + 1 }}` names no value, so it is "undefined")
const WHOLE = /^\{\{\s*(\S(?:(?!\}\}).)*?)\s*\}\}$/s;
const TAG = /\{\{\s*(\S(?:(?!\}\}).)*?)\s*\}\}/gs;
const EMPTY = /\{\{\s*\}\}/;

/** The value at a dotted path ("a.b[0].c", "a.b.0.c"); undefined when any step is missing. */
export function getPath(scope: unknown, path: string): unknown {
  let value = scope;
  for (const step of path.replace(/\[(\w+)\]/g, '.$1').split('.')) {
    if (step === '') continue;
    if (value instanceof Error && step === 'name') return value.name;
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

function text(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `item` with every template rendered against `data` (a new value; `item` is not changed). */
export function render(item: unknown, data: unknown): unknown {
  if (typeof item === 'string') {
    const empty = EMPTY.exec(item);
    if (empty) throw new SyntaxError(`Unexpected "}}" tag found at position ${empty.index}`);
    const whole = WHOLE.exec(item);
    if (whole) {
      const value = getPath(data, whole[1]);
      return value === undefined ? 'undefined' : value;
    }
    return item.replace(TAG, (_, path: string) => text(getPath(data, path)));
  }
  if (Array.isArray(item)) return item.map((i) => render(i, data));
  // fromEntries defines properties: a "__proto__" key stays a key, never a prototype
  if (item !== null && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, render(v, data)]));
  return item;
}
