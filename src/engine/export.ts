// `?export=json|csv|csv_utf8|xml|yaml`: the read's data as a file download in the formats
// Directus writes. This is the one place row data is parsed in Node: a download is a
// conversion of the JSON PostgreSQL built, not a pass-through.
import type { ApiResponse } from '../http/types.js';

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
export function exportResponse(format: string, collection: string, body: string): ApiResponse {
  const [contentType, ext] = TYPES[format] ?? TYPES.json;
  const data = (JSON.parse(body) as { data: Json }).data;
  const text = format === 'xml' ? toXml(data) : format === 'yaml' ? toYaml(data) : format.startsWith('csv') ? toCsv(data, format === 'csv_utf8') : JSON.stringify(data, null, '\t');
  return {
    status: 200,
    headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${exportFilename(collection, ext)}"` },
    body: text,
  };
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

export function toCsv(data: Json, bom = false): string {
  const rows = (Array.isArray(data) ? data : [data]).map((r) => {
    const m = new Map<string, Json>();
    flatten(r, '', m);
    return m;
  });
  const header: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of r.keys()) if (!seen.has(k)) { seen.add(k); header.push(k); }
  const lines = [header.map((h) => csvCell(h)).join(','), ...rows.map((r) => header.map((h) => csvCell(r.get(h))).join(','))];
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
    for (const item of v) {
      if (item !== null && typeof item === 'object' && !(Array.isArray(item) && item.length === 0) && !(!Array.isArray(item) && Object.keys(item).length === 0)) {
        const sub: string[] = [];
        yamlNode(item, depth + 1, sub, '');
        sub[0] = `${ind}- ${sub[0].slice((depth + 1) * 2)}`;
        lines.push(...sub);
      } else {
        lines.push(`${ind}- ${Array.isArray(item) ? '[]' : item !== null && typeof item === 'object' ? '{}' : yamlScalar(item)}`);
      }
    }
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

export function toYaml(data: Json): string {
  const lines: string[] = [];
  yamlNode(data, 0, lines, '');
  return lines.join('\n') + '\n';
}
