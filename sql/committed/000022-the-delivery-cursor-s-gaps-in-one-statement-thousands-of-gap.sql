--! Previous: sha1:c5dde0eaaadf7d7751e50ac04d92f9872248e41c
--! Hash: sha1:b25b1101f11261517c99a025adfd85e30277f116
--! Message: The delivery cursor's gaps in one statement: thousands of gaps cost milliseconds a round, not seconds

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000022-….sql.
--! Included strata/hooks/claim_events.sql
-- One round of a gateway's event deliveries (src/flows/dispatcher.ts, through
-- src/engine/flow-store.ts's claimEvents), in one statement:
--   1. takes or keeps the delivery cursor (hooks/delivery_cursor.sql) for p_lease_ms, unless
--      another gateway holds it: then answers {"held": false, "wait": <ms left of its lease>};
--   2. as the holder, records the outcomes of the event items it finished (p_outcomes:
--      [{event, item, ok, retry, status, error, done, failed}]): one strata.deliveries row per
--      item, 'delivered', or 'pending' with the listeners that failed for a retry after `retry`
--      ms (the queue's claim runs it, strata.record_and_claim), or 'failed' after the last
--      attempt; and moves last_id to p_done_to (every item up to it finished), but never past a
--      gap;
--   3. looks for the gaps again: hands over those that appeared, names the horizon of new ones,
--      drops those whose transaction has ended;
--   4. reads up to p_limit event ids after p_after (the holder's read position; a new holder
--      starts from last_id) in id order, keeping the missing ones as gaps, and answers the
--      listened events among them and among the gaps that appeared:
--      {"held": true, "after": <the new read position>, "events": [...], "gaps": <ids still
--      missing>, "more": <the read was full>}.
-- So a transaction that stays open (or aborts) does not hold the deliveries of later commits
-- back, and its events are delivered when it commits.
-- Internal: executable by the installing role only.
-- (It replaces the queue row per listened item event that strata.queue_deliveries wrote.)
drop function if exists strata.queue_deliveries(text, text, jsonb, jsonb);
create or replace function strata.claim_events(p_holder text, p_after bigint, p_done_to bigint, p_outcomes jsonb, p_limit int, p_lease_ms int)
returns json
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
declare
  c strata.delivery_cursor;
  v_after bigint := p_after;
  v_from bigint;             -- where this round's read starts
  v_xmin bigint;             -- the oldest transaction still running, before the gaps are looked at
  v_appeared bigint[] := '{}';
  v_gaps bigint[] := '{}';   -- the gaps kept, and those found by this round's read
  v_horizons bigint[] := '{}';
  v_events json;
  v_read int := 0;
  r record;
begin
  -- (waits while another round, or the holder's lease renewal, has the row: a round is short,
  -- and skipping it would make the holder believe it lost the cursor)
  select * into c from strata.delivery_cursor for update;
  if c.holder is distinct from p_holder and c.lease_until > now() then
    return json_build_object('held', false, 'wait', ceil(extract(epoch from c.lease_until - now()) * 1000));
  end if;
  if c.holder is distinct from p_holder or p_after is null then
    -- taking over: from the last event whose deliveries all finished (below every gap, which
    -- the read finds again)
    v_after := c.last_id;
    c.gaps := '{}';
    c.gap_horizons := '{}';
  else
    if jsonb_array_length(p_outcomes) > 0 then
      insert into strata.deliveries (kind, event, collection, keys, payload, accountability, listeners, done, dedupe,
                                     status, attempts, next_at, last_status, last_error)
      select 'event', 'items.' || e.action, e.collection, e.items -> o.item -> 'keys', e.items -> o.item -> 'payload', e.accountability,
             coalesce(o.failed, '[]'), coalesce(o.done, '[]'),
             -- (a retry keeps the item's idempotency keys: the dispatcher derives them from it)
             case when not o.ok then 'event:' || o.event || ':' || o.item end,
             case when o.ok then 'delivered' when o.retry is null then 'failed' else 'pending' end, 1,
             now() + coalesce(o.retry, 0) * interval '1 millisecond', o.status, left(o.error, 2000)
      from jsonb_to_recordset(p_outcomes) as o(event bigint, item int, ok boolean, retry int, status int, error text, done jsonb, failed jsonb)
      join strata.events e on e.id = o.event
      on conflict (dedupe) do nothing; -- (an item delivered again after a takeover is retried once)
    end if;
    c.last_id := greatest(c.last_id, least(p_done_to, p_after));
  end if;

  -- the gaps of earlier rounds: an id that appeared is handed over now; one still missing gets
  -- its horizon (this transaction's id: assigned after the round that missed it read), or is
  -- dropped once every transaction before its horizon has ended (xmin taken before the look,
  -- so a transaction that ended by then and committed is seen by it)
  -- (one statement, so that what appeared and what stays a gap are seen in one snapshot; a
  -- probe of the primary key per gap: thousands of gaps, e.g. a burst of aborted writes, cost
  -- milliseconds, where a loop over the arrays grew with their square)
  if cardinality(c.gaps) > 0 then
    v_xmin := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
    select coalesce(array_agg(g.id order by g.n) filter (where g.appeared), '{}'),
           coalesce(array_agg(g.id order by g.n) filter (where g.kept), '{}'),
           coalesce(array_agg(case when g.h > 0 then g.h else pg_current_xact_id()::text::bigint end order by g.n) filter (where g.kept), '{}')
      into v_appeared, v_gaps, v_horizons
      from (select g.id, g.h, g.n, a.appeared, not a.appeared and not (g.h > 0 and g.h <= v_xmin) as kept
              from unnest(c.gaps, c.gap_horizons) with ordinality as g(id, h, n),
                   lateral (select exists (select from strata.events e where e.id = g.id) as appeared) a) g;
  end if;

  -- the read: ids only (an index-only scan); the ids it steps over are gaps (at most 10,000
  -- kept: a longer run of missing ids is events pruned while no gateway read, not transactions)
  v_from := v_after;
  for r in select e.id from strata.events e where e.id > v_after order by e.id limit p_limit loop
    v_read := v_read + 1;
    if r.id > v_after + 1 and cardinality(v_gaps) < 10000 then
      v_gaps := v_gaps || array(select generate_series(v_after + 1, least(r.id - 1, v_after + 10000 - cardinality(v_gaps))));
      v_horizons := v_horizons || array_fill(0::bigint, array[cardinality(v_gaps) - cardinality(v_horizons)]);
    end if;
    v_after := r.id;
  end loop;
  if cardinality(v_gaps) > 0 then
    c.last_id := least(c.last_id, (select min(g) from unnest(v_gaps) g) - 1);
  end if;

  -- (json, not jsonb: the answer is only sent, and building jsonb cost three times as much)
  select coalesce(json_agg(json_build_object('id', e.id::text, 'collection', e.collection, 'action', e.action,
           'items', e.items, 'listeners', e.listeners, 'accountability', e.accountability) order by e.id), '[]')
    into v_events
    from strata.events e
   where ((e.id > v_from and e.id <= v_after) or e.id = any(v_appeared)) and e.listeners is not null
     -- (an id the read missed may have committed since: it stays a gap, handed over next round;
     -- NOT IN a subquery is hashed once, where a comparison with the array would scan it per row)
     and e.id not in (select unnest(v_gaps));

  update strata.delivery_cursor set last_id = c.last_id, holder = p_holder, lease_until = now() + p_lease_ms * interval '1 millisecond',
    gaps = v_gaps, gap_horizons = v_horizons, updated_at = now();
  return json_build_object('held', true, 'after', v_after::text, 'events', v_events, 'gaps', cardinality(v_gaps),
    'more', p_limit > 0 and v_read = p_limit);
end;
$$;
--! EndIncluded strata/hooks/claim_events.sql
