// PostgreSQL frontend/backend protocol v3 messages: the encoders for what the request path sends
// and the decoder of ErrorResponse. https://www.postgresql.org/docs/current/protocol-message-formats.html

/** Appends protocol messages to one buffer, so a whole request leaves in one write. */
export class MessageWriter {
  private buf = Buffer.allocUnsafe(1024);
  private len = 0;
  private start = 0;

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** begins a message (type 0 = the untyped startup messages) */
  begin(type: string | 0): this {
    this.ensure(5);
    if (type !== 0) this.buf[this.len++] = type.charCodeAt(0);
    this.start = this.len;
    this.len += 4;
    return this;
  }

  /** ends the message begun last: fills in its length */
  end(): this {
    this.buf.writeInt32BE(this.len - this.start, this.start);
    return this;
  }

  int16(n: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(n, this.len);
    this.len += 2;
    return this;
  }

  int32(n: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(n, this.len);
    this.len += 4;
    return this;
  }

  byte(c: string): this {
    this.ensure(1);
    this.buf[this.len++] = c.charCodeAt(0);
    return this;
  }

  /** a NUL-terminated string */
  cstr(s: string): this {
    const n = Buffer.byteLength(s);
    this.ensure(n + 1);
    this.buf.write(s, this.len, 'utf8');
    this.len += n;
    this.buf[this.len++] = 0;
    return this;
  }

  /** a length-prefixed value (-1 = NULL) */
  value(s: string | null): this {
    if (s === null) return this.int32(-1);
    const n = Buffer.byteLength(s);
    this.ensure(n + 4);
    this.buf.writeInt32BE(n, this.len);
    this.buf.write(s, this.len + 4, 'utf8');
    this.len += n + 4;
    return this;
  }

  bytes(b: Buffer): this {
    this.ensure(b.length);
    b.copy(this.buf, this.len);
    this.len += b.length;
    return this;
  }

  /** the messages written so far (a copy), and the writer emptied */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.len));
    this.len = 0;
    return out;
  }
}

/** A parameter as PostgreSQL's text input format: objects as JSON (jsonb/json parameters). */
export function textValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Parse + Bind + Execute of one statement; `parseAs` is set when the connection must prepare it first. */
export function writeStatement(w: MessageWriter, name: string, text: string, params: unknown[], parseAs: boolean): void {
  if (parseAs) w.begin('P').cstr(name).cstr(text).int16(0).end();
  w.begin('B').cstr('').cstr(name).int16(0).int16(params.length);
  for (const p of params) w.value(textValue(p));
  w.int16(0).end();
  w.begin('E').cstr('').int32(0).end();
}

// Close: Byte1 'S' (a statement, not a string), then the statement's name
export const closeStatement = (w: MessageWriter, name: string) => w.begin('C').byte('S').cstr(name).end();
export const sync = (w: MessageWriter) => w.begin('S').end();

// ErrorResponse/NoticeResponse field codes -> the property names postgres.js uses (src/db/errors.ts reads them)
const FIELDS: Record<string, string> = {
  S: 'severity_local', V: 'severity', C: 'code', M: 'message', D: 'detail', H: 'hint', P: 'position',
  p: 'internal_position', q: 'internal_query', W: 'where', s: 'schema_name', t: 'table_name',
  c: 'column_name', d: 'data_type_name', n: 'constraint_name', F: 'file', L: 'line', R: 'routine',
};

export class PostgresError extends Error {
  override name = 'PostgresError';
  [field: string]: unknown;
}

/** An ErrorResponse body (after type and length) as an Error carrying every field. */
export function parseError(body: Buffer): PostgresError {
  const fields: Record<string, string> = {};
  let i = 0;
  while (i < body.length && body[i] !== 0) {
    const end = body.indexOf(0, i + 1);
    fields[FIELDS[String.fromCharCode(body[i])] ?? String.fromCharCode(body[i])] = body.toString('utf8', i + 1, end);
    i = end + 1;
  }
  return Object.assign(new PostgresError(fields.message ?? 'PostgreSQL error'), fields);
}

/** What PostgreSQL answers a cancelled statement, for a run cancelled before it was sent. */
export const queryCanceled = (): PostgresError =>
  Object.assign(new PostgresError('canceling statement due to user request'), { severity: 'ERROR', severity_local: 'ERROR', code: '57014' });
