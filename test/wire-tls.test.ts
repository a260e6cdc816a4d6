// sslmode as libpq reads it, for Strata's wire client (src/db/wire): which connections are
// encrypted and which certificates are accepted. The server side is a TLS front (test/helpers/
// pg-proxy.ts) relaying to the run's cluster, with certificates made for the test: one CA signs
// a certificate for 127.0.0.1/localhost and one for db.example only; another CA signs nothing
// the server shows.
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { connect } from '../src/db/client.js';
import { Connection } from '../src/db/wire/connection.js';
import { parseUrl } from '../src/db/wire/url.js';
import { readClusterInfo, urlFor } from './setup/cluster.js';
import { makePki, pgProxy, type PgProxy } from './helpers/pg-proxy.js';

const cluster = readClusterInfo();
const dbName = `wire_tls_${randomBytes(3).toString('hex')}`;
const admin = connect(urlFor(cluster.port, 'postgres'), 1);
await admin.queryAsOwner(`create database ${dbName}`);
const pki = makePki();

const cleanups: (() => unknown)[] = [];
t.teardown(async () => {
  for (const fn of cleanups.reverse()) await fn();
  pki.remove();
  await admin.queryAsOwner(`drop database if exists ${dbName} with (force)`);
  await admin.close();
});

async function proxy(opts: Parameters<typeof pgProxy>[1]): Promise<PgProxy> {
  const p = await pgProxy(cluster.port, opts);
  cleanups.push(() => p.close());
  return p;
}

const local = await proxy({ cert: pki.local });
const elsewhere = await proxy({ cert: pki.elsewhere });
const plainOnly = await proxy({});

const url = (p: PgProxy, query: string) => `postgres://postgres@127.0.0.1:${p.port}/${dbName}?${query}`;
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (err) => err as Record<string, any>);

/** Connects, runs a query, closes; answers whether the session was encrypted (as the front saw it). */
async function connects(p: PgProxy, query: string): Promise<{ tls: boolean }> {
  const c = await Connection.open(parseUrl(url(p, query)));
  try {
    const b = await c.run([{ text: 'select current_database()', params: [] }], 0);
    if (b?.toString() !== dbName) throw new Error('wrong database');
  } finally {
    c.close();
  }
  return { tls: p.sessions.at(-1)!.tls };
}

