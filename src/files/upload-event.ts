// Directus's `files.upload` event of a stored upload, for action flows: {payload, key, collection}
// where payload is what the upload wrote as Directus lists it (the file's fields and the
// measured facts; not its id, which is `key`, nor uploaded_by). Raised once the row is complete
// (src/files/upload.ts) and queued by the gateway right after it: the bytes and the row are two
// steps, with no one transaction for the event to join.
export interface UploadFacts {
  type: string;
  filesize: number;
  width: number | null;
  height: number | null;
}

export function uploadEvent(id: string, written: Record<string, unknown>, facts: UploadFacts, replaced: boolean): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(written)) if (k !== 'id' && k !== 'uploaded_by') payload[k] = v;
  payload.type = facts.type;
  payload.filesize = facts.filesize;
  if (facts.width !== null && facts.height !== null) Object.assign(payload, { width: facts.width, height: facts.height });
  // (the gateway's clock when the row was complete: the row's own value is the database's)
  if (!replaced) payload.uploaded_on = new Date().toISOString();
  return { payload, key: id, collection: 'directus_files' };
}
