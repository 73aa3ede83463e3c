import { orderTransitions } from '../../../src-shared/orders/orderViews';

/**
 * What IT runs on the center's PostgreSQL (`npm run sync:schema` prints it;
 * running it again upgrades in place): the change log every workstation
 * pushes to, the team's shared state the changes are applied to, the feed
 * each workstation pulls, and the only functions through which an
 * operator's role may write any of it. Operators log in with their own roles,
 * members of `pult_operator`, each listed in `pult.members` with their team;
 * they cannot write a table, only call the functions below, which the
 * database checks and applies. Row-level security decides what each role
 * reads: its own team's clients, calls and feed.
 *
 * The rules (issue 19):
 * - A change is stored once per (workstation, sequence): a retry after a cut
 *   connection or a crash stores nothing twice, and is applied once.
 * - The server's order is the order of everything; a workstation's clock is
 *   never used to decide (`made_at` is kept for people to read).
 * - Client fields: the last write received wins, per field. A write made
 *   without having seen another workstation's write of the same field (its
 *   `seen` is below that write's feed entry) is a clash, listed for the
 *   team's supervisors when the two are within the clash window.
 * - Phones and tags are sets: a removal drops only what its author had seen
 *   added, so a concurrent add wins.
 * - Do-not-call keeps the more restrictive value: a concurrent "may call"
 *   never lifts a "do not call" its author had not seen.
 * - Calls and script runs are the operator's own: a colleague's role cannot
 *   write them; the team reads them (a run's answers on the client's card).
 * - A submitted order is its operator's and is never edited; its status moves
 *   only along the order book's transitions (a forged move is refused). Only
 *   its operator and the team's supervisors read it.
 * - A day-off request is its operator's; only the team's supervisors read and
 *   decide it (approve or reject, once, never their own), and the decision
 *   reaches the operator's desk through the feed. Feed entries meant for one
 *   operator and the supervisors carry `for_role`; the database shows them to
 *   no one else.
 * - A clash is resolved by a supervisor: the value that won stays, or the
 *   one it overwrote is written back as the supervisor's own write (a
 *   do-not-call is never lifted that way).
 * - Scripts and targets a supervisor publishes reach every desk of the team:
 *   a script as its next published version, targets as editions (each kept,
 *   none overwritten).
 * - The team's figures: a supervisor reads each operator's; an operator reads
 *   only their own beside the range of their colleagues' (least, median,
 *   most), and only when there are at least three colleagues to hide among.
 * - A callback is its operator's while they may still keep it: once a grace
 *   after the promised time has passed, any colleague of the team may take
 *   it, and it is theirs from then on (the first operator's desk drops it).
 * - "Ask for help" (звернутися до старшого) reaches the team's supervisors
 *   online with the call and the client; the first to answer gives their
 *   line, and the operator transfers the call there after consulting.
 * - Outbound leads are handed out by the server, `FOR UPDATE SKIP LOCKED`,
 *   each reserved for a while for one operator and back in the pool when it
 *   lapses. A supervisor gives a list to the team; each desk reports what
 *   became of its leads: done, due again later (back in the pool, not before
 *   then), dialling (the hold grows), or a callback, kept for its operator
 *   until a grace after the promised time and then open to the team.
 * - The feed of a team is written under the team's lock, so its entries
 *   commit in the order of their numbers and a cursor never skips one.
 */
/** The desk's allowed order transitions as SQL row values: one source for both sides. */
function orderTransitionPairs(): string {
  return Object.entries(orderTransitions)
    .flatMap(([from, tos]) => tos.map((to) => `('${from}', '${to}')`))
    .join(', ');
}

