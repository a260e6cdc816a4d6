// The rules around a write to a system collection that run in the gateway, for any front end
// (REST's /users, /roles, ...; GraphQL's create/update/delete on /graphql/system): passwords are
// checked against the settings' policy before they are hashed, and a write to the rows that
// decide who may do what drops this gateway's cached access at once (the others hear of it
// through LISTEN strata_access, and strata_schema for permissions).
import type { Db } from '../db/client.js';
import type { Catalog } from '../engine/catalog.js';
import { isPlainObject } from '../request/body.js';
import * as settings from '../engine/system.js';
import { checkPasswordPolicy } from './password-policy.js';

/**
 * endpoint -> collection for the system collections written through strata.system_write_request
 * (Directus's per-collection rules); the endpoint is also the GraphQL root field's name
 */
export const WRITABLE_SYSTEM_ENDPOINTS: Record<string, string> = {
  users: 'directus_users',
  roles: 'directus_roles',
  policies: 'directus_policies',
  access: 'directus_access',
  permissions: 'directus_permissions',
  // content of the app (issue 16): the generic write under Directus's app-access permissions
  presets: 'directus_presets',
  notifications: 'directus_notifications',
  translations: 'directus_translations',
  dashboards: 'directus_dashboards',
  panels: 'directus_panels',
  // automation (src/flows); webhooks are Directus 9's, served for projects that still use them
  flows: 'directus_flows',
  operations: 'directus_operations',
  webhooks: 'directus_webhooks',
  // links to one item (src/auth/shares.ts); who may share what: strata.share_check
  shares: 'directus_shares',
};

/** the writable system collections whose rows decide who may do what (a share's row: what its tokens reach) */
const ACCESS_COLLECTIONS = new Set(['directus_users', 'directus_roles', 'directus_policies', 'directus_access', 'directus_permissions', 'directus_settings',
  'directus_shares']);

/** Directus checks every submitted password against the settings' policy before hashing. */
export async function checkUserPasswords(db: Db, collection: string, items: unknown[]): Promise<void> {
  if (collection !== 'directus_users') return;
  const passwords = items.filter(isPlainObject).map((i) => i.password).filter((p): p is string => typeof p === 'string' && p !== '');
  if (passwords.length === 0) return;
  const policy = await settings.passwordPolicy(db);
  for (const p of passwords) checkPasswordPolicy(policy, p);
}

/** After a write to `collection`: what this gateway must forget now. */
export function systemWritten(catalog: Catalog, collection: string): void {
  if (ACCESS_COLLECTIONS.has(collection)) catalog.accessChanged();
  if (collection === 'directus_permissions') catalog.schemaChanged();
  if (FLOW_COLLECTIONS.has(collection)) catalog.flowsChanged();
}

/** the collections that define flows and webhooks: this gateway's flows reload at once after a write */
const FLOW_COLLECTIONS = new Set(['directus_flows', 'directus_operations', 'directus_webhooks']);
