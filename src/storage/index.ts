// The configured storage locations (STORAGE_LOCATIONS), each with its driver (local or s3).
import type { FilesConfig } from '../config.js';
import type { Storage, StorageDriver } from './driver.js';
import { LocalDriver } from './local.js';
import { S3Driver } from './s3.js';

export type { Storage, StorageDriver, ByteRange, StoredStat } from './driver.js';

export function createStorage(config: FilesConfig): Storage {
  const drivers = new Map<string, StorageDriver>();
  for (const name of config.locations) {
    const location = config.storage[name];
    drivers.set(name, location.driver === 's3' ? new S3Driver(location) : new LocalDriver(location.root));
  }
  return {
    default: config.locations[0],
    has: (name) => drivers.has(name),
    location(name) {
      const d = drivers.get(name);
      if (!d) throw new Error(`unknown storage location "${name}"`);
      return d;
    },
  };
}
