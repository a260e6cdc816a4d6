// Shares' own routes: POST /shares/auth (sign in with a share, json/cookie/session modes as
// /auth/login), GET /shares/info/:id (public) and POST /shares/invite (mails the link). The
// share rows themselves are the generic system API (/shares CRUD, src/auth/system-writes.ts);
// the rules are the core's (src/auth/shares.ts) and PostgreSQL's (sql/fixtures/strata/shares/).
import type { Services } from './services.js';
import type { Router } from '../router.js';
import { json, noContent } from './response.js';
import { jsonBody } from '../request/body.js';
import { createMailer } from '../mail/mailer.js';
import { shareAuth, shareAuthPayload, shareInfo, shareInvite } from '../auth/shares.js';
import { clientOf } from './auth-password.js';

export function sharesRoutes(router: Router, s: Services) {
  const mailer = createMailer(s.config.email, s.log, s.db);

  router.post('/shares/auth', async ({ req }) => {
    const payload = shareAuthPayload(jsonBody(req) ?? {});
    const { cookie, ...data } = await shareAuth(s.db, s.jwt, s.config, payload, clientOf(req));
    return json(JSON.stringify({ data }), 200, cookie ? { 'set-cookie': cookie } : undefined);
  });

  router.get('/shares/info/:id', async (ctx) => json(`{"data":${await shareInfo(s.db, ctx.params.id)}}`));

  router.post('/shares/invite', async (ctx) => {
    await shareInvite(s.db, mailer, s.config, ctx.accountability, jsonBody(ctx.req) ?? {});
    return noContent();
  });
}
