// The REST front end's answers: JSON bodies, Directus's `{"data": ...}` envelope around JSON
// text PostgreSQL built (never parsed), and 204s.
import type { ApiResponse } from '../types.js';

export const json = (body: string | Buffer, status = 200, headers: Record<string, string> = {}): ApiResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body,
});

/** `{"data": <raw JSON text>}` without parsing the inner JSON. */
export const data = (rawJson: string, status = 200): ApiResponse => json(`{"data":${rawJson}}`, status);

export const noContent = (): ApiResponse => ({ status: 204 });
