// `?export=json|csv|csv_utf8|xml|yaml`: the read's data as a file download in the formats
// Directus writes. This is the one place row data is parsed in Node: a download is a
// conversion of the JSON PostgreSQL built, not a pass-through. A large download must not stall
// every other request of the gateway, so the body is never parsed at once: the data array is
// cut into its items (dataItems), each item parsed and converted on its own, and the work
// yields to the event loop every few milliseconds (Slicer).
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ApiResponse } from '../types.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const TYPES: Record<string, [string, string]> = {
  json: ['application/json; charset=utf-8', 'json'],
  csv: ['text/csv; charset=utf-8', 'csv'],
  csv_utf8: ['text/csv; charset=utf-8', 'csv'],
  xml: ['text/xml; charset=utf-8', 'xml'],
  yaml: ['text/yaml; charset=utf-8', 'yaml'],
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `<collection> <yyyyMMdd-HHmmss>.<ext>` in the server's local time. */
export function exportFilename(collection: string, ext: string, now = new Date()): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${collection} ${stamp}.${ext}`;
}

/** The download for a read's response body (`{"data": ...}` as PostgreSQL built it). */
export async function exportResponse(format: string, collection: string, body: string): Promise<ApiResponse> {
  const [contentType, ext] = TYPES[format] ?? TYPES.json;
  return {
    status: 200,
    headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${exportFilename(collection, ext)}"` },
    body: await exportText(format, body),
  };
}

/**
 * The file's text: what toXml / toYaml / toCsv / JSON.stringify(data, null, '\t') give for the
 * body's `data`, byte for byte, built batch by batch with yields to the event loop.
 */
export async function exportText(format: string, body: string): Promise<string> {
  const open = dataArray(body);
  if (open !== undefined) {
    try {
      const batches = itemBatches(body, open);
      if (format === 'xml') return await xmlItems(batches);
      if (format === 'yaml') return await yamlItems(batches);
      if (format.startsWith('csv')) return await csvItems(batches, format === 'csv_utf8');
      return await jsonItems(batches);
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      // not the JSON PostgreSQL writes: converted whole below
    }
  }
  const data = (JSON.parse(body) as { data: Json }).data; // one item (or null): small
  return format === 'xml' ? toXml(data) : format === 'yaml' ? toYaml(data) : format.startsWith('csv') ? toCsv(data, format === 'csv_utf8') : JSON.stringify(data, null, '\t');
}

// --- cutting the body's data array into batches of items, without parsing the body

/** Text parsed at once (whole items, so one large item is one batch). */
const BATCH_CHARS = 256 * 1024;
/** Work done between two yields to the event loop. */
const SLICE_MS = 10;

const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d,
  COMMA = 0x2c, COLON = 0x3a;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The index after the JSON string starting at i (a quote not preceded by an odd run of backslashes ends it). */
function skipString(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) throw new SyntaxError('Unterminated string');
    let slashes = 0;
    while (s.charCodeAt(q - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** The index after the JSON value starting at i. */
function skipValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === QUOTE) return skipString(s, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d === QUOTE) j = skipString(s, j) - 1;
      else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if ((d === CLOSE_BRACE || d === CLOSE_BRACKET) && --depth === 0) return j + 1;
    }
    throw new SyntaxError('Unterminated value');
  }
  let j = i;
  for (let d = s.charCodeAt(j); j < s.length && !isSpace(d) && d !== COMMA && d !== CLOSE_BRACE && d !== CLOSE_BRACKET; d = s.charCodeAt(++j));
  if (j === i) throw new SyntaxError('Expected a value');
  return j;
}

/**
 * Where the body's `data` array opens, or undefined when `data` is not an array (one item,
 * null). The body is the JSON object PostgreSQL built: {"meta": {...}, "data": ...}.
 */
