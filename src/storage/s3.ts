// The S3 driver: objects in one bucket, under STORAGE_<LOCATION>_ROOT, for deployments with
// several gateways (any S3-compatible store: AWS, MinIO, R2, ...). Uploads stream through a
// multipart upload (@aws-sdk/lib-storage: parts of 5 MB, a few in flight, never the whole file
// in memory); an object appears under its key only when the upload completes, and a failed
// upload is aborted, so, as with the local driver, nothing partial is ever left under a key.
import { createRequire } from 'node:module';
import { Readable, PassThrough } from 'node:stream';
import type * as ClientS3 from '@aws-sdk/client-s3';
import type * as LibStorage from '@aws-sdk/lib-storage';
import type { S3LocationConfig } from '../config.js';
import { checkKey, type ByteRange, type StorageDriver, type StoredStat } from './driver.js';

// The SDK is loaded when an S3 location is configured, not by every gateway that imports this
// file: it is a few MB of an idle gateway's memory
const require = createRequire(import.meta.url);
let sdk: { client: typeof ClientS3; storage: typeof LibStorage } | undefined;
const loadSdk = () => (sdk ??= { client: require('@aws-sdk/client-s3') as typeof ClientS3, storage: require('@aws-sdk/lib-storage') as typeof LibStorage });

const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

export class S3Driver implements StorageDriver {
  private readonly client: ClientS3.S3Client;
  private readonly sdk = loadSdk();

  constructor(private readonly config: S3LocationConfig) {
    const options: ClientS3.S3ClientConfig = { region: config.region, forcePathStyle: config.forcePathStyle };
    if (config.endpoint) options.endpoint = config.endpoint;
    if (config.key && config.secret) options.credentials = { accessKeyId: config.key, secretAccessKey: config.secret };
    this.client = new this.sdk.client.S3Client(options);
  }

  private objectKey(key: string): string {
    return this.config.root + checkKey(key);
  }

  async write(key: string, data: AsyncIterable<Buffer>): Promise<number> {
    let size = 0;
    const counted = async function* () {
      for await (const chunk of data) {
        size += chunk.length;
        yield chunk;
      }
    };
    const upload = new this.sdk.storage.Upload({
      client: this.client, partSize: PART_SIZE, queueSize: QUEUE_SIZE, leavePartsOnError: false,
      params: { Bucket: this.config.bucket, Key: this.objectKey(key), Body: Readable.from(counted()) },
    });
    try {
      await upload.done();
    } catch (err) {
      await upload.abort().catch(() => undefined);
      throw err;
    }
    return size;
  }

  read(key: string, range?: ByteRange): Readable {
    // the object's body arrives asynchronously: hand out a stream now and feed it once it does
    const out = new PassThrough();
    const command = new this.sdk.client.GetObjectCommand({
      Bucket: this.config.bucket, Key: this.objectKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined,
    });
    this.client.send(command).then((res) => {
      const body = res.Body as Readable | undefined;
      if (!body) return void out.end();
      body.on('error', (err) => out.destroy(err));
      out.on('close', () => body.destroy());
      body.pipe(out);
    }, (err) => out.destroy(err));
    return out;
  }

  async stat(key: string): Promise<StoredStat | null> {
    try {
      const head = await this.client.send(new this.sdk.client.HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      return { size: head.ContentLength ?? 0, modified: head.LastModified ?? new Date(0) };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new this.sdk.client.DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new this.sdk.client.ListObjectsV2Command({
        Bucket: this.config.bucket, Prefix: this.config.root + prefix, ContinuationToken: token,
      }));
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key.slice(this.config.root.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}
