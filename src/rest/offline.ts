// Directus 12.4 routes backed by services Strata does not run, answered as a default Directus
// install answers them: the extensions marketplace (Directus's registry server; a Strata
// install has no network registry, which Directus reports as the marketplace being
// unavailable) and the MCP server (off unless enabled in the settings, and Strata has none).
import { DirectusError, forbidden } from '../errors.js';
import type { Router } from '../router.js';
import type { RouteContext } from '../types.js';
import { isPlainObject, jsonBody } from '../request/body.js';

const admin = (ctx: RouteContext) => {
  if (!ctx.accountability.admin) throw forbidden();
};

const marketplaceUnavailable = () =>
  new DirectusError('SERVICE_UNAVAILABLE', 'Service "marketplace" is unavailable. Unable to connect to the registry server.', {
    service: 'marketplace', reason: 'Unable to connect to the registry server',
  });

export function offlineRoutes(router: Router) {
  // admins browse the registry; nothing else may, even to learn it is down
  for (const path of ['/extensions/registry', '/extensions/registry/extension/:id', '/extensions/registry/account/:id']) {
    router.get(path, (ctx) => {
      admin(ctx);
      throw marketplaceUnavailable();
    }, { body: 'none' });
  }
  // installing needs the registry too (Directus: 403 for a body naming no extension and version)
  for (const path of ['/extensions/registry/install', '/extensions/registry/reinstall']) {
    router.post(path, (ctx) => {
      admin(ctx);
      const body = readable(ctx);
      if (!isPlainObject(body) || typeof body.extension !== 'string') throw forbidden();
      throw marketplaceUnavailable();
    });
  }
  // Directus answers this before authentication, for every method the MCP transport uses
  const mcpOff = () => {
    throw new DirectusError('FORBIDDEN', 'MCP must be enabled', { reason: 'MCP must be enabled' });
  };
  router.get('/mcp', mcpOff, { body: 'none' });
  router.post('/mcp', mcpOff, { body: 'none' });
  router.delete('/mcp', mcpOff, { body: 'none' });
}

/** the JSON body, or undefined when there is none or it can't be read */
function readable(ctx: RouteContext): unknown {
  try {
    return jsonBody(ctx.req);
  } catch {
    return undefined;
  }
}