function dataArray(body: string): number | undefined {
  try {
    let i = skipSpace(body, 0);
    if (body.charCodeAt(i) !== OPEN_BRACE) return undefined;
    i = skipSpace(body, i + 1);
    while (body.charCodeAt(i) === QUOTE) {
      const keyEnd = skipString(body, i);
      const key = JSON.parse(body.slice(i, keyEnd)) as string;
      i = skipSpace(body, keyEnd);
      if (body.charCodeAt(i) !== COLON) return undefined;
      i = skipSpace(body, i + 1);
      if (key === 'data') return body.charCodeAt(i) === OPEN_BRACKET ? i : undefined;
      i = skipSpace(body, skipValue(body, i));
      if (body.charCodeAt(i) === COMMA) i = skipSpace(body, i + 1);
    }
  } catch {
    // not the JSON expected: parsed whole
  }
  return undefined;
}

/**
 * The items of the array opening at `open`, parsed a batch (about BATCH_CHARS of text) at a
 * time; between batches the event loop runs whenever SLICE_MS of work has passed.
 */
async function* itemBatches(s: string, open: number): AsyncGenerator<Json[]> {
  let since = performance.now();
  let i = skipSpace(s, open + 1);
  if (s.charCodeAt(i) === CLOSE_BRACKET) return;
  for (;;) {
    const start = i;
    let end: number;
    let last = false;
    do {
      end = skipValue(s, i);
      i = skipSpace(s, end);
      const c = s.charCodeAt(i);
      if (c === CLOSE_BRACKET) last = true;
      else if (c !== COMMA) throw new SyntaxError('Expected , or ]');
      else i = skipSpace(s, i + 1);
    } while (!last && end - start < BATCH_CHARS);
    yield JSON.parse(`[${s.slice(start, end)}]`) as Json[];
    if (last) return;
    if (performance.now() - since >= SLICE_MS) {
      await nextTurn();
      since = performance.now();
    }
  }
}

// --- JSON: JSON.stringify(items, null, '\t'), a batch at a time
async function jsonItems(batches: AsyncIterable<Json[]>): Promise<string> {
  const parts: string[] = [];
  // a batch as an array is "[\n" + its items, indented one level, + "\n]": the items are kept
  for await (const batch of batches) parts.push(JSON.stringify(batch, null, '\t').slice(2, -2));
  return parts.length ? `[\n${parts.join(',\n')}\n]` : '[]';
}

// --- CSV: nested objects flatten to dotted columns, arrays are written as JSON, strings quoted
function flatten(row: Json, prefix: string, out: Map<string, Json>): void {
  if (row !== null && typeof row === 'object' && !Array.isArray(row)) {
    for (const [k, v] of Object.entries(row)) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) flatten(v, `${prefix}${k}.`, out);
      else out.set(prefix + k, v);
    }
  } else {
    out.set(prefix || 'value', row);
  }
}

function csvCell(v: Json | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return `"${s.replace(/"/g, '""')}"`;
}

function csvRow(item: Json): Map<string, Json> {
  const m = new Map<string, Json>();
  flatten(item, '', m);
  return m;
}

/** Every row's columns, in order of first appearance. */
function csvHeader(rows: Map<string, Json>[]): string[] {
  const header: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of r.keys()) if (!seen.has(k)) { seen.add(k); header.push(k); }
  return header;
}

const csvLine = (header: string[], r: Map<string, Json>) => header.map((h) => csvCell(r.get(h))).join(',');

export function toCsv(data: Json, bom = false): string {
  const rows = (Array.isArray(data) ? data : [data]).map(csvRow);
  const header = csvHeader(rows);
  const lines = [header.map((h) => csvCell(h)).join(','), ...rows.map((r) => csvLine(header, r))];
  return (bom ? '\ufeff' : '') + lines.join('\n');
}

/** toCsv of an array, a batch at a time (the header needs every row first). */
async function csvItems(batches: AsyncIterable<Json[]>, bom: boolean): Promise<string> {
  const rows: Map<string, Json>[] = [];
  for await (const batch of batches) for (const item of batch) rows.push(csvRow(item));
  const header = csvHeader(rows);
  const lines = [header.map((h) => csvCell(h)).join(',')];
  let since = performance.now();
  for (const r of rows) {
    lines.push(csvLine(header, r));
    if (performance.now() - since >= SLICE_MS) {
      await nextTurn();
      since = performance.now();
    }
  }
  return (bom ? '\ufeff' : '') + lines.join('\n');
}

