// The files front end's byte side, offered to other front ends (GraphQL's import_file and
// delete_files_*) through the core's FileService interface: src/app.ts hands it over, so no
// front end imports another.
import type { FileService } from '../engine/file-records.js';
import type { FilesDeps } from './deps.js';
import { removeFiles } from './files.js';
import { importFile } from './import.js';
import { storageFor } from './upload.js';

export function fileService(d: FilesDeps): FileService {
  return {
    storageFor: (requested) => storageFor(d, requested),
    importFile: (acc, url, data, timing) => importFile(d, acc, url, data, timing),
    remove: (acc, keys, timing, context) => removeFiles(d, acc, keys, timing, context),
  };
}
