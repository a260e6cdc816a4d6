// /auth/password/request and /auth/password/reset: the core's password reset (src/auth/password-reset.ts).
import type { Services } from './services.js';
import type { Router } from '../router.js';
import { type ApiRequest } from '../types.js';
import { noContent } from './response.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { createMailer } from '../mail/mailer.js';
import { passwordReset } from '../auth/password-reset.js';
import type * as authStore from '../engine/auth-store.js';

/** Who is asking, as the activity log records it. */
export const clientOf = (req: ApiRequest): authStore.Client => [req.ip, req.headers['user-agent']?.slice(0, 1024) ?? null, req.headers.origin ?? null];

function body(req: ApiRequest): Record<string, unknown> {
  const b = jsonBody(req);
  return isPlainObject(b) ? b : {};
}

export function passwordRoutes(router: Router, s: Services) {
  const resets = passwordReset(s.config, s.db, createMailer(s.config.email, s.log, s.db));

  // always 204: unknown, inactive and SSO users are not revealed
  router.post('/auth/password/request', async ({ req }) => {
    const b = body(req);
    await resets.request(b.email, b.reset_url);
    return noContent();
  });

  router.post('/auth/password/reset', async ({ req }) => {
    const b = body(req);
    await resets.reset(b.token, b.password, clientOf(req));
    s.catalog.accessChanged();
    return noContent();
  });
}
