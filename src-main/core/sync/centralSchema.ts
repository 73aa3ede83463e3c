/**
 * What IT runs once on the center's PostgreSQL (`npm run sync:schema` prints
 * it): the change feed every workstation pushes to, and the one function
 * through which an operator's role may write it. Operators log in with their
 * own roles, members of `pult_operator`; they cannot touch the tables, only
 * call `pult.push`, which the database checks and applies.
 *
 * A change is stored once per (workstation, sequence): a retry after a cut
 * connection or a crash stores nothing twice. The server's own order (`id`)
 * is the order of the feed, never a workstation's clock (`made_at` is kept
 * for people to read). A workstation belongs to the role that first pushed
 * from it; another operator's role cannot push in its name.
 */
export const centralSchemaSql = String.raw`
DO $roles$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pult_operator') THEN
    CREATE ROLE pult_operator NOLOGIN;
  END IF;
END $roles$;

CREATE SCHEMA IF NOT EXISTS pult;
REVOKE ALL ON SCHEMA pult FROM PUBLIC;
GRANT USAGE ON SCHEMA pult TO pult_operator;

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
REVOKE ALL ON pult.workstations, pult.changes FROM PUBLIC;
ALTER TABLE pult.changes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS changes_read ON pult.changes;
CREATE POLICY changes_read ON pult.changes FOR SELECT TO pult_operator USING (true);
GRANT SELECT ON pult.changes TO pult_operator;

CREATE OR REPLACE FUNCTION pult.push(
  p_workstation uuid,
  p_seq bigint,
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
BEGIN
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
  INSERT INTO changes (workstation, seq, operator, entity, entity_id, op, payload, made_at)
    VALUES (p_workstation, p_seq, session_user, p_entity, p_entity_id, p_op, p_payload, p_made_at)
    ON CONFLICT (workstation, seq) DO NOTHING
    RETURNING id INTO stored;
  IF stored IS NOT NULL THEN
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
REVOKE ALL ON FUNCTION pult.push(uuid, bigint, text, bigint, text, jsonb, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pult.push(uuid, bigint, text, bigint, text, jsonb, timestamptz) TO pult_operator;
`;
