// The REST front end: Directus's routes, registered on the router the HTTP edge matches.
import type { Router } from '../router.js';
import type { Services } from './services.js';
import { serverRoutes } from './server.js';
import { authRoutes } from './auth.js';
import { usersAuthRoutes } from './users-auth.js';
import { itemsRoutes } from './items.js';
import { accessRoutes } from './access.js';
import { collectionsRoutes } from './collections.js';
import { schemaSnapshotRoutes } from './schema-snapshot.js';
import { fieldsRoutes } from './fields.js';
import { relationsRoutes } from './relations.js';
import { systemRoutes } from './system.js';
import { systemWriteRoutes } from './system-write.js';
import { itemsWriteRoutes } from './items-write.js';
import { revisionsRoutes } from './revisions.js';
import { commentsRoutes } from './comments.js';
import { utilsRoutes } from './utils.js';
import { sharesRoutes } from './shares.js';
import { versionsRoutes } from './versions.js';
import { offlineRoutes } from './offline.js';

export function restRoutes(router: Router, s: Services): Router {
  serverRoutes(router, s.config, s.db);
  authRoutes(router, s);
  usersAuthRoutes(router, s);
  itemsRoutes(router, s, s.reader);
  itemsWriteRoutes(router, s, s.writer);
  revisionsRoutes(router, s);
  commentsRoutes(router, s);
  utilsRoutes(router, s);
  collectionsRoutes(router, s);
  fieldsRoutes(router, s);
  relationsRoutes(router, s);
  schemaSnapshotRoutes(router, s);
  accessRoutes(router, s);
  sharesRoutes(router, s);
  systemWriteRoutes(router, s);
  versionsRoutes(router, s);
  offlineRoutes(router);
  // last: its "/<endpoint>/:id" routes must not shadow more specific ones ("/permissions/me")
  systemRoutes(router, s, s.reader);
  return router;
}
