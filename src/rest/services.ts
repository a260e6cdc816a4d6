// What the REST front end's routes are given: configuration, the core's reader and writer, the
// database edge and the caches they share. Built by src/app.ts (the composition root).
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../db/client.js';
import type { Jwt } from '../auth/jwt.js';
import type { AccessCache } from '../auth/authenticate.js';
import type { Reader } from '../engine/reader.js';
import type { Writer } from '../engine/writer.js';

export interface Services {
  config: Config;
  log: Logger;
  db: Db;
  jwt: Jwt;
  accessCache: AccessCache;
  reader: Reader;
  writer: Writer;
  /** call after any change to collections, fields or relations: drops compiled SQL */
  schemaChanged(): void;
}