export const centralSchemaSql = String.raw`
DO $roles$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pult_operator') THEN
    CREATE ROLE pult_operator NOLOGIN;
  END IF;
END $roles$;

CREATE SCHEMA IF NOT EXISTS pult;
REVOKE ALL ON SCHEMA pult FROM PUBLIC;
GRANT USAGE ON SCHEMA pult TO pult_operator;

CREATE TABLE IF NOT EXISTS pult.members (
  role name PRIMARY KEY,
  team text NOT NULL CHECK (team <> ''),
  supervisor boolean NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS pult.settings (
  id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  clash_window interval NOT NULL DEFAULT '1 day',
  lead_hold interval NOT NULL DEFAULT '30 minutes'
);
INSERT INTO pult.settings (id) VALUES (1) ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS pult.workstations (
  id uuid PRIMARY KEY,
  operator name NOT NULL,
  first_push timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS pult.changes (
  id bigserial PRIMARY KEY,
  workstation uuid NOT NULL REFERENCES pult.workstations (id),
  seq bigint NOT NULL CHECK (seq > 0),
  operator name NOT NULL,
  entity text NOT NULL,
  entity_id bigint,
  op text NOT NULL,
  payload jsonb NOT NULL,
  made_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workstation, seq)
);
ALTER TABLE pult.changes ADD COLUMN IF NOT EXISTS seen bigint NOT NULL DEFAULT 0;

CREATE TABLE IF NOT EXISTS pult.feed (
  id bigserial PRIMARY KEY,
  team text NOT NULL,
  entity text NOT NULL,
  uid uuid NOT NULL,
  data jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS feed_team ON pult.feed (team, id);

CREATE TABLE IF NOT EXISTS pult.clients (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  fields jsonb NOT NULL DEFAULT '{}',
  -- e164 -> {raw, label, feed, ws}: who added it and at which feed entry.
  phones jsonb NOT NULL DEFAULT '{}',
  tags jsonb NOT NULL DEFAULT '{}',
  -- field -> {feed, ws, operator, at}: the last write of each field.
  stamps jsonb NOT NULL DEFAULT '{}',
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS clients_team ON pult.clients (team);

CREATE TABLE IF NOT EXISTS pult.clashes (
  id bigserial PRIMARY KEY,
  team text NOT NULL,
  client uuid NOT NULL,
  field text NOT NULL,
  kept jsonb,
  lost jsonb,
  kept_by name NOT NULL,
  lost_by name NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  resolved_by name,
  resolved_at timestamptz
);

CREATE TABLE IF NOT EXISTS pult.calls (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  operator name NOT NULL,
  workstation uuid NOT NULL,
  client uuid,
  direction text,
  offered_at timestamptz,
  talk_seconds numeric,
  outcome text,
  refusal_reason text,
  notes text NOT NULL DEFAULT '',
  wrapped_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS calls_team_offered ON pult.calls (team, offered_at);

-- A submitted order as its operator's desk sent it: never edited after. Its status moves only
-- along the allowed transitions (pult.order_may_go), each move kept in order_statuses.
CREATE TABLE IF NOT EXISTS pult.orders (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  operator name NOT NULL,
  workstation uuid NOT NULL,
  client uuid,
  type text NOT NULL,
  total_kop bigint NOT NULL DEFAULT 0,
  order_values jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'new',
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS pult.order_statuses (
  id bigserial PRIMARY KEY,
  order_uid uuid NOT NULL REFERENCES pult.orders (uid),
  team text NOT NULL,
  status text NOT NULL,
  note text NOT NULL DEFAULT '',
  by_role name NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS order_statuses_order ON pult.order_statuses (order_uid, id);

-- A script run as its runner drew it when it ended (the answers in words, the outcome): the
-- operator's own, like their calls; the team reads it on the client's card.
CREATE TABLE IF NOT EXISTS pult.script_runs (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  operator name NOT NULL,
  workstation uuid NOT NULL,
  client uuid NOT NULL,
  call uuid,
  summary jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- A day-off request (бланк вихідного дня): its operator's; the team's supervisors decide it.
CREATE TABLE IF NOT EXISTS pult.day_offs (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  operator name NOT NULL,
  workstation uuid NOT NULL,
  day date NOT NULL,
  reason text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  decided_by name,
  decided_at timestamptz,
  note text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS day_offs_team ON pult.day_offs (team, status, day);

-- An entry for one operator (and the team's supervisors) only; NULL: the whole team.
ALTER TABLE pult.feed ADD COLUMN IF NOT EXISTS for_role name;
ALTER TABLE pult.clashes ADD COLUMN IF NOT EXISTS resolution text;

CREATE TABLE IF NOT EXISTS pult.leads (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  campaign uuid NOT NULL,
  client uuid NOT NULL,
  e164 text NOT NULL,
  state text NOT NULL DEFAULT 'due' CHECK (state IN ('due', 'reserved', 'done')),
  reserved_by name,
  reserved_until timestamptz,
  done_by name,
  result text,
  done_at timestamptz
);
CREATE INDEX IF NOT EXISTS leads_open ON pult.leads (campaign, team, uid) WHERE state <> 'done';
ALTER TABLE pult.leads ADD COLUMN IF NOT EXISTS due_at timestamptz;
ALTER TABLE pult.leads ADD COLUMN IF NOT EXISTS attempts integer NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS leads_next ON pult.leads (campaign, team, due_at NULLS FIRST, uid)
  WHERE state <> 'done';
ALTER TABLE pult.settings ADD COLUMN IF NOT EXISTS callback_grace interval NOT NULL DEFAULT '15 minutes';

-- A call script a supervisor published for the team: its graph, numbered by the center.
CREATE TABLE IF NOT EXISTS pult.scripts (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  name text NOT NULL,
  version integer NOT NULL,
  graph jsonb NOT NULL,
  published_by name NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

-- Targets a supervisor published for the team: editions, never overwritten (as at each desk).
CREATE TABLE IF NOT EXISTS pult.targets (
  team text NOT NULL,
  metric text NOT NULL,
  period text NOT NULL,
  value numeric NOT NULL,
  version text NOT NULL,
  effective_from date NOT NULL,
  published_by name NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team, metric, effective_from, version)
);

-- The catalogue (products, tariffs, promotions, articles) a supervisor published for the team:
-- editions known by their hash, the latest in force at every desk.
CREATE TABLE IF NOT EXISTS pult.catalogues (
  team text NOT NULL,
  sha256 text NOT NULL,
  version text NOT NULL,
  body jsonb NOT NULL,
  published_by name NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team, sha256)
);

-- A promised callback: its operator's until overdue past the grace, then open to the team.
CREATE TABLE IF NOT EXISTS pult.callbacks (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  owner name NOT NULL,
  client uuid NOT NULL,
  due_at timestamptz NOT NULL,
  note text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('pending', 'done', 'cancelled')),
  taken_from name,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS callbacks_open ON pult.callbacks (team, due_at) WHERE status = 'pending';

-- An operator's call for help: to the team's supervisors; the first to answer gives their line.
CREATE TABLE IF NOT EXISTS pult.help_requests (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  operator name NOT NULL,
  request jsonb NOT NULL,
  asked_at timestamptz NOT NULL DEFAULT now(),
  answered_by name,
  answered_at timestamptz,
  extension text
);

-- A call list a supervisor gave the team: its definition as the desk that built it had it.
CREATE TABLE IF NOT EXISTS pult.campaigns (
  uid uuid PRIMARY KEY,
  team text NOT NULL,
  definition jsonb NOT NULL,
  published_by name NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

REVOKE ALL ON pult.members, pult.settings, pult.workstations, pult.changes, pult.feed,
  pult.clients, pult.clashes, pult.calls, pult.script_runs, pult.leads, pult.day_offs,
  pult.campaigns, pult.scripts, pult.targets, pult.help_requests, pult.callbacks,
  pult.catalogues, pult.orders, pult.order_statuses FROM PUBLIC;

-- Who the logged-in operator is: their team, whether they supervise it.
CREATE OR REPLACE FUNCTION pult.my_team() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pult, pg_temp AS
$$ SELECT team FROM members WHERE role = session_user $$;
CREATE OR REPLACE FUNCTION pult.am_supervisor() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pult, pg_temp AS
$$ SELECT coalesce((SELECT supervisor FROM members WHERE role = session_user), false) $$;
REVOKE ALL ON FUNCTION pult.my_team(), pult.am_supervisor() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pult.my_team(), pult.am_supervisor() TO pult_operator;

ALTER TABLE pult.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.feed ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.clashes ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.script_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.leads ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.day_offs ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.campaigns ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.scripts ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.help_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.callbacks ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.targets ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.catalogues ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE pult.order_statuses ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS changes_read ON pult.changes;
CREATE POLICY changes_read ON pult.changes FOR SELECT TO pult_operator
  USING (operator = session_user);
DROP POLICY IF EXISTS feed_read ON pult.feed;
CREATE POLICY feed_read ON pult.feed FOR SELECT TO pult_operator
  USING (team = pult.my_team() AND (for_role IS NULL OR for_role = session_user OR pult.am_supervisor()));
DROP POLICY IF EXISTS clients_read ON pult.clients;
CREATE POLICY clients_read ON pult.clients FOR SELECT TO pult_operator USING (team = pult.my_team());
DROP POLICY IF EXISTS clashes_read ON pult.clashes;
CREATE POLICY clashes_read ON pult.clashes FOR SELECT TO pult_operator
  USING (team = pult.my_team() AND pult.am_supervisor());
DROP POLICY IF EXISTS calls_read ON pult.calls;
CREATE POLICY calls_read ON pult.calls FOR SELECT TO pult_operator USING (team = pult.my_team());
DROP POLICY IF EXISTS script_runs_read ON pult.script_runs;
CREATE POLICY script_runs_read ON pult.script_runs FOR SELECT TO pult_operator
  USING (team = pult.my_team());
DROP POLICY IF EXISTS leads_read ON pult.leads;
CREATE POLICY leads_read ON pult.leads FOR SELECT TO pult_operator USING (team = pult.my_team());
DROP POLICY IF EXISTS day_offs_read ON pult.day_offs;
CREATE POLICY day_offs_read ON pult.day_offs FOR SELECT TO pult_operator
  USING (operator = session_user OR (team = pult.my_team() AND pult.am_supervisor()));
DROP POLICY IF EXISTS campaigns_read ON pult.campaigns;
CREATE POLICY campaigns_read ON pult.campaigns FOR SELECT TO pult_operator USING (team = pult.my_team());
DROP POLICY IF EXISTS callbacks_read ON pult.callbacks;
CREATE POLICY callbacks_read ON pult.callbacks FOR SELECT TO pult_operator
  USING (owner = session_user OR (team = pult.my_team() AND pult.am_supervisor()));
DROP POLICY IF EXISTS help_read ON pult.help_requests;
CREATE POLICY help_read ON pult.help_requests FOR SELECT TO pult_operator
  USING (operator = session_user OR (team = pult.my_team() AND pult.am_supervisor()));
DROP POLICY IF EXISTS scripts_read ON pult.scripts;
CREATE POLICY scripts_read ON pult.scripts FOR SELECT TO pult_operator USING (team = pult.my_team());
DROP POLICY IF EXISTS targets_read ON pult.targets;
CREATE POLICY targets_read ON pult.targets FOR SELECT TO pult_operator USING (team = pult.my_team());
DROP POLICY IF EXISTS orders_read ON pult.orders;
CREATE POLICY orders_read ON pult.orders FOR SELECT TO pult_operator
  USING (operator = session_user OR (team = pult.my_team() AND pult.am_supervisor()));
DROP POLICY IF EXISTS order_statuses_read ON pult.order_statuses;
CREATE POLICY order_statuses_read ON pult.order_statuses FOR SELECT TO pult_operator
  USING (EXISTS (SELECT 1 FROM pult.orders o WHERE o.uid = order_uid));
DROP POLICY IF EXISTS catalogues_read ON pult.catalogues;
CREATE POLICY catalogues_read ON pult.catalogues FOR SELECT TO pult_operator
  USING (team = pult.my_team());
GRANT SELECT ON pult.changes, pult.feed, pult.clients, pult.clashes, pult.calls,
  pult.script_runs, pult.leads, pult.day_offs, pult.campaigns, pult.scripts, pult.targets,
  pult.help_requests, pult.callbacks, pult.catalogues, pult.orders, pult.order_statuses
  TO pult_operator;

-- The logged-in operator's team, or a refusal when IT has not listed them.
CREATE OR REPLACE FUNCTION pult.team_of_session() RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pult, pg_temp AS $$
DECLARE t text;
BEGIN
  SELECT team INTO t FROM members WHERE role = session_user;
  IF t IS NULL THEN
    RAISE EXCEPTION 'role % is not in any team (pult.members)', session_user USING ERRCODE = '42501';
  END IF;
  RETURN t;
END $$;

-- What a workstation receives of a client: its fields, phones and tags.
CREATE OR REPLACE FUNCTION pult.client_state(c pult.clients) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'fields', c.fields,
    'phones', coalesce((SELECT jsonb_agg(jsonb_build_object('e164', p.key, 'raw', p.value->>'raw',
                          'label', coalesce(p.value->>'label', '')) ORDER BY (p.value->>'feed')::bigint, p.key)
                        FROM jsonb_each(c.phones) p), '[]'::jsonb),
    'tags', coalesce((SELECT jsonb_agg(t ORDER BY t) FROM jsonb_object_keys(c.tags) t), '[]'::jsonb))
$$;

-- A feed entry of the team: under the team's lock, so entries commit in their numbers' order.
CREATE OR REPLACE FUNCTION pult.next_feed(p_team text) RETURNS bigint
LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('pult.feed ' || p_team));
  RETURN nextval('pult.feed_id_seq');
END $$;

CREATE OR REPLACE FUNCTION pult.apply_client(p_ws uuid, p_seen bigint, p_op text, p_payload jsonb, p_team text)
RETURNS void LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
DECLARE
  v_uid uuid;
  c clients%ROWTYPE;
  v_feed bigint;
  k text;
  v jsonb;
  stamp jsonb;
  concurrent boolean;
  e jsonb;
  v_window interval;
  wanted text;
BEGIN
  -- A change from before team ids carries none: the log keeps it; the first upload brings the client.
  IF NOT (p_payload ? 'uid') THEN RETURN; END IF;
  BEGIN
    v_uid := (p_payload->>'uid')::uuid;
  EXCEPTION WHEN invalid_text_representation THEN
    RAISE EXCEPTION 'a client id must be a UUID' USING ERRCODE = '22023';
  END;
  v_feed := next_feed(p_team);
  SELECT * INTO c FROM clients WHERE uid = v_uid FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO clients (uid, team) VALUES (v_uid, p_team) RETURNING * INTO c;
  ELSIF c.team <> p_team THEN
    RAISE EXCEPTION 'client % belongs to another team', v_uid USING ERRCODE = '42501';
  END IF;
  SELECT clash_window INTO v_window FROM settings;
  IF jsonb_typeof(coalesce(p_payload->'set', '{}')) <> 'object' THEN
    RAISE EXCEPTION 'a client change sets an object of fields' USING ERRCODE = '22023';
  END IF;
  FOR k, v IN SELECT * FROM jsonb_each(coalesce(p_payload->'set', '{}')) LOOP
    IF k NOT IN ('fullName', 'address', 'city', 'email', 'personalAccount', 'notes', 'doNotCall') THEN
      RAISE EXCEPTION 'unknown client field %', left(k, 40) USING ERRCODE = '22023';
    END IF;
    wanted := 'string';
    IF k = 'doNotCall' THEN wanted := 'boolean'; END IF;
    IF jsonb_typeof(v) <> wanted OR octet_length(v::text) > 20000 THEN
      RAISE EXCEPTION 'client field % has a wrong value', k USING ERRCODE = '22023';
    END IF;
    IF c.fields->k IS NOT DISTINCT FROM v THEN CONTINUE; END IF;
    stamp := c.stamps->k;
    concurrent := stamp IS NOT NULL AND (stamp->>'feed')::bigint > p_seen AND (stamp->>'ws')::uuid <> p_ws;
    -- "Do not call" stays unless its author's colleague had seen it before lifting it.
    IF concurrent AND k = 'doNotCall' AND v = 'false'::jsonb THEN CONTINUE; END IF;
    IF concurrent AND (stamp->>'at')::timestamptz > now() - v_window THEN
      INSERT INTO clashes (team, client, field, kept, lost, kept_by, lost_by)
        VALUES (p_team, v_uid, k, v, c.fields->k, session_user, stamp->>'operator');
    END IF;
    c.fields := c.fields || jsonb_build_object(k, v);
    c.stamps := c.stamps || jsonb_build_object(k, jsonb_build_object(
      'feed', v_feed, 'ws', p_ws, 'operator', session_user, 'at', now()));
  END LOOP;
  FOR e IN SELECT * FROM jsonb_array_elements(coalesce(p_payload->'phones'->'add', '[]')) LOOP
    IF coalesce(e->>'e164', '') !~ '^\+[1-9][0-9]{6,14}$' THEN
      RAISE EXCEPTION 'a phone must be E.164' USING ERRCODE = '22023';
    END IF;
    c.phones := c.phones || jsonb_build_object(e->>'e164', jsonb_build_object(
      'raw', left(coalesce(e->>'raw', e->>'e164'), 64), 'label', left(coalesce(e->>'label', ''), 64),
      'feed', v_feed, 'ws', p_ws));
  END LOOP;
  FOR k IN SELECT * FROM jsonb_array_elements_text(coalesce(p_payload->'phones'->'remove', '[]')) LOOP
    stamp := c.phones->k;
    -- An add its author had not seen wins over the removal.
    IF stamp IS NULL OR ((stamp->>'feed')::bigint > p_seen AND (stamp->>'ws')::uuid <> p_ws) THEN
      CONTINUE;
    END IF;
    c.phones := c.phones - k;
  END LOOP;
  FOR k IN SELECT * FROM jsonb_array_elements_text(coalesce(p_payload->'tags'->'add', '[]')) LOOP
    IF length(k) NOT BETWEEN 1 AND 100 THEN
      RAISE EXCEPTION 'a tag is 1 to 100 characters' USING ERRCODE = '22023';
    END IF;
    c.tags := c.tags || jsonb_build_object(k, jsonb_build_object('feed', v_feed, 'ws', p_ws));
  END LOOP;
  FOR k IN SELECT * FROM jsonb_array_elements_text(coalesce(p_payload->'tags'->'remove', '[]')) LOOP
    stamp := c.tags->k;
    IF stamp IS NULL OR ((stamp->>'feed')::bigint > p_seen AND (stamp->>'ws')::uuid <> p_ws) THEN
      CONTINUE;
    END IF;
    c.tags := c.tags - k;
  END LOOP;
  UPDATE clients SET fields = c.fields, phones = c.phones, tags = c.tags, stamps = c.stamps,
    version = v_feed, updated_at = now() WHERE uid = v_uid;
  c.version := v_feed;
  INSERT INTO feed (id, team, entity, uid, data) VALUES (v_feed, p_team, 'client', v_uid, client_state(c));
  PERFORM pg_notify('pult_feed', p_team);
END $$;

-- A call's wrap-up: the call is its operator's; a colleague's role cannot write it.
CREATE OR REPLACE FUNCTION pult.apply_call(p_ws uuid, p_call jsonb, p_team text)
RETURNS void LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
DECLARE
  v_uid uuid;
  owner name;
  v_feed bigint;
BEGIN
  BEGIN
    v_uid := (p_call->>'uid')::uuid;
  EXCEPTION WHEN invalid_text_representation THEN
    RAISE EXCEPTION 'a call id must be a UUID' USING ERRCODE = '22023';
  END;
  SELECT operator INTO owner FROM calls WHERE uid = v_uid FOR UPDATE;
  IF owner IS NOT NULL AND owner <> session_user THEN
    RAISE EXCEPTION 'call % is another operator''s', v_uid USING ERRCODE = '42501';
  END IF;
  v_feed := next_feed(p_team);
  INSERT INTO calls (uid, team, operator, workstation, client, direction, offered_at, talk_seconds,
                     outcome, refusal_reason, notes)
    VALUES (v_uid, p_team, session_user, p_ws, (p_call->>'clientUid')::uuid, p_call->>'direction',
            (p_call->>'offeredAt')::timestamptz, (p_call->>'talkSeconds')::numeric,
            p_call->>'outcome', p_call->>'refusalReason', left(coalesce(p_call->>'notes', ''), 20000))
    ON CONFLICT (uid) DO UPDATE SET outcome = EXCLUDED.outcome,
      refusal_reason = EXCLUDED.refusal_reason, notes = EXCLUDED.notes, wrapped_at = now();
  INSERT INTO feed (id, team, entity, uid, data)
    SELECT v_feed, p_team, 'call', v_uid, to_jsonb(calls) - 'team' - 'workstation'
    FROM calls WHERE uid = v_uid;
  PERFORM pg_notify('pult_feed', p_team);
END $$;

-- The order statuses an order may move between, as the desk's order book allows them.
CREATE OR REPLACE FUNCTION pult.order_may_go(p_from text, p_to text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT (p_from, p_to) IN (${orderTransitionPairs()})
$$;

-- A submitted order, or a move of its status: its operator's own (a colleague's role cannot
-- write it). An order is stored once and never edited; a status moves only along the allowed
-- transitions, so a forged or stale move is refused (and set aside on the desk that sent it).
-- A move of an order the center never received (submitted before team mode) is only logged.
CREATE OR REPLACE FUNCTION pult.apply_order(p_ws uuid, p_op text, p_order jsonb, p_team text)
RETURNS void LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
DECLARE
  v_uid uuid;
  v_client uuid;
  v_to text;
  o orders%ROWTYPE;
BEGIN
  BEGIN
    v_uid := (p_order->>'uid')::uuid;
    v_client := (p_order->>'clientUid')::uuid;
  EXCEPTION WHEN invalid_text_representation THEN
    RAISE EXCEPTION 'an order and its client are known by UUIDs' USING ERRCODE = '22023';
  END;
  IF v_uid IS NULL THEN
    RAISE EXCEPTION 'an order without its id' USING ERRCODE = '22023';
  END IF;
  SELECT * INTO o FROM orders WHERE uid = v_uid FOR UPDATE;
  IF FOUND AND (o.operator <> session_user OR o.team <> p_team) THEN
    RAISE EXCEPTION 'order % is another operator''s', v_uid USING ERRCODE = '42501';
  END IF;
  IF p_op = 'insert' THEN
    IF FOUND THEN RETURN; END IF;
    IF coalesce(p_order->>'type', '') = '' OR jsonb_typeof(coalesce(p_order->'values', '{}')) <> 'object' THEN
      RAISE EXCEPTION 'an order needs its type and its values' USING ERRCODE = '22023';
    END IF;
    INSERT INTO orders (uid, team, operator, workstation, client, type, total_kop, order_values)
      VALUES (v_uid, p_team, session_user, p_ws, v_client, left(p_order->>'type', 100),
              coalesce((p_order->>'totalKop')::bigint, 0), coalesce(p_order->'values', '{}'));
    INSERT INTO order_statuses (order_uid, team, status, by_role)
      VALUES (v_uid, p_team, 'new', session_user);
  ELSIF p_op = 'update' THEN
    IF NOT FOUND THEN RETURN; END IF;
    v_to := p_order->>'status';
    IF v_to IS NULL OR NOT order_may_go(o.status, v_to) THEN
      RAISE EXCEPTION 'order % cannot go from % to %', v_uid, o.status, coalesce(v_to, 'nothing')
        USING ERRCODE = '22023';
    END IF;
    UPDATE orders SET status = v_to, updated_at = now() WHERE uid = v_uid;
    INSERT INTO order_statuses (order_uid, team, status, note, by_role)
      VALUES (v_uid, p_team, v_to, left(coalesce(p_order->>'note', ''), 2000), session_user);
  END IF;
END $$;

-- An ended script run: its operator's own (a colleague's role cannot write it), about a client
-- of the team, its summary an object of at most what push takes.
CREATE OR REPLACE FUNCTION pult.apply_script_run(p_ws uuid, p_run jsonb, p_team text)
RETURNS void LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
DECLARE
  v_uid uuid;
  v_client uuid;
  v_call uuid;
  owner name;
  v_feed bigint;
BEGIN
  BEGIN
    v_uid := (p_run->>'uid')::uuid;
    v_client := (p_run->>'clientUid')::uuid;
    v_call := (p_run->>'callUid')::uuid;
  EXCEPTION WHEN invalid_text_representation THEN
    RAISE EXCEPTION 'a script run''s ids must be UUIDs' USING ERRCODE = '22023';
  END;
  IF v_uid IS NULL OR v_client IS NULL OR jsonb_typeof(p_run->'summary') <> 'object'
     OR jsonb_typeof(p_run->'summary'->'answers') <> 'array' THEN
    RAISE EXCEPTION 'a script run needs its id, its client and its summary' USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM clients WHERE uid = v_client AND team = p_team) THEN
    RAISE EXCEPTION 'client % is not of team %', v_client, p_team USING ERRCODE = '42501';
  END IF;
  SELECT operator INTO owner FROM script_runs WHERE uid = v_uid FOR UPDATE;
  IF owner IS NOT NULL AND owner <> session_user THEN
    RAISE EXCEPTION 'script run % is another operator''s', v_uid USING ERRCODE = '42501';
  END IF;
  v_feed := next_feed(p_team);
  INSERT INTO script_runs (uid, team, operator, workstation, client, call, summary)
    VALUES (v_uid, p_team, session_user, p_ws, v_client, v_call, p_run->'summary')
    ON CONFLICT (uid) DO UPDATE SET summary = EXCLUDED.summary, received_at = now();
  INSERT INTO feed (id, team, entity, uid, data)
    VALUES (v_feed, p_team, 'scriptRun', v_uid, jsonb_build_object(
      'client', v_client, 'operator', session_user, 'summary', p_run->'summary'));
  PERFORM pg_notify('pult_feed', p_team);
END $$;

-- What a desk receives of a day-off request.
CREATE OR REPLACE FUNCTION pult.day_off_state(d pult.day_offs) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('operator', d.operator, 'day', d.day, 'reason', d.reason,
    'status', d.status, 'decidedBy', d.decided_by, 'decidedAt', d.decided_at, 'note', d.note,
    'requestedAt', d.received_at)
$$;

-- A day-off request as its operator's desk and the supervisors' receive it: on the feed, for them only.
CREATE OR REPLACE FUNCTION pult.feed_day_off(d pult.day_offs) RETURNS void
LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
BEGIN
  INSERT INTO feed (id, team, entity, uid, data, for_role)
    VALUES (next_feed(d.team), d.team, 'dayOff', d.uid, day_off_state(d), d.operator);
  PERFORM pg_notify('pult_feed', d.team);
END $$;

-- A day-off request from its operator's desk: stored once; its decision is the supervisors'.
CREATE OR REPLACE FUNCTION pult.apply_day_off(p_ws uuid, p_req jsonb, p_team text, p_operator name)
RETURNS void LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
DECLARE
  v_uid uuid;
  v_day date;
  owner name;
  d day_offs%ROWTYPE;
BEGIN
  BEGIN
    v_uid := (p_req->>'uid')::uuid;
    v_day := (p_req->>'day')::date;
  EXCEPTION WHEN invalid_text_representation OR invalid_datetime_format OR datetime_field_overflow THEN
    RAISE EXCEPTION 'a day-off request needs its id (a UUID) and its day (YYYY-MM-DD)' USING ERRCODE = '22023';
  END;
  IF v_uid IS NULL OR v_day IS NULL OR jsonb_typeof(coalesce(p_req->'reason', '""')) <> 'string' THEN
    RAISE EXCEPTION 'a day-off request needs its id, its day and a reason in words' USING ERRCODE = '22023';
  END IF;
  SELECT operator INTO owner FROM day_offs WHERE uid = v_uid FOR UPDATE;
  IF owner IS NOT NULL AND owner <> p_operator THEN
    RAISE EXCEPTION 'day-off request % is another operator''s', v_uid USING ERRCODE = '42501';
  END IF;
  IF owner IS NOT NULL THEN RETURN; END IF;
  INSERT INTO day_offs (uid, team, operator, workstation, day, reason)
    VALUES (v_uid, p_team, p_operator, p_ws, v_day, left(coalesce(p_req->>'reason', ''), 2000))
    RETURNING * INTO d;
  PERFORM feed_day_off(d);
END $$;

-- A supervisor's decision on a day-off request of their team: once, never on their own request.
CREATE OR REPLACE FUNCTION pult.decide_day_off(p_uid uuid, p_approve boolean, p_note text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  v_team text := team_of_session();
  d day_offs%ROWTYPE;
BEGIN
  IF NOT am_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor decides day-off requests' USING ERRCODE = '42501';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('pult.feed ' || v_team));
  SELECT * INTO d FROM day_offs WHERE uid = p_uid AND team = v_team FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no day-off request % in team %', p_uid, v_team USING ERRCODE = '42704';
  END IF;
  IF d.operator = session_user THEN
    RAISE EXCEPTION 'a supervisor does not decide their own day-off request' USING ERRCODE = '42501';
  END IF;
  IF d.status <> 'submitted' THEN
    RAISE EXCEPTION 'day-off request % was already % by %', p_uid, d.status, d.decided_by
      USING ERRCODE = '55000';
  END IF;
  UPDATE day_offs SET status = CASE WHEN p_approve THEN 'approved' ELSE 'rejected' END,
    decided_by = session_user, decided_at = now(), note = left(coalesce(p_note, ''), 500)
    WHERE uid = p_uid RETURNING * INTO d;
  PERFORM feed_day_off(d);
  RETURN d.status;
END $$;

-- A supervisor resolves a clash: 'kept' leaves the value that won; 'lost' writes the overwritten
-- value back as the supervisor's own write, which the whole team receives.
CREATE OR REPLACE FUNCTION pult.resolve_clash(p_id bigint, p_keep text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  v_team text := team_of_session();
  x clashes%ROWTYPE;
  v_value jsonb;
BEGIN
  IF NOT am_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor resolves clashes' USING ERRCODE = '42501';
  END IF;
  IF p_keep IS NULL OR p_keep NOT IN ('kept', 'lost') THEN
    RAISE EXCEPTION 'a clash is resolved by keeping the value that won (kept) or the one it overwrote (lost)'
      USING ERRCODE = '22023';
  END IF;
  SELECT * INTO x FROM clashes WHERE id = p_id AND team = v_team FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no clash % in team %', p_id, v_team USING ERRCODE = '42704';
  END IF;
  IF x.resolved_at IS NOT NULL THEN
    RAISE EXCEPTION 'clash % was already resolved by %', p_id, x.resolved_by USING ERRCODE = '55000';
  END IF;
  IF p_keep = 'lost' THEN
    v_value := coalesce(x.lost, CASE WHEN x.field = 'doNotCall' THEN 'false'::jsonb ELSE '""'::jsonb END);
    IF x.field = 'doNotCall' AND v_value = 'false'::jsonb THEN
      RAISE EXCEPTION 'a do-not-call is not lifted by resolving a clash' USING ERRCODE = '42501';
    END IF;
    -- Written as having seen everything: the supervisor decided with the whole story in view.
    PERFORM apply_client('00000000-0000-0000-0000-000000000000', 9223372036854775807, 'update',
      jsonb_build_object('uid', x.client, 'set', jsonb_build_object(x.field, v_value)), v_team);
  END IF;
  UPDATE clashes SET resolved_by = session_user, resolved_at = now(), resolution = p_keep WHERE id = p_id;
END $$;

DROP FUNCTION IF EXISTS pult.push(uuid, bigint, text, bigint, text, jsonb, timestamptz);
CREATE OR REPLACE FUNCTION pult.push(
  p_workstation uuid,
  p_seq bigint,
  p_seen bigint,
  p_entity text,
  p_entity_id bigint,
  p_op text,
  p_payload jsonb,
  p_made_at timestamptz
) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $push$
DECLARE
  owner name;
  stored bigint;
  v_team text;
BEGIN
  v_team := team_of_session();
  INSERT INTO workstations (id, operator) VALUES (p_workstation, session_user)
    ON CONFLICT (id) DO NOTHING;
  SELECT operator INTO owner FROM workstations WHERE id = p_workstation;
  IF owner <> session_user THEN
    RAISE EXCEPTION 'workstation % pushes as %, not %', p_workstation, owner, session_user
      USING ERRCODE = '42501';
  END IF;
  IF p_op NOT IN ('insert', 'update', 'delete', 'bulkInsert') THEN
    RAISE EXCEPTION 'unknown operation %', p_op USING ERRCODE = '22023';
  END IF;
  IF p_entity !~ '^[a-z][A-Za-z]{0,39}$' THEN
    RAISE EXCEPTION 'unknown entity %', left(p_entity, 60) USING ERRCODE = '22023';
  END IF;
  IF jsonb_typeof(p_payload) NOT IN ('object', 'array') OR octet_length(p_payload::text) > 1048576 THEN
    RAISE EXCEPTION 'a change must be a JSON object of at most 1 MiB' USING ERRCODE = '22023';
  END IF;
  INSERT INTO changes (workstation, seq, seen, operator, entity, entity_id, op, payload, made_at)
    VALUES (p_workstation, p_seq, greatest(p_seen, 0), session_user, p_entity, p_entity_id, p_op,
            p_payload, p_made_at)
    ON CONFLICT (workstation, seq) DO NOTHING
    RETURNING id INTO stored;
  IF stored IS NOT NULL THEN
    IF p_entity = 'client' AND p_op IN ('insert', 'update') THEN
      PERFORM apply_client(p_workstation, p_seen, p_op, p_payload, v_team);
    ELSIF p_entity = 'interaction' AND jsonb_typeof(p_payload->'call') = 'object' THEN
      PERFORM apply_call(p_workstation, p_payload->'call', v_team);
    ELSIF p_entity = 'scriptRun' AND jsonb_typeof(p_payload->'run') = 'object' THEN
      PERFORM apply_script_run(p_workstation, p_payload->'run', v_team);
    ELSIF p_entity = 'teamCallback' THEN
      PERFORM apply_callback(p_payload, v_team);
    ELSIF p_entity = 'dayOffRequest' AND p_op = 'insert' THEN
      PERFORM apply_day_off(p_workstation, p_payload, v_team, session_user);
    ELSIF p_entity = 'order' AND p_op IN ('insert', 'update') THEN
      PERFORM apply_order(p_workstation, p_op, p_payload, v_team);
    END IF;
    PERFORM pg_notify('pult_changes', stored::text);
    RETURN 'stored';
  END IF;
  -- The same change sent again (a retry): nothing more to do. Another change under the same
  -- number (a base restored from an old backup) is refused, never silently dropped.
  IF NOT EXISTS (SELECT 1 FROM changes WHERE workstation = p_workstation AND seq = p_seq
                 AND entity = p_entity AND op = p_op AND payload = p_payload) THEN
    RAISE EXCEPTION 'change % of workstation % was stored with other content', p_seq, p_workstation
      USING ERRCODE = '23505';
  END IF;
  RETURN 'already';
END
$push$;
REVOKE ALL ON FUNCTION pult.push(uuid, bigint, bigint, text, bigint, text, jsonb, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pult.push(uuid, bigint, bigint, text, bigint, text, jsonb, timestamptz) TO pult_operator;

-- Many changes in one round trip, in their order, each with its own answer: a change refused for
-- good (bad data, no right: SQLSTATE classes 22, 23, 42, P0, 54) is answered with why and the
-- rest go on; any other failure (the server busy, shutting down) stops the batch there, so no
-- later change is ever stored before an earlier one.
CREATE OR REPLACE FUNCTION pult.push_many(p_workstation uuid, p_changes jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  e jsonb;
  answer text;
  answers jsonb := '[]';
BEGIN
  IF jsonb_typeof(p_changes) <> 'array' OR jsonb_array_length(p_changes) > 1000 THEN
    RAISE EXCEPTION 'a batch is an array of at most 1000 changes' USING ERRCODE = '22023';
  END IF;
  FOR e IN SELECT * FROM jsonb_array_elements(p_changes) LOOP
    BEGIN
      answer := push(p_workstation, (e->>'seq')::bigint, coalesce((e->>'seen')::bigint, 0),
        e->>'entity', (e->>'entityId')::bigint, e->>'op', e->'payload', (e->>'at')::timestamptz);
      answers := answers || jsonb_build_array(jsonb_build_object('seq', (e->>'seq')::bigint, 'answer', answer));
    EXCEPTION WHEN OTHERS THEN
      answers := answers || jsonb_build_array(jsonb_build_object(
        'seq', (e->>'seq')::bigint, 'code', SQLSTATE, 'error', SQLERRM));
      IF left(SQLSTATE, 2) NOT IN ('22', '23', '42', 'P0', '54') THEN EXIT; END IF;
    END;
  END LOOP;
  RETURN answers;
END $$;
REVOKE ALL ON FUNCTION pult.push_many(uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pult.push_many(uuid, jsonb) TO pult_operator;

-- Clients made before team mode or by an import, uploaded with their ids. A client the team
-- already has is left as the server has it: uploading twice stores nothing twice.
CREATE OR REPLACE FUNCTION pult.upload_clients(p_workstation uuid, p_clients jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  v_team text;
  owner name;
  e jsonb;
  c clients%ROWTYPE;
  v_feed bigint;
  added integer := 0;
BEGIN
  v_team := team_of_session();
  INSERT INTO workstations (id, operator) VALUES (p_workstation, session_user) ON CONFLICT (id) DO NOTHING;
  SELECT operator INTO owner FROM workstations WHERE id = p_workstation;
  IF owner <> session_user THEN
    RAISE EXCEPTION 'workstation % uploads as %, not %', p_workstation, owner, session_user
      USING ERRCODE = '42501';
  END IF;
  IF jsonb_typeof(p_clients) <> 'array' OR jsonb_array_length(p_clients) > 5000 THEN
    RAISE EXCEPTION 'an upload is an array of at most 5000 clients' USING ERRCODE = '22023';
  END IF;
  FOR e IN SELECT * FROM jsonb_array_elements(p_clients) LOOP
    c.uid := NULL;
    IF EXISTS (SELECT 1 FROM clients WHERE uid = (e->>'uid')::uuid) THEN CONTINUE; END IF;
    v_feed := next_feed(v_team);
    INSERT INTO clients (uid, team, fields, phones, tags, version)
      VALUES ((e->>'uid')::uuid, v_team,
        (SELECT coalesce(jsonb_object_agg(f.key, f.value), '{}') FROM jsonb_each(e->'fields') f
          WHERE f.key IN ('fullName', 'address', 'city', 'email', 'personalAccount', 'notes', 'doNotCall')),
        (SELECT coalesce(jsonb_object_agg(p->>'e164', jsonb_build_object('raw', p->>'raw',
            'label', coalesce(p->>'label', ''), 'feed', 0, 'ws', p_workstation)), '{}')
          FROM jsonb_array_elements(coalesce(e->'phones', '[]')) p WHERE p->>'e164' ~ '^\+[1-9][0-9]{6,14}$'),
        (SELECT coalesce(jsonb_object_agg(t, jsonb_build_object('feed', 0, 'ws', p_workstation)), '{}')
          FROM jsonb_array_elements_text(coalesce(e->'tags', '[]')) t),
        v_feed)
      ON CONFLICT (uid) DO NOTHING
      RETURNING * INTO c;
    IF c.uid IS NOT NULL THEN
      INSERT INTO feed (id, team, entity, uid, data) VALUES (v_feed, v_team, 'client', c.uid, client_state(c));
      added := added + 1;
    END IF;
  END LOOP;
  IF added > 0 THEN PERFORM pg_notify('pult_feed', v_team); END IF;
  RETURN added;
END $$;
REVOKE ALL ON FUNCTION pult.upload_clients(uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pult.upload_clients(uuid, jsonb) TO pult_operator;

-- A supervisor gives a call list to the team: its definition (again, when it changed) and its
-- leads, a batch a call; a lead the team already has, or about another team's client, is not added.
CREATE OR REPLACE FUNCTION pult.publish_campaign(p_uid uuid, p_definition jsonb, p_leads jsonb)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  v_team text := team_of_session();
  v_had campaigns%ROWTYPE;
  added integer;
BEGIN
  IF NOT am_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor gives a call list to the team' USING ERRCODE = '42501';
  END IF;
  IF jsonb_typeof(p_definition) <> 'object' OR jsonb_typeof(p_definition->'name') <> 'string'
     OR coalesce(p_definition->>'purpose', '') NOT IN ('sales', 'survey', 'reminder', 'informing')
     OR octet_length(p_definition::text) > 65536 THEN
    RAISE EXCEPTION 'a call list needs its name and purpose' USING ERRCODE = '22023';
  END IF;
  IF jsonb_typeof(p_leads) <> 'array' OR jsonb_array_length(p_leads) > 5000 THEN
    RAISE EXCEPTION 'leads come in batches of at most 5000' USING ERRCODE = '22023';
  END IF;
  SELECT * INTO v_had FROM campaigns WHERE uid = p_uid FOR UPDATE;
  IF FOUND AND v_had.team <> v_team THEN
    RAISE EXCEPTION 'call list % is another team''s', p_uid USING ERRCODE = '42501';
  END IF;
  IF NOT FOUND OR v_had.definition IS DISTINCT FROM p_definition THEN
    INSERT INTO campaigns (uid, team, definition, published_by) VALUES (p_uid, v_team, p_definition, session_user)
      ON CONFLICT (uid) DO UPDATE SET definition = EXCLUDED.definition,
        published_by = EXCLUDED.published_by, published_at = now();
    INSERT INTO feed (id, team, entity, uid, data) VALUES (next_feed(v_team), v_team, 'campaign', p_uid,
      p_definition || jsonb_build_object('publishedBy', session_user));
    PERFORM pg_notify('pult_feed', v_team);
  END IF;
  WITH incoming AS (
    SELECT (e->>'uid')::uuid AS uid, (e->>'client')::uuid AS client, e->>'e164' AS e164
    FROM jsonb_array_elements(p_leads) e
    WHERE e->>'e164' ~ '^\+[1-9][0-9]{6,14}$'),
  stored AS (
    INSERT INTO leads (uid, team, campaign, client, e164)
      SELECT i.uid, v_team, p_uid, i.client, i.e164 FROM incoming i
      JOIN clients c ON c.uid = i.client AND c.team = v_team
      ON CONFLICT (uid) DO NOTHING RETURNING 1)
  SELECT count(*)::integer INTO added FROM stored;
  RETURN added;
END $$;

-- A callback as its owner's desks receive it (for them only).
CREATE OR REPLACE FUNCTION pult.feed_callback(c pult.callbacks, p_for name) RETURNS void
LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
BEGIN
  INSERT INTO feed (id, team, entity, uid, data, for_role)
    VALUES (next_feed(c.team), c.team, 'callback', c.uid, jsonb_build_object(
      'owner', c.owner, 'clientUid', c.client, 'dueAt', c.due_at, 'note', c.note,
      'status', c.status, 'takenFrom', c.taken_from), p_for);
  PERFORM pg_notify('pult_feed', c.team);
END $$;

-- A callback's change from its owner's desk. A change from the operator a colleague took it
-- from (made before their desk heard) is kept in the log and changes nothing.
CREATE OR REPLACE FUNCTION pult.apply_callback(p_cb jsonb, p_team text)
RETURNS void LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
DECLARE
  v_uid uuid;
  v_client uuid;
  v_due timestamptz;
  c callbacks%ROWTYPE;
BEGIN
  BEGIN
    v_uid := (p_cb->>'uid')::uuid;
    v_client := (p_cb->>'clientUid')::uuid;
    v_due := (p_cb->>'dueAt')::timestamptz;
  EXCEPTION WHEN invalid_text_representation OR invalid_datetime_format OR datetime_field_overflow THEN
    RAISE EXCEPTION 'a callback needs its id, its client and its time' USING ERRCODE = '22023';
  END;
  IF v_uid IS NULL OR v_due IS NULL OR coalesce(p_cb->>'status', '') NOT IN ('pending', 'done', 'cancelled') THEN
    RAISE EXCEPTION 'a callback needs its id, its time and its status' USING ERRCODE = '22023';
  END IF;
  -- A client not of the team (not uploaded yet, or never): nothing to share.
  IF v_client IS NULL OR NOT EXISTS (SELECT 1 FROM clients WHERE uid = v_client AND team = p_team) THEN
    RETURN;
  END IF;
  SELECT * INTO c FROM callbacks WHERE uid = v_uid FOR UPDATE;
  IF FOUND AND c.owner <> session_user THEN RETURN; END IF;
  INSERT INTO callbacks (uid, team, owner, client, due_at, note, status)
    VALUES (v_uid, p_team, session_user, v_client, v_due, left(coalesce(p_cb->>'note', ''), 2000),
            p_cb->>'status')
    ON CONFLICT (uid) DO UPDATE SET due_at = EXCLUDED.due_at, note = EXCLUDED.note,
      status = EXCLUDED.status, updated_at = now()
    RETURNING * INTO c;
  PERFORM feed_callback(c, c.owner);
END $$;

-- The team's callbacks overdue past the grace, promised by colleagues: any of them may be taken.
CREATE OR REPLACE FUNCTION pult.open_callbacks()
RETURNS TABLE (uid uuid, client uuid, owner name, due_at timestamptz, note text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pult, pg_temp AS $$
  SELECT c.uid, c.client, c.owner, c.due_at, c.note FROM callbacks c
  WHERE c.team = team_of_session() AND c.status = 'pending' AND c.owner <> session_user
    AND c.due_at + (SELECT callback_grace FROM settings) < now()
  ORDER BY c.due_at LIMIT 200
$$;

-- A colleague takes an overdue callback: theirs from now on; the operator who promised it is told.
CREATE OR REPLACE FUNCTION pult.take_callback(p_uid uuid)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  c callbacks%ROWTYPE;
  v_was name;
BEGIN
  SELECT * INTO c FROM callbacks WHERE uid = p_uid AND team = team_of_session() FOR UPDATE;
  IF NOT FOUND OR c.status <> 'pending' OR c.owner = session_user
     OR c.due_at + (SELECT callback_grace FROM settings) >= now() THEN
    RAISE EXCEPTION 'callback % is not open to the team', p_uid USING ERRCODE = '55000';
  END IF;
  v_was := c.owner;
  UPDATE callbacks SET owner = session_user, taken_from = v_was, updated_at = now()
    WHERE uid = p_uid RETURNING * INTO c;
  PERFORM feed_callback(c, v_was);
  PERFORM feed_callback(c, c.owner);
END $$;

-- A call for help as the asking operator's desk and the supervisors' receive it (for them only).
CREATE OR REPLACE FUNCTION pult.feed_help(h pult.help_requests) RETURNS void
LANGUAGE plpgsql SET search_path = pult, pg_temp AS $$
BEGIN
  INSERT INTO feed (id, team, entity, uid, data, for_role)
    VALUES (next_feed(h.team), h.team, 'help', h.uid, jsonb_build_object(
      'operator', h.operator, 'request', h.request, 'askedAt', h.asked_at,
      'answeredBy', h.answered_by, 'answeredAt', h.answered_at, 'extension', h.extension), h.operator);
  PERFORM pg_notify('pult_feed', h.team);
END $$;

CREATE OR REPLACE FUNCTION pult.ask_help(p_uid uuid, p_request jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE h help_requests%ROWTYPE;
BEGIN
  IF jsonb_typeof(p_request) <> 'object' OR octet_length(p_request::text) > 4096 THEN
    RAISE EXCEPTION 'a call for help is an object of at most 4 KiB' USING ERRCODE = '22023';
  END IF;
  INSERT INTO help_requests (uid, team, operator, request)
    VALUES (p_uid, team_of_session(), session_user, p_request)
    ON CONFLICT (uid) DO NOTHING RETURNING * INTO h;
  IF h.uid IS NOT NULL THEN PERFORM feed_help(h); END IF;
END $$;

-- A supervisor answers a call for help with the line to transfer the call to: once.
CREATE OR REPLACE FUNCTION pult.answer_help(p_uid uuid, p_extension text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  v_team text := team_of_session();
  h help_requests%ROWTYPE;
BEGIN
  IF NOT am_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor answers a call for help' USING ERRCODE = '42501';
  END IF;
  IF coalesce(p_extension, '') !~ '^[0-9A-Za-z+*#._-]{1,40}$' THEN
    RAISE EXCEPTION 'the line to transfer to is a number or a SIP user' USING ERRCODE = '22023';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('pult.feed ' || v_team));
  SELECT * INTO h FROM help_requests WHERE uid = p_uid AND team = v_team FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no call for help % in team %', p_uid, v_team USING ERRCODE = '42704';
  END IF;
  IF h.answered_by IS NOT NULL THEN
    RAISE EXCEPTION 'call for help % was already answered by %', p_uid, h.answered_by
      USING ERRCODE = '55000';
  END IF;
  UPDATE help_requests SET answered_by = session_user, answered_at = now(), extension = p_extension
    WHERE uid = p_uid RETURNING * INTO h;
  PERFORM feed_help(h);
END $$;

-- A supervisor publishes a call script for the team: the next version when its graph changed.
-- Answers the version the team has.
CREATE OR REPLACE FUNCTION pult.publish_script(p_uid uuid, p_graph jsonb)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  v_team text := team_of_session();
  v_had scripts%ROWTYPE;
  v_version integer;
BEGIN
  IF NOT am_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor publishes scripts for the team' USING ERRCODE = '42501';
  END IF;
  IF jsonb_typeof(p_graph) <> 'object' OR jsonb_typeof(p_graph->'name') <> 'string'
     OR jsonb_typeof(p_graph->'nodes') <> 'array' OR octet_length(p_graph::text) > 4194304 THEN
    RAISE EXCEPTION 'a script is a graph with its name and nodes' USING ERRCODE = '22023';
  END IF;
  SELECT * INTO v_had FROM scripts WHERE uid = p_uid FOR UPDATE;
  IF FOUND AND v_had.team <> v_team THEN
    RAISE EXCEPTION 'script % is another team''s', p_uid USING ERRCODE = '42501';
  END IF;
  IF FOUND AND v_had.graph = p_graph THEN RETURN v_had.version; END IF;
  v_version := coalesce(v_had.version, 0) + 1;
  INSERT INTO scripts (uid, team, name, version, graph, published_by)
    VALUES (p_uid, v_team, p_graph->>'name', v_version, p_graph, session_user)
    ON CONFLICT (uid) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version,
      graph = EXCLUDED.graph, published_by = EXCLUDED.published_by, published_at = now();
  INSERT INTO feed (id, team, entity, uid, data) VALUES (next_feed(v_team), v_team, 'script', p_uid,
    jsonb_build_object('version', v_version, 'graph', p_graph, 'publishedBy', session_user));
  PERFORM pg_notify('pult_feed', v_team);
  RETURN v_version;
END $$;

-- A supervisor publishes the catalogue in force at their desk for the team. Answers whether the
-- team did not have this edition (by its hash) yet.
CREATE OR REPLACE FUNCTION pult.publish_catalogue(p_sha256 text, p_body jsonb)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  v_team text := team_of_session();
BEGIN
  IF NOT am_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor publishes the catalogue for the team' USING ERRCODE = '42501';
  END IF;
  IF p_sha256 !~ '^[0-9a-f]{64}$' OR jsonb_typeof(p_body) <> 'object'
     OR jsonb_typeof(p_body->'version') <> 'string' OR octet_length(p_body::text) > 33554432 THEN
    RAISE EXCEPTION 'a catalogue is an object with its version, known by its SHA-256'
      USING ERRCODE = '22023';
  END IF;
  INSERT INTO catalogues (team, sha256, version, body, published_by)
    VALUES (v_team, p_sha256, left(p_body->>'version', 100), p_body, session_user)
    ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN RETURN false; END IF;
  INSERT INTO feed (id, team, entity, uid, data) VALUES (next_feed(v_team), v_team, 'catalogue',
    gen_random_uuid(), jsonb_build_object('sha256', p_sha256, 'catalogue', p_body,
      'publishedBy', session_user));
  PERFORM pg_notify('pult_feed', v_team);
  RETURN true;
END $$;

-- A supervisor publishes targets for the team: the editions the team did not have. Answers how many.
CREATE OR REPLACE FUNCTION pult.publish_targets(p_editions jsonb)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  v_team text := team_of_session();
  added jsonb;
BEGIN
  IF NOT am_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor publishes targets for the team' USING ERRCODE = '42501';
  END IF;
  IF jsonb_typeof(p_editions) <> 'array' OR jsonb_array_length(p_editions) > 1000 THEN
    RAISE EXCEPTION 'targets come as an array of at most 1000 editions' USING ERRCODE = '22023';
  END IF;
  WITH stored AS (
    INSERT INTO targets (team, metric, period, value, version, effective_from, published_by)
      SELECT v_team, left(e->>'metric', 40), left(e->>'period', 20), (e->>'value')::numeric,
        left(e->>'version', 40), (e->>'effectiveFrom')::date, session_user
      FROM jsonb_array_elements(p_editions) e
      ON CONFLICT DO NOTHING
      RETURNING metric, period, value, version, effective_from)
  SELECT coalesce(jsonb_agg(jsonb_build_object('metric', metric, 'period', period,
    'value', value, 'version', version, 'effectiveFrom', effective_from)), '[]') INTO added FROM stored;
  IF jsonb_array_length(added) > 0 THEN
    INSERT INTO feed (id, team, entity, uid, data) VALUES (next_feed(v_team), v_team, 'targets',
      gen_random_uuid(), jsonb_build_object('editions', added, 'publishedBy', session_user));
    PERFORM pg_notify('pult_feed', v_team);
  END IF;
  RETURN jsonb_array_length(added);
END $$;

-- Each operator's calls of the team between two times (a talked-to call is handled).
CREATE OR REPLACE FUNCTION pult.operator_figures(p_team text, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (operator name, handled integer, sales integer, talk_seconds numeric)
LANGUAGE sql STABLE SET search_path = pult, pg_temp AS $$
  SELECT c.operator, count(*) FILTER (WHERE c.talk_seconds > 0)::integer,
    count(*) FILTER (WHERE c.outcome = 'sale')::integer,
    coalesce(sum(c.talk_seconds), 0)
  FROM calls c WHERE c.team = p_team AND c.offered_at >= p_from AND c.offered_at < p_to
  GROUP BY c.operator
$$;

-- A supervisor's view of the team: every operator's figures.
CREATE OR REPLACE FUNCTION pult.team_figures(p_from timestamptz, p_to timestamptz)
RETURNS TABLE (operator name, handled integer, sales integer, talk_seconds numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pult, pg_temp AS $$
BEGIN
  IF NOT am_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor reads the team''s figures by name' USING ERRCODE = '42501';
  END IF;
  RETURN QUERY SELECT * FROM operator_figures(team_of_session(), p_from, p_to) ORDER BY 1;
END $$;

-- An operator's own figures beside their colleagues' range, never a colleague's by name: NULL
-- ranges when fewer than three colleagues worked (too few to hide among).
CREATE OR REPLACE FUNCTION pult.peer_range(p_from timestamptz, p_to timestamptz)
RETURNS jsonb LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  answer jsonb;
BEGIN
  WITH f AS (SELECT * FROM operator_figures(team_of_session(), p_from, p_to)),
  mine AS (SELECT * FROM f WHERE operator = session_user),
  peers AS (SELECT handled, sales,
              CASE WHEN handled > 0 THEN sales::numeric / handled END AS conversion,
              CASE WHEN handled > 0 THEN talk_seconds / handled END AS aht
            FROM f WHERE operator <> session_user)
  SELECT jsonb_build_object(
    'peers', (SELECT count(*) FROM peers),
    'own', (SELECT jsonb_build_object('handled', handled, 'sales', sales,
              'conversion', CASE WHEN handled > 0 THEN sales::numeric / handled END,
              'ahtSeconds', CASE WHEN handled > 0 THEN talk_seconds / handled END) FROM mine),
    'range', CASE WHEN (SELECT count(*) FROM peers) < 3 THEN NULL ELSE (SELECT jsonb_build_object(
      'handled', jsonb_build_array(min(handled), percentile_cont(0.5) WITHIN GROUP (ORDER BY handled), max(handled)),
      'sales', jsonb_build_array(min(sales), percentile_cont(0.5) WITHIN GROUP (ORDER BY sales), max(sales)),
      'conversion', jsonb_build_array(min(conversion), percentile_cont(0.5) WITHIN GROUP (ORDER BY conversion), max(conversion)),
      'ahtSeconds', jsonb_build_array(min(aht), percentile_cont(0.5) WITHIN GROUP (ORDER BY aht), max(aht)))
      FROM peers) END) INTO answer;
  RETURN answer;
END $$;

-- Outbound leads handed out by the server: each to one operator at a time, for lead_hold; those
-- due first. A lead due later (tried again after a delay) waits; a lapsed hold (an operator gone,
-- a callback overdue past its grace) is open to anyone.
DROP FUNCTION IF EXISTS pult.take_leads(uuid, integer);
CREATE OR REPLACE FUNCTION pult.take_leads(p_campaign uuid, p_count integer)
RETURNS TABLE (uid uuid, client uuid, e164 text, reserved_until timestamptz, attempts integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE v_team text := team_of_session();
BEGIN
  RETURN QUERY
  WITH picked AS (
    SELECT l.uid FROM leads l
    WHERE l.campaign = p_campaign AND l.team = v_team AND l.state <> 'done'
      AND (l.state = 'due' OR l.reserved_until < now())
      AND (l.due_at IS NULL OR l.due_at <= now())
    ORDER BY l.due_at NULLS FIRST, l.uid LIMIT least(greatest(p_count, 0), 100)
    FOR UPDATE SKIP LOCKED)
  UPDATE leads l SET state = 'reserved', reserved_by = session_user,
    reserved_until = now() + (SELECT lead_hold FROM settings)
  FROM picked WHERE l.uid = picked.uid
  RETURNING l.uid, l.client, l.e164, l.reserved_until, l.attempts;
END $$;

-- What became of a lead at the desk that holds it: 'done' (with its result), 'later' (back in
-- the pool, due at p_again_at), 'callback' (kept for its operator until the promised time and a
-- grace after it) or 'dialling' (the hold grows). Answers until when the lead is held, if it is.
CREATE OR REPLACE FUNCTION pult.report_lead(p_lead uuid, p_state text, p_result text,
  p_again_at timestamptz, p_attempts integer)
RETURNS timestamptz LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
DECLARE
  l leads%ROWTYPE;
  s settings%ROWTYPE;
  v_until timestamptz;
BEGIN
  SELECT * INTO l FROM leads WHERE uid = p_lead AND team = team_of_session() FOR UPDATE;
  IF NOT FOUND OR l.state <> 'reserved' OR l.reserved_by <> session_user THEN
    RAISE EXCEPTION 'lead % is not reserved for %', p_lead, session_user USING ERRCODE = '55000';
  END IF;
  IF p_state IN ('later', 'callback') AND p_again_at IS NULL THEN
    RAISE EXCEPTION 'a lead due again needs the time it is due' USING ERRCODE = '22023';
  END IF;
  SELECT * INTO s FROM settings;
  IF p_state = 'done' THEN
    UPDATE leads SET state = 'done', done_by = session_user, result = left(p_result, 40),
      done_at = now(), reserved_by = NULL, reserved_until = NULL,
      attempts = greatest(attempts, p_attempts)
      WHERE uid = p_lead;
  ELSIF p_state = 'later' THEN
    UPDATE leads SET state = 'due', due_at = p_again_at, reserved_by = NULL, reserved_until = NULL,
      result = left(p_result, 40), attempts = greatest(attempts, p_attempts) WHERE uid = p_lead;
  ELSIF p_state = 'callback' THEN
    UPDATE leads SET due_at = p_again_at, reserved_until = p_again_at + s.callback_grace,
      result = 'callback', attempts = greatest(attempts, p_attempts)
      WHERE uid = p_lead RETURNING reserved_until INTO v_until;
  ELSIF p_state = 'dialling' THEN
    UPDATE leads SET reserved_until = greatest(reserved_until, now() + s.lead_hold),
      attempts = greatest(attempts, p_attempts) WHERE uid = p_lead RETURNING reserved_until INTO v_until;
  ELSE
    RAISE EXCEPTION 'unknown lead state %', left(p_state, 40) USING ERRCODE = '22023';
  END IF;
  RETURN v_until;
END $$;

CREATE OR REPLACE FUNCTION pult.finish_lead(p_lead uuid, p_result text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
BEGIN
  UPDATE leads SET state = 'done', done_by = session_user, result = left(p_result, 40), done_at = now()
    WHERE uid = p_lead AND state = 'reserved' AND reserved_by = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'lead % is not reserved for %', p_lead, session_user USING ERRCODE = '55000';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION pult.return_leads(p_leads uuid[]) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pult, pg_temp AS $$
  WITH back AS (
    UPDATE leads SET state = 'due', reserved_by = NULL, reserved_until = NULL
    WHERE uid = ANY (p_leads) AND state = 'reserved' AND reserved_by = session_user RETURNING 1)
  SELECT count(*)::integer FROM back
$$;
REVOKE ALL ON FUNCTION pult.take_leads(uuid, integer), pult.finish_lead(uuid, text),
  pult.return_leads(uuid[]), pult.publish_campaign(uuid, jsonb, jsonb),
  pult.report_lead(uuid, text, text, timestamptz, integer), pult.publish_script(uuid, jsonb),
  pult.publish_targets(jsonb), pult.team_figures(timestamptz, timestamptz),
  pult.peer_range(timestamptz, timestamptz), pult.ask_help(uuid, jsonb),
  pult.answer_help(uuid, text), pult.open_callbacks(), pult.take_callback(uuid),
  pult.publish_catalogue(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pult.take_leads(uuid, integer), pult.finish_lead(uuid, text),
  pult.return_leads(uuid[]), pult.publish_campaign(uuid, jsonb, jsonb),
  pult.report_lead(uuid, text, text, timestamptz, integer), pult.publish_script(uuid, jsonb),
  pult.publish_targets(jsonb), pult.team_figures(timestamptz, timestamptz),
  pult.peer_range(timestamptz, timestamptz), pult.ask_help(uuid, jsonb),
  pult.answer_help(uuid, text), pult.open_callbacks(), pult.take_callback(uuid),
  pult.publish_catalogue(text, jsonb) TO pult_operator;
GRANT EXECUTE ON FUNCTION pult.client_state(pult.clients), pult.day_off_state(pult.day_offs)
  TO pult_operator;
REVOKE ALL ON FUNCTION pult.decide_day_off(uuid, boolean, text), pult.resolve_clash(bigint, text)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pult.decide_day_off(uuid, boolean, text), pult.resolve_clash(bigint, text)
  TO pult_operator;
REVOKE ALL ON FUNCTION pult.team_of_session(), pult.next_feed(text),
  pult.apply_client(uuid, bigint, text, jsonb, text), pult.apply_call(uuid, jsonb, text),
  pult.apply_script_run(uuid, jsonb, text), pult.feed_day_off(pult.day_offs),
  pult.apply_day_off(uuid, jsonb, text, name),
  pult.operator_figures(text, timestamptz, timestamptz), pult.feed_help(pult.help_requests),
  pult.feed_callback(pult.callbacks, name), pult.apply_callback(jsonb, text) FROM PUBLIC;

-- Day-off requests a center stored before its server knew them (an upgrade in place) reach the
-- supervisors now, once.
DO $backfill$
DECLARE ch record;
BEGIN
  FOR ch IN SELECT c.workstation, c.payload, c.operator, m.team FROM pult.changes c
            JOIN pult.members m ON m.role = c.operator
            WHERE c.entity = 'dayOffRequest' AND c.op = 'insert'
              AND NOT EXISTS (SELECT 1 FROM pult.day_offs d WHERE d.uid::text = c.payload->>'uid')
            ORDER BY c.id LOOP
    BEGIN
      PERFORM pult.apply_day_off(ch.workstation, ch.payload, ch.team, ch.operator);
    EXCEPTION WHEN SQLSTATE '22023' THEN NULL;
    END;
  END LOOP;
END $backfill$;
`;
