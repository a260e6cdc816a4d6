// What the REST front end's routes are given: configuration, the core's reader and writer, the
// database edge and the catalog whose changes drop their caches. Built by src/app.ts (the composition root).
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../db/client.js';
import type { Jwt } from '../auth/jwt.js';
import type { Reader } from '../engine/reader.js';
import type { Writer } from '../engine/writer.js';
import type { Catalog } from '../engine/catalog.js';

export interface Services {
  config: Config;
  log: Logger;
  db: Db;
  jwt: Jwt;
  reader: Reader;
  writer: Writer;
  /** after a route changes the schema or access rules: catalog.schemaChanged() / accessChanged() drop what depends on them */
  catalog: Catalog;
}
