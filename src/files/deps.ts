// What the files front end is given by the composition root: the core (reader, writer,
// catalog), the database for the engine's named file statements, and the storage edge.
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../db/client.js';
import type { Reader } from '../engine/reader.js';
import type { Writer } from '../engine/writer.js';
import type { Catalog } from '../engine/catalog.js';
import type { Storage } from '../storage/index.js';

export interface FilesDeps {
  config: Config;
  log: Logger;
  db: Db;
  reader: Reader;
  writer: Writer;
  catalog: Catalog;
  storage: Storage;
  /** an export's file text in a download format (the REST front end's exportText, given by src/app.ts) */
  exportText: (format: string, body: string) => Promise<string>;
}
