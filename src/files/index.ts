// The files front end: /files writes (uploads), /folders writes and /assets downloads, on the
// core and the storage edge. Reads of /files and /folders are the REST front end's generic
// system-collection reads (same engine, same permissions).
import type { Router } from '../router.js';
import type { FilesDeps } from './deps.js';
import { filesRoutes } from './files.js';
import { foldersRoutes } from './folders.js';
import { assetsRoutes } from './assets.js';
import { zipRoutes } from './zip.js';
import { importRoutes } from './import.js';
import { itemsImportRoutes } from './items-import.js';
import { itemsExportRoutes } from './items-export.js';

export type { FilesDeps } from './deps.js';

export function fileRoutes(router: Router, deps: FilesDeps): Router {
  importRoutes(router, deps);
  itemsImportRoutes(router, deps);
  itemsExportRoutes(router, deps);
  filesRoutes(router, deps);
  foldersRoutes(router, deps);
  zipRoutes(router, deps);
  assetsRoutes(router, deps);
  return router;
}
export { fileService } from './service.js';
