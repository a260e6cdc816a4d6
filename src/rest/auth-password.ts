// /auth/password/request and /auth/password/reset. The reset link carries a JWT (scope
// "password-reset") with a fingerprint of the user's current password hash: the token works
// until it expires (1 day) or the password changes, whichever comes first, so it is single-use.
import type { Services } from './services.js';
import { forbidden, invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import { type ApiRequest } from '../types.js';
import { noContent } from './response.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { ScopedJwt, passwordFingerprint } from '../auth/jwt.js';
import { hashPassword } from '../auth/password.js';
import { checkPasswordPolicy } from '../auth/password-policy.js';
import { isUrlAllowed, publicPath, withToken } from '../auth/urls.js';
import { createMailer } from '../mail/mailer.js';
import { stall } from '../auth/stall.js';
import * as authStore from '../engine/auth-store.js';

const RESET_TTL_MS = 86_400_000;

/** Who is asking, as the activity log records it. */
export const clientOf = (req: ApiRequest): authStore.Client => [req.ip, req.headers['user-agent']?.slice(0, 1024) ?? null, req.headers.origin ?? null];

function body(req: ApiRequest): Record<string, unknown> {
  const b = jsonBody(req);
  return isPlainObject(b) ? b : {};
}

export function passwordRoutes(router: Router, s: Services) {
  const { config, db } = s;
  const tokens = new ScopedJwt(config.secret);
  const mailer = createMailer(config.email, s.log);

  router.post('/auth/password/request', async ({ req }) => {
    const b = body(req);
    if (typeof b.email !== 'string') throw invalidPayload('"email" field is required');
    const url = typeof b.reset_url === 'string' && b.reset_url !== '' ? b.reset_url : null;
    if (url && !isUrlAllowed(url, config.passwordResetUrlAllowList)) throw invalidPayload(`URL "${url}" can't be used to reset passwords`);
    const started = Date.now();
    try {
      const user = await authStore.resetCandidate(db, b.email);
      // Unknown, inactive and SSO users get the same 204 after the same time, and no mail.
      if (!user || user.status !== 'active' || user.provider !== 'default') return noContent();
      const token = await tokens.sign({ email: user.email, scope: 'password-reset', hash: passwordFingerprint(user.password) }, RESET_TTL_MS);
      const link = withToken(url ?? publicPath(config.publicUrl, 'admin', 'reset-password'), token);
      void mailer.send({
        to: user.email,
        subject: 'Password Reset Request',
        text: `A password reset was requested for ${user.email}.\n\nTo choose a new password, open:\n${link}\n\nThe link works once, for one day. If you did not ask for it, ignore this mail.\n`,
      });
      return noContent();
    } finally {
      // Directus pads every reset request to a fixed 500 ms, user or no user; Strata uses
      // LOGIN_STALL_TIME (500 ms by default), one knob for every answer that must not leak by timing.
      await stall(started, config.loginStallTimeMs);
    }
  });

  router.post('/auth/password/reset', async ({ req }) => {
    const b = body(req);
    if (typeof b.token !== 'string') throw invalidPayload('"token" field is required');
    if (typeof b.password !== 'string') throw invalidPayload('"password" field is required');
    const claims = await tokens.verify(b.token, 'password-reset');
    if (!claims.hash) throw forbidden();
    const user = await authStore.resetTarget(db, claims.email);
    if (!user || user.status !== 'active' || passwordFingerprint(user.password) !== claims.hash) throw forbidden();
    checkPasswordPolicy(user.policy, b.password);
    // false: lost a race with another use of the same token
    if (!(await authStore.resetPassword(db, user.id, user.password, await hashPassword(b.password), clientOf(req)))) throw forbidden();
    s.catalog.accessChanged();
    return noContent();
  });
}
