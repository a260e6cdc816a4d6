// Resetting a forgotten password, for any front end (REST's /auth/password/request and
// /auth/password/reset, GraphQL's auth_password_request and auth_password_reset). The reset link
// carries a JWT (scope "password-reset") with a fingerprint of the user's current password hash:
// the token works until it expires (1 day) or the password changes, whichever comes first, so it
// is single-use.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { forbidden, invalidPayload } from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import * as authStore from '../engine/auth-store.js';
import { ScopedJwt, passwordFingerprint } from './jwt.js';
import { hashPassword } from './password.js';
import { checkPasswordPolicy } from './password-policy.js';
import { stall } from './stall.js';
import { isUrlAllowed, publicPath, withToken } from './urls.js';

const RESET_TTL_MS = 86_400_000;

export interface PasswordReset {
  /** mails a reset link to `email` if it is an active local user's; unknown emails are not revealed */
  request(email: unknown, resetUrl: unknown): Promise<void>;
  /** sets the password of the reset token's user; the caller drops what it cached of that user's access */
  reset(token: unknown, password: unknown, client: authStore.Client): Promise<void>;
}

export function passwordReset(config: Pick<Config, 'secret' | 'passwordResetUrlAllowList' | 'publicUrl' | 'loginStallTimeMs'>, db: Db,
  mailer: Mailer): PasswordReset {
  const tokens = new ScopedJwt(config.secret);
  return {
    async request(email, resetUrl) {
      if (typeof email !== 'string') throw invalidPayload('"email" field is required');
      const url = typeof resetUrl === 'string' && resetUrl !== '' ? resetUrl : null;
      if (url && !isUrlAllowed(url, config.passwordResetUrlAllowList)) throw invalidPayload(`URL "${url}" can't be used to reset passwords`);
      const started = Date.now();
      try {
        const user = await authStore.resetCandidate(db, email);
        // Unknown, inactive and SSO users get the same answer after the same time, and no mail.
        if (!user || user.status !== 'active' || user.provider !== 'default') return;
        const token = await tokens.sign({ email: user.email, scope: 'password-reset', hash: passwordFingerprint(user.password) }, RESET_TTL_MS);
        const link = withToken(url ?? publicPath(config.publicUrl, 'admin', 'reset-password'), token);
        void mailer.send({
          to: user.email,
          subject: 'Password Reset Request',
          text: `A password reset was requested for ${user.email}.\n\nTo choose a new password, open:\n${link}\n\nThe link works once, for one day. If you did not ask for it, ignore this mail.\n`,
        });
      } finally {
        // Directus pads every reset request to a fixed 500 ms, user or no user; Strata uses
        // LOGIN_STALL_TIME (500 ms by default), one knob for every answer that must not leak by timing.
        await stall(started, config.loginStallTimeMs);
      }
    },

    async reset(token, password, client) {
      if (typeof token !== 'string') throw invalidPayload('"token" field is required');
      if (typeof password !== 'string') throw invalidPayload('"password" field is required');
      const claims = await tokens.verify(token, 'password-reset');
      if (!claims.hash) throw forbidden();
      const user = await authStore.resetTarget(db, claims.email);
      if (!user || user.status !== 'active' || passwordFingerprint(user.password) !== claims.hash) throw forbidden();
      checkPasswordPolicy(user.policy, password);
      // false: lost a race with another use of the same token
      if (!(await authStore.resetPassword(db, user.id, user.password, await hashPassword(password), client))) throw forbidden();
    },
  };
}
