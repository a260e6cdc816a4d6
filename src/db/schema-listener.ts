// The gateway's one LISTEN connection, feeding the catalog (src/engine/catalog.ts).
// strata_schema: the database announces every schema change (DDL by anyone, changes to
// directus_collections/fields/relations/permissions; see sql/fixtures/strata/events/).
// strata_access: users, roles, policies or access links changed (access/install.sql's
// triggers, whoever wrote them). strata_events: a change event was committed to the
// strata.events outbox (the payload, its id, is only a hint; readers read the table from the
// last id they saw). strata_flows: flows, operations or webhooks changed (hooks/event_hooks.sql).
// strata_deliveries: deliveries of flows or webhooks were queued in strata.deliveries (the gateway's own events, schedule ticks).
// strata_settings: directus_settings changed (events/notify_settings_change.sql).
// pg-listen keeps the connection alive and reconnects; a reconnect reports
// every kind of change, since notifications sent while disconnected are lost.
import pgListen from 'pg-listen';

// pg-listen's package root is a CommonJS function that also carries itself as `.default`; its
// types declare only the ES default export, which is what TypeScript (NodeNext) lets us call
const createSubscriber = pgListen.default;

export const SCHEMA_CHANNEL = 'strata_schema';
export const ACCESS_CHANNEL = 'strata_access';
export const EVENTS_CHANNEL = 'strata_events';
export const FLOWS_CHANNEL = 'strata_flows';
export const DELIVERIES_CHANNEL = 'strata_deliveries';
export const SETTINGS_CHANNEL = 'strata_settings';

export interface SchemaListener {
  close(): Promise<void>;
}

/** What the notifications are reported to: the catalog (src/db may not import the engine). */
export interface ChangeSink {
  schemaChanged(): void;
  accessChanged(): void;
  /** new rows may be in strata.events (a notification, or a reconnect that may have missed some) */
  eventsAppended(): void;
  /** flows, operations or webhooks changed */
  flowsChanged(): void;
  /** deliveries were queued (or may have been, after a reconnect) */
  deliveriesQueued(): void;
  /** directus_settings changed (or may have, after a reconnect) */
  settingsChanged(): void;
}

export async function listenForChanges(databaseUrl: string, sink: ChangeSink, onError: (err: Error) => void): Promise<SchemaListener> {
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
  subscriber.notifications.on(SCHEMA_CHANNEL, () => sink.schemaChanged());
  subscriber.notifications.on(ACCESS_CHANNEL, () => sink.accessChanged());
  subscriber.notifications.on(EVENTS_CHANNEL, () => sink.eventsAppended());
  subscriber.notifications.on(FLOWS_CHANNEL, () => sink.flowsChanged());
  subscriber.notifications.on(DELIVERIES_CHANNEL, () => sink.deliveriesQueued());
  subscriber.notifications.on(SETTINGS_CHANNEL, () => sink.settingsChanged());
  subscriber.events.on('connected', () => {
    if (closed) void endQuietly(); // a reconnect that finished after close()
    else {
      sink.schemaChanged();
      sink.accessChanged();
      sink.eventsAppended();
      sink.flowsChanged();
      sink.deliveriesQueued();
      sink.settingsChanged();
    }
  });
  subscriber.events.on('error', (err) => {
    if (!closed) onError(err);
    // a reconnect that connected after close() and then failed to LISTEN: its client, and the
    // paranoid check's interval pg-listen started for it, would keep the process alive
    else void endQuietly();
  });
  await subscriber.connect();
  await subscriber.listenTo(SCHEMA_CHANNEL);
  await subscriber.listenTo(ACCESS_CHANNEL);
  await subscriber.listenTo(EVENTS_CHANNEL);
  await subscriber.listenTo(FLOWS_CHANNEL);
  await subscriber.listenTo(DELIVERIES_CHANNEL);
  await subscriber.listenTo(SETTINGS_CHANNEL);
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