t.test('parseUrl: the modes, sslrootcert, sslcert, sslkey', async (t) => {
  const mode = (q: string) => parseUrl(`postgres://u@h/db?${q}`).ssl;
  t.same(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'].map((m) => mode(`sslmode=${m}`)),
    ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'], 'each libpq mode as it is (verify-ca is not verify-full)');
  t.equal(mode(''), 'disable', 'none: plain (as postgres.js)');
  t.equal(mode('ssl=true'), 'require');
  t.equal(mode('sslmode=no-verify'), 'require', "postgres.js's no-verify");
  t.equal(mode('sslrootcert=system'), 'verify-full', 'sslrootcert=system makes verify-full the default (libpq)');
  t.throws(() => mode('sslrootcert=system&sslmode=require'), /not allowed with sslrootcert=system/, 'and anything weaker an error');
  t.throws(() => mode('sslmode=verify'), /invalid sslmode/, 'an unknown mode is an error, not plain');
  const o = parseUrl('postgres://u@h/db?sslmode=verify-ca&sslrootcert=%2Fa%2Froot.crt&sslcert=%2Fa%2Fc.crt&sslkey=%2Fa%2Fc.key');
  t.same([o.sslrootcert, o.sslcert, o.sslkey], ['/a/root.crt', '/a/c.crt', '/a/c.key']);
});

t.test('verify-full: the chain and the host name', async (t) => {
  t.same(await connects(local, `sslmode=verify-full&sslrootcert=${pki.ca}`), { tls: true }, 'the right CA and host: connects over TLS');
  t.match(await failure(connects(elsewhere, `sslmode=verify-full&sslrootcert=${pki.ca}`)), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    'a certificate of the right CA for another host name is refused');
  t.match(await failure(connects(local, `sslmode=verify-full&sslrootcert=${pki.otherCa}`)), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'a wrong CA is refused');
  t.match(await failure(connects(local, 'sslmode=verify-full')), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'without sslrootcert: the system roots, which do not know the test CA');
  t.match(await failure(connects(local, 'sslrootcert=system')), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'sslrootcert=system likewise');
});

t.test('verify-ca: the chain, not the host name', async (t) => {
  t.same(await connects(elsewhere, `sslmode=verify-ca&sslrootcert=${pki.ca}`), { tls: true }, "the right CA, another host's name: connects");
  t.match(await failure(connects(elsewhere, `sslmode=verify-ca&sslrootcert=${pki.otherCa}`)), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'a wrong CA is refused');
  t.match(await failure(connects(plainOnly, `sslmode=verify-ca&sslrootcert=${pki.ca}`)), { message: 'the PostgreSQL server does not support SSL' });
});

t.test('require: encrypted, verified only when a root certificate is given', async (t) => {
  t.same(await connects(elsewhere, 'sslmode=require'), { tls: true }, 'any certificate without sslrootcert (libpq)');
  t.match(await failure(connects(elsewhere, `sslmode=require&sslrootcert=${pki.otherCa}`)), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    'with sslrootcert, require verifies the chain as verify-ca');
  t.same(await connects(elsewhere, `sslmode=require&sslrootcert=${pki.ca}`), { tls: true }, 'but not the host name');
  t.match(await failure(connects(plainOnly, 'sslmode=require')), { message: 'the PostgreSQL server does not support SSL' });
});

t.test('prefer, allow, disable', async (t) => {
  t.same(await connects(local, 'sslmode=prefer'), { tls: true }, 'prefer: TLS when offered');
  t.same(await connects(plainOnly, 'sslmode=prefer'), { tls: false }, 'prefer: plain when not');
  t.same(await connects(local, `sslmode=prefer&sslrootcert=${pki.otherCa}`), { tls: false }, 'prefer: plain again when the root certificate refuses the server (libpq)');
  t.same(await connects(local, 'sslmode=allow'), { tls: false }, 'allow: plain first');
  const hostssl = await proxy({ cert: pki.local, requireTls: true });
  t.same(await connects(hostssl, 'sslmode=allow'), { tls: true }, 'allow: TLS when the server refuses plain');
  t.same(hostssl.sessions.map((s) => s.tls), [false, true], 'after a refused plain attempt');
  t.match(await failure(connects(hostssl, 'sslmode=disable')), { code: '28000', severity: 'FATAL' }, 'disable: never TLS');
  t.match(await failure(Connection.open(parseUrl(`postgres://nobody_${randomBytes(2).toString('hex')}@127.0.0.1:${plainOnly.port}/${dbName}?sslmode=allow`))),
    { code: '28000', severity: 'FATAL' }, "allow: a plain refusal by a server without SSL is reported as the server's error");
});

t.test('sslcert and sslkey: the client certificate', async (t) => {
  const asking = await proxy({ cert: pki.local, requestCert: true });
  await connects(asking, `sslmode=verify-full&sslrootcert=${pki.ca}&sslcert=${pki.clientCert}&sslkey=${pki.clientKey}`);
  t.equal(asking.sessions.at(-1)!.clientCn, 'strata-client', 'the server received it');
  await connects(asking, 'sslmode=require');
  t.notOk(asking.sessions.at(-1)!.clientCn, 'none without sslcert');
});

t.test('postgresJsTls: the same rules for the internal postgres.js pool', async (t) => {
  const { default: postgres } = await import('postgres');
  const { postgresJsTls } = await import('../src/db/wire/connection.js');
  const run = async (p: PgProxy, query: string) => {
    const { url: stripped, ssl } = postgresJsTls(url(p, query), parseUrl(url(p, query)));
    const sql = postgres(stripped, { ssl, max: 1, onnotice: () => {} });
    try {
      return (await sql`select current_database() as db`)[0].db;
    } finally {
      await sql.end({ timeout: 1 });
    }
  };
  t.equal(await run(local, `sslmode=verify-full&sslrootcert=${pki.ca}`), dbName, 'verify-full with the right CA (the TLS parameters are not sent as settings)');
  t.equal(local.sessions.at(-1)!.tls, true);
  t.match(await failure(run(elsewhere, `sslmode=verify-full&sslrootcert=${pki.ca}`)), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  t.match(await failure(run(local, `sslmode=require&sslrootcert=${pki.otherCa}`)), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  const socketForm = postgresJsTls('postgres://u@/db?host=%2Frun%2Fpg&sslmode=require&application_name=x', parseUrl('postgres://u@/db?host=%2Frun%2Fpg&sslmode=require'));
  t.same(socketForm, { url: 'postgres://u@/db?host=%2Frun%2Fpg&application_name=x', ssl: false }, 'a Unix socket: no TLS, as libpq');
});
