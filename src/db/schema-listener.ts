// LISTEN strata_schema: the database announces every schema change (DDL by anyone, changes to
// directus_collections/fields/relations; see sql/fixtures/strata/events/) and the gateway
// drops its compiled SQL. pg-listen keeps the connection alive and reconnects; a reconnect
// also drops the cache, since notifications sent while disconnected are lost.
// LISTEN strata_access: users, roles, policies or access links changed (access/install.sql's
// triggers, whoever wrote them): the gateway drops its per-user access cache.
import pgListen from 'pg-listen';

// pg-listen is CommonJS with a default export: under NodeNext it arrives as the module object
type CreateSubscriber = typeof pgListen.default;
const createSubscriber = (pgListen as unknown as { default: CreateSubscriber }).default;

export const SCHEMA_CHANNEL = 'strata_schema';
export const ACCESS_CHANNEL = 'strata_access';

export interface SchemaListener {
  close(): Promise<void>;
}

export async function listenForSchemaChanges(databaseUrl: string, onChange: () => void, onError: (err: Error) => void,
  onAccessChange: () => void = () => {}): Promise<SchemaListener> {
  let closed = false;
  const subscriber = createSubscriber({ connectionString: databaseUrl, application_name: 'strata-listen' }, {
    parse: (payload: string) => payload, // the payload is a plain hint, not JSON
    paranoidChecking: 30_000,
    retryLimit: Infinity,
    retryTimeout: 0, // keep trying while the gateway runs...
    retryInterval: () => {
      // ...but pg-listen's reconnect loop does not look at close(): stop it from here
      if (closed) throw new Error('schema listener closed');
      return 500;
    },
  });
  subscriber.notifications.on(SCHEMA_CHANNEL, () => onChange());
  subscriber.notifications.on(ACCESS_CHANNEL, () => onAccessChange());
  subscriber.events.on('connected', () => {
    if (closed) void endQuietly(); // a reconnect that finished after close()
    else {
      onChange();
      onAccessChange();
    }
  });
  subscriber.events.on('error', (err) => {
    if (!closed) onError(err);
  });
  await subscriber.connect();
  await subscriber.listenTo(SCHEMA_CHANNEL);
  await subscriber.listenTo(ACCESS_CHANNEL);
  // pg's Client.end() never settles when the connection already ended (the database went
  // away): wait for it briefly, never forever
  function endQuietly(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      timer.unref();
      subscriber.close().then(() => { clearTimeout(timer); resolve(); }, () => { clearTimeout(timer); resolve(); });
    });
  }
  return {
    async close() {
      closed = true;
      await endQuietly();
    },
  };
}
