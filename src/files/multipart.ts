// multipart/form-data bodies (@fastify/busboy: busboy's parser, whose boundary search is
// Buffer.indexOf rather than a byte loop in JavaScript, the bulk of a large upload's parsing
// cost), read from the route's body stream with backpressure:
// fields are collected in order and each file part is handed, as a stream, to `onFile` with the
// fields seen since the previous file (Directus applies metadata that precedes a file to that file only). Files are
// handled one at a time, in order; the first failure stops reading and is thrown.
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import { Readable } from 'node:stream';
import { invalidPayload } from '../errors.js';
import { isForbiddenKey } from '../request/safe-keys.js';
import type { IncomingFile } from './upload.js';

export interface MultipartLimits {
  /** per file, bytes (Infinity: none) */
  fileSize: number;
  /** per field value, bytes */
  fieldSize: number;
  /** fields and files together */
  parts: number;
  /** files (undefined: as many as `parts` allows) */
  files?: number;
}

export async function readMultipart<T>(contentType: string, body: AsyncIterable<Buffer>, limits: MultipartLimits,
  onFile: (fields: Record<string, unknown>, file: IncomingFile) => Promise<T>): Promise<T[]> {
  let bb: BusboyInstance;
  try {
    bb = new Busboy({
      headers: { 'content-type': contentType },
      limits: { fileSize: Number.isFinite(limits.fileSize) ? limits.fileSize : undefined, fieldSize: limits.fieldSize, parts: limits.parts, files: limits.files },
    });
  } catch (err) {
    throw invalidPayload((err as Error).message.replace(/\.$/, ''));
  }
  const fields: Record<string, unknown> = Object.create(null);
  const results: T[] = [];
  let failure: unknown;
  /** the file part being stored: ended with the failure, so its storage write cleans up */
  let current: Readable | undefined;
  let failed!: () => void;
  const failedOnce = new Promise<void>((r) => (failed = r));
  const fail = (err: unknown) => {
    if (failure !== undefined) return;
    failure = err;
    failed();
  };
  // files one at a time: each waits for the one before it
  let chain: Promise<void> = Promise.resolve();

  bb.on('field', (name, value, _nameTruncated, valueTruncated) => {
    if (isForbiddenKey(name)) return fail(invalidPayload(`Field "${name}" is not allowed`));
    if (valueTruncated) return fail(invalidPayload(`Field "${name}" is too long`));
    // Directus reads the text "null" as null; every other value is the string the client sent
    fields[name] = value === 'null' ? null : value;
  });
  // (a part is a file when it names a file name or is application/octet-stream, as in busboy)
  bb.on('file', (name, stream, filename, _encoding, mimeType) => {
    if (isForbiddenKey(name)) {
      stream.resume();
      return fail(invalidPayload(`Field "${name}" is not allowed`));
    }
    // the fields seen since the previous file belong to this file only (as in Directus)
    const snapshot = Object.assign(Object.create(null), fields) as Record<string, unknown>;
    for (const k of Object.keys(fields)) delete fields[k];
    let truncated = false;
    stream.on('limit', () => (truncated = true));
    // a part ended early by a failure (destroy below) errors; its consumer has its own handling
    stream.on('error', () => undefined);
    chain = chain.then(async () => {
      if (failure !== undefined) return void stream.resume();
      current = stream;
      try {
        results.push(await onFile(snapshot, { filename: filename ?? 'file', mimeType, data: stream, truncated: () => truncated }));
      } catch (err) {
        stream.resume();
        fail(err);
      }
    });
  });
  bb.on('partsLimit', () => fail(invalidPayload('Too many parts')));
  bb.on('filesLimit', () => fail(invalidPayload(`Only ${limits.files} file${limits.files === 1 ? '' : 's'} may be uploaded here`)));
  bb.on('error', (err) => fail(failure ?? invalidPayload(String((err as Error).message ?? err).replace(/\.$/, ''))));
  // ('finish': every part parsed and every file part read to its end)
  const closed = new Promise<void>((r) => bb.on('finish', () => r()));

  const source = Readable.from(body);
  source.on('error', fail);
  source.pipe(bb);
  await Promise.race([closed, failedOnce]);
  if (failure === undefined) await Promise.race([chain, failedOnce]);
  if (failure !== undefined) {
    source.unpipe(bb);
    source.destroy();
    current?.destroy(failure instanceof Error ? failure : new Error(String(failure)));
    bb.destroy();
    // a file being stored sees its stream end early and cleans up after itself
    await chain.catch(() => undefined);
    throw failure;
  }
  return results;
}