// --- XML: root <data>, one <data> per item, arrays repeat their element, null reads "null"
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const xmlName = (k: string) => (/^[A-Za-z_][\w.-]*$/.test(k) ? k : `_${k.replace(/[^\w.-]/g, '_')}`);

function xmlElement(name: string, v: Json, depth: number, lines: string[]): void {
  const ind = '    '.repeat(depth);
  if (Array.isArray(v)) {
    for (const item of v) xmlElement(name, item, depth, lines);
  } else if (v !== null && typeof v === 'object') {
    lines.push(`${ind}<${name}>`);
    for (const [k, child] of Object.entries(v)) xmlElement(xmlName(k), child, depth + 1, lines);
    lines.push(`${ind}</${name}>`);
  } else {
    lines.push(`${ind}<${name}>${xmlEscape(String(v))}</${name}>`);
  }
}

export function toXml(data: Json): string {
  const lines = ["<?xml version='1.0'?>", '<data>'];
  for (const item of Array.isArray(data) ? data : [data]) xmlElement('data', item, 1, lines);
  lines.push('</data>');
  return lines.join('\n');
}

/** toXml of an array, a batch at a time. */
async function xmlItems(batches: AsyncIterable<Json[]>): Promise<string> {
  const lines = ["<?xml version='1.0'?>", '<data>'];
  for await (const batch of batches) for (const item of batch) xmlElement('data', item, 1, lines);
  lines.push('</data>');
  return lines.join('\n');
}

// --- YAML (block style, 2-space indent; strings quoted when they would read as another type)
function yamlScalar(v: Json): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  if (v === '' || /^[\s]|[\s]$/.test(v) || /^[-?:,[\]{}#&*!|>'"%@`~]/.test(v) || /: |\s#/.test(v)
      || /^(true|false|yes|no|on|off|null|~|y|n)$/i.test(v) || /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v)
      || /^\d{4}-\d\d-\d\d/.test(v) || /^0x[0-9a-f]+$/i.test(v) || /^[-+]?\.(inf|nan)$/i.test(v) || v.includes('\n')) {
    return v.includes('\n') ? JSON.stringify(v) : `'${v.replace(/'/g, "''")}'`;
  }
  return v;
}

function yamlNode(v: Json, depth: number, lines: string[], prefix: string): void {
  const ind = '  '.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) { lines.push(`${prefix}[]`); return; }
    if (prefix) lines.push(prefix.trimEnd());
    for (const item of v) yamlItem(item, depth, lines);
  } else if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) { lines.push(`${prefix}{}`); return; }
    if (prefix) lines.push(prefix.trimEnd());
    for (const [k, child] of entries) {
      const key = `${ind}${yamlScalar(k)}:`;
      if (child !== null && typeof child === 'object') yamlNode(child, depth + 1, lines, `${key} `);
      else lines.push(`${key} ${yamlScalar(child)}`);
    }
  } else {
    lines.push(`${prefix}${yamlScalar(v)}`);
  }
}

/** One `- item` of a block sequence at depth. */
function yamlItem(item: Json, depth: number, lines: string[]): void {
  const ind = '  '.repeat(depth);
  if (item !== null && typeof item === 'object' && !(Array.isArray(item) && item.length === 0) && !(!Array.isArray(item) && Object.keys(item).length === 0)) {
    const sub: string[] = [];
    yamlNode(item, depth + 1, sub, '');
    sub[0] = `${ind}- ${sub[0].slice((depth + 1) * 2)}`;
    for (const line of sub) lines.push(line); // (not push(...sub): a long list would overflow the stack)
  } else {
    lines.push(`${ind}- ${Array.isArray(item) ? '[]' : item !== null && typeof item === 'object' ? '{}' : yamlScalar(item)}`);
  }
}

export function toYaml(data: Json): string {
  const lines: string[] = [];
  yamlNode(data, 0, lines, '');
  return lines.join('\n') + '\n';
}

/** toYaml of an array, a batch at a time. */
async function yamlItems(batches: AsyncIterable<Json[]>): Promise<string> {
  const lines: string[] = [];
  for await (const batch of batches) for (const item of batch) yamlItem(item, 0, lines);
  return lines.length ? lines.join('\n') + '\n' : '[]\n';
}
