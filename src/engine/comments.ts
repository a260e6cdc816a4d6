// Directus's rules for comments (directus_comments), shared by REST's /comments and
// /activity/comment routes and /graphql/system's comments mutations: only admins write them (as
// Strata serves them), a new comment names its collection, item and text and is stamped with its
// author; a change is stamped with who made it and when.
import { randomUUID } from 'node:crypto';
import { forbidden, invalidPayload } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import type { Accountability } from '../types.js';

export const COMMENTS = 'directus_comments';

export function requireCommentWriter(acc: Accountability): void {
  if (!acc.admin) throw forbidden();
}

/** A comment to create: its required fields checked, an id and its author set. */
export function newComment(acc: Accountability, c: unknown): Record<string, unknown> {
  if (!isPlainObject(c)) throw invalidPayload('"value" must be of type object');
  for (const f of ['collection', 'item', 'comment']) if (c[f] === undefined || c[f] === null || c[f] === '') throw invalidPayload(`"${f}" is required`);
  return { ...c, id: c.id ?? randomUUID(), user_created: acc.user };
}

/** A change of a comment, stamped with who made it and when. */
export function commentChanges(acc: Accountability, c: unknown): Record<string, unknown> {
  if (!isPlainObject(c)) throw invalidPayload('"value" must be of type object');
  return { ...c, user_updated: acc.user, date_updated: new Date().toISOString() };
}
