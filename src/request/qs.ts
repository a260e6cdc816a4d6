// Query-string parsing in `qs` style, as Directus does: `filter[title][_eq]=x`,
// `fields[]=a&fields[]=b`, `filter[_or][0][a][_eq]=1` (objects with integer keys become arrays).
// Objects are built without a prototype and keys naming prototype machinery are refused, so no
// query string can reach Object.prototype (see safe-keys.ts).
import { invalidQuery } from '../errors.js';
import { isForbiddenKey } from './safe-keys.js';

export type QsValue = string | QsValue[] | { [key: string]: QsValue };

const MAX_DEPTH = 10;

const emptyObject = (): Record<string, QsValue> => Object.create(null);

export function parseQueryString(raw: string): Record<string, QsValue> {
  const root = emptyObject();
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = splitKey(key);
    if (!path) continue;
    const bad = path.find(isForbiddenKey);
    if (bad !== undefined) throw invalidQuery(`Query parameter key "${bad}" is not allowed`);
    assign(root, path, value);
  }
  return arraysFromIndexedObjects(root) as Record<string, QsValue>;
}

/**
 * "a[b][]" -> ["a", "b", ""]; undefined for empty keys. Deeper than MAX_DEPTH, the rest is one
 * more segment as qs makes it ("[c][d]"), which no collection has as a field (so a filter that
 * deep is refused for its depth, as in Directus). A segment may hold bracketed parts itself, as
 * `_json` paths do:
 * filter[meta][_json][a.b[0]][_eq] -> ["filter", "meta", "_json", "a.b[0]", "_eq"].
 */
function splitKey(key: string): string[] | undefined {
  const open = key.indexOf('[');
  if (open <= 0) return key ? [key] : undefined;
  const path = [key.slice(0, open)];
  const re = /\[((?:[^[\]]|\[[^[\]]*\])*)\]/g;
  re.lastIndex = open;
  let m: RegExpExecArray | null;
  let end = open;
  while ((m = re.exec(key)) && m.index === end && path.length <= MAX_DEPTH) {
    path.push(m[1]);
    end = re.lastIndex;
  }
  if (end < key.length) {
    if (path.length > MAX_DEPTH) path.push(key.slice(end));
    else path[path.length - 1] += key.slice(end);
  }
  return path;
}

function assign(root: Record<string, QsValue>, path: string[], value: string): void {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    // "[]" pushes: the next free integer key (turned into an array at the end)
    const seg = path[i] === '' ? String(Object.keys(node).length) : path[i];
    const next = node[seg];
    if (typeof next === 'string' || Array.isArray(next)) return; // conflicting shapes: the first wins
    node = (next ?? (node[seg] = emptyObject())) as Record<string, QsValue>;
  }
  const last = path[path.length - 1] === '' ? String(Object.keys(node).length) : path[path.length - 1];
  const existing = node[last];
  if (existing === undefined) node[last] = value;
  else if (typeof existing === 'string') node[last] = [existing, value];
  else if (Array.isArray(existing)) existing.push(value);
}

function arraysFromIndexedObjects(v: QsValue): QsValue {
  if (Array.isArray(v)) return v.map(arraysFromIndexedObjects);
  if (typeof v !== 'object') return v;
  const keys = Object.keys(v);
  for (const k of keys) v[k] = arraysFromIndexedObjects(v[k]);
  // any number of indexed entries (Directus parses `filter[_or][25][...]`); indices are only
  // ordered and compacted, so a huge index costs nothing, and the filter caps bound the size
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => v[k]);
  }
  return v;
}
