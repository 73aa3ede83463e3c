import type { ClientState } from '../db/clientChanges';
import type { OutboxChange, PushAnswer, PushConnection } from './outboxPush';
import type {
  HelpRequest,
  OperatorFigures,
  PeerRangeView,
} from '../../../src-shared/sync/supervisorView';
import { decodeCopyText } from './copyText';

/** Where the center's PostgreSQL is and who logs in: each operator with their own role. */
export interface SyncServer {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** The CA that signed the server's certificate (PEM); the system's CAs when absent. */
  ca?: string | undefined;
}

/** One entry of the team's feed: what a change made of a client or a call, as the server has it. */
export interface FeedEntry {
  id: number;
  entity: string;
  uid: string;
  data: unknown;
}

export interface TeamClientRow {
  uid: string;
  state: ClientState;
}

/** A field two operators wrote without seeing each other's write, for a supervisor to settle. */
export interface TeamClash {
  id: number;
  clientUid: string;
  field: string;
  /** The value that won (the later received), the one it overwrote, and the field as it is now. */
  kept: unknown;
  lost: unknown;
  current: unknown;
  keptBy: string;
  lostBy: string;
  at: Date;
}

export interface TakenLead {
  uid: string;
  client: string;
  e164: string;
  reservedUntil: Date;
  /** Dials the team made of it so far. */
  attempts: number;
}

/** What became of a held lead at the desk (pult.report_lead). */
export type LeadReport =
  | { state: 'done'; result: string; attempts: number }
  | { state: 'later'; result: string; againAt: Date; attempts: number }
  | { state: 'callback'; againAt: Date; attempts: number }
  | { state: 'dialling'; attempts: number };

/** One edition of a target, as each desk keeps them (targets table). */
export interface TargetEdition {
  metric: string;
  period: string;
  value: number;
  version: string;
  effectiveFrom: string;
}

/** A call list as a supervisor gives it to the team. */
export interface SharedCampaign {
  uid: string;
  definition: Record<string, unknown>;
  leads: { uid: string; client: string; e164: string }[];
}

/** Everything a workstation asks of the center's server, on one connection. */
export interface TeamConnection extends PushConnection {
  /** Clients made before team mode or by an import, with their ids; how many the server did not have. */
  uploadClients(workstation: string, clients: TeamClientRow[]): Promise<number>;
  /** The team's feed after `after`, oldest first (the database shows a role its own team's only). */
  feed(after: number, limit: number): Promise<FeedEntry[]>;
  /**
   * Every client of the team, streamed by COPY in one consistent snapshot, and
   * the feed position it stands at; `onRows` is awaited before more is read.
   */
  snapshot(
    /** The clients, a line each (`{"uid", "state"}` as JSON in COPY's text format), parsed where they land. */
    onClientLines: (lines: string[]) => Promise<void>,
    /**
     * The team's recent script runs and calls, and the day-off requests the role may read, as
     * feed entries, after the clients they are about.
     */
    onEntries: (entries: FeedEntry[]) => Promise<void>,
  ): Promise<{ cursor: number }>;
  serverTime(): Promise<Date>;
  takeLeads(campaign: string, count: number): Promise<TakenLead[]>;
  finishLead(lead: string, result: string): Promise<void>;
  returnLeads(leads: string[]): Promise<number>;
  /** Until when the lead is still held for this operator (null: no longer). */
  reportLead(lead: string, report: LeadReport): Promise<Date | null>;
  /** A supervisor gives a call list (a batch of its leads) to the team; how many leads were new. */
  publishCampaign(campaign: SharedCampaign): Promise<number>;
  /** A supervisor publishes a script for the team; the version the team has now. */
  publishScript(uid: string, graph: unknown): Promise<number>;
  /** A supervisor publishes target editions for the team; how many were new to it. */
  publishTargets(editions: TargetEdition[]): Promise<number>;
  /** The catalogue for the team (a supervisor's role only): whether the team did not have it. */
  publishCatalogue(sha256: string, body: unknown): Promise<boolean>;
  /** Each operator's figures between two times (supervisors only). */
  teamFigures(from: Date, to: Date): Promise<OperatorFigures[]>;
  /** The operator's own figures beside the colleagues' range. */
  peerRange(from: Date, to: Date): Promise<Omit<PeerRangeView, 'from'>>;
  /** Colleagues' callbacks overdue past their grace, open to this operator. */
  openCallbacks(): Promise<
    { uid: string; client: string; owner: string; dueAt: Date; note: string }[]
  >;
  takeCallback(uid: string): Promise<void>;
  /** An operator's call for help, to the team's supervisors. */
  askHelp(uid: string, request: HelpRequest): Promise<void>;
  /** A supervisor answers a call for help with their line. */
  answerHelp(uid: string, extension: string): Promise<void>;
  /** Who the server says the operator is: their team and whether they supervise it. */
  whoAmI(): Promise<{ team: string | null; supervisor: boolean }>;
  /** A supervisor's decision on a colleague's day-off request; the status it now has. */
  decideDayOff(uid: string, approve: boolean, note: string): Promise<string>;
  /** The team's unsettled clashes (the database shows them to supervisors only). */
  clashes(): Promise<TeamClash[]>;
  resolveClash(id: number, keep: 'kept' | 'lost'): Promise<void>;
}

/** A joining workstation receives the team's script runs and calls of this many days. */
const sharedHistoryDays = 183;
/** …and the day-off requests it may see that wait for a decision or are for days this recent. */
const sharedDayOffDays = 62;

/** How long a snapshot may take at most (a million clients take about a minute). */
const snapshotTimeoutMs = 30 * 60_000;

async function open(server: SyncServer) {
  // Loaded on the first use: a workstation without team sync never loads it, and none at start.
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    database: server.database,
    user: server.user,
    password: server.password,
    ssl: { rejectUnauthorized: true, ...(server.ca === undefined ? {} : { ca: server.ca }) },
    connectionTimeoutMillis: 10_000,
    query_timeout: 30_000,
    application_name: 'Pult',
  });
  await client.connect();
  return client;
}

/**
 * A connection to the center's server over TLS (the certificate verified,
 * never skipped) with the operator's SCRAM login. Every write goes through
 * the `pult.*` functions, the only writes the database lets an operator's
 * role make; every read is filtered by the database's row-level security.
 */
export async function connectSyncServer(server: SyncServer): Promise<TeamConnection> {
  const client = await open(server);
  // A connection lost between queries errors here; the next query fails and the round retries.
  client.on('error', () => undefined);
  return {
    async pushMany(workstation: string, changes: OutboxChange[]) {
      const batch = changes.map((change) => ({
        seq: change.seq,
        seen: change.seen,
        entity: change.entity,
        entityId: change.entityId,
        op: change.op,
        payload: JSON.parse(change.payload) as unknown,
        at: change.at,
      }));
      const result = await client.query<{ answers: PushAnswer[] }>(
        'SELECT pult.push_many($1, $2::jsonb) AS answers',
        [workstation, JSON.stringify(batch)],
      );
      const answers = result.rows[0]?.answers;
      if (!Array.isArray(answers)) throw new Error('the server did not answer the push');
      return answers;
    },
    async uploadClients(workstation, clients) {
      const result = await client.query<{ added: number }>(
        'SELECT pult.upload_clients($1, $2::jsonb) AS added',
        [workstation, JSON.stringify(clients.map((c) => ({ uid: c.uid, ...c.state })))],
      );
      return result.rows[0]?.added ?? 0;
    },
    async feed(after, limit) {
      const result = await client.query<{ id: string; entity: string; uid: string; data: unknown }>(
        'SELECT id, entity, uid, data FROM pult.feed WHERE id > $1 ORDER BY id LIMIT $2',
        [after, limit],
      );
      return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
    },
    async snapshot(onClientLines, onEntries) {
      const { to } = await import('pg-copy-streams');
      /** One COPY's lines, handed on in batches (each awaited before more is read). */
      const copyLines = async (sql: string, take: (lines: string[]) => Promise<void>) => {
        // A million clients take longer than a query may (30 s): the COPY has its own limit.
        const copy = Object.assign(to(sql), { query_timeout: snapshotTimeoutMs });
        const stream = client.query(copy);
        // Errors reach the loop below; this keeps one arriving between reads from going uncaught.
        stream.on('error', () => undefined);
        let rest = '';
        let batch: string[] = [];
        const decoder = new TextDecoder();
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) if (line !== '') batch.push(line);
          if (batch.length >= 5_000) {
            await take(batch);
            batch = [];
          }
        }
        if (rest !== '') batch.push(rest);
        if (batch.length > 0) await take(batch);
      };
      /** One COPY's rows, JSON a line. */
      const copyRows = (sql: string, take: (rows: unknown[]) => Promise<void>) =>
        copyLines(sql, (lines) =>
          take(lines.map((line): unknown => JSON.parse(decodeCopyText(line)))),
        );
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        // Within this snapshot no team entry above the cursor is visible: the feed is
        // written under the team's lock, so the clients below are exactly the state at it.
        const at = await client.query<{ cursor: string }>(
          'SELECT coalesce(max(id), 0) AS cursor FROM pult.feed',
        );
        await copyLines(
          "COPY (SELECT jsonb_build_object('uid', c.uid, 'state', pult.client_state(c)) FROM pult.clients c) TO STDOUT",
          onClientLines,
        );
        // The team's script runs of the last half year, as the feed carries them: the cards'
        // history of what colleagues asked and were answered.
        await copyRows(
          `COPY (SELECT jsonb_build_object('id', 0, 'entity', 'scriptRun', 'uid', r.uid, 'data',
             jsonb_build_object('client', r.client, 'operator', r.operator, 'summary', r.summary))
           FROM pult.script_runs r WHERE r.received_at > now() - interval '${sharedHistoryDays} days'
           ORDER BY r.received_at) TO STDOUT`,
          (rows) => onEntries(rows as FeedEntry[]),
        );
        // Colleagues' calls for the cards' history, as the feed carries them.
        await copyRows(
          `COPY (SELECT jsonb_build_object('id', 0, 'entity', 'call', 'uid', c.uid, 'data',
             to_jsonb(c) - 'team' - 'workstation')
           FROM pult.calls c WHERE c.wrapped_at > now() - interval '${sharedHistoryDays} days'
           ORDER BY c.wrapped_at) TO STDOUT`,
          (rows) => onEntries(rows as FeedEntry[]),
        );
        // The scripts, targets and catalogue the team's supervisors published.
        await copyRows(
          `COPY (SELECT jsonb_build_object('id', 0, 'entity', 'script', 'uid', s.uid, 'data',
             jsonb_build_object('version', s.version, 'graph', s.graph, 'publishedBy', s.published_by))
           FROM pult.scripts s ORDER BY s.published_at) TO STDOUT`,
          (rows) => onEntries(rows as FeedEntry[]),
        );
        await copyRows(
          `COPY (SELECT jsonb_build_object('id', 0, 'entity', 'targets', 'uid', gen_random_uuid(),
             'data', jsonb_build_object('publishedBy', min(t.published_by), 'editions',
               jsonb_agg(jsonb_build_object('metric', t.metric, 'period', t.period, 'value', t.value,
                 'version', t.version, 'effectiveFrom', t.effective_from))))
           FROM pult.targets t HAVING count(*) > 0) TO STDOUT`,
          (rows) => onEntries(rows as FeedEntry[]),
        );
        // The catalogue in force for the team: its latest edition.
        await copyRows(
          `COPY (SELECT jsonb_build_object('id', 0, 'entity', 'catalogue', 'uid', gen_random_uuid(),
             'data', jsonb_build_object('sha256', c.sha256, 'catalogue', c.body,
               'publishedBy', c.published_by))
           FROM pult.catalogues c ORDER BY c.published_at DESC LIMIT 1) TO STDOUT`,
          (rows) => onEntries(rows as FeedEntry[]),
        );
        // The call lists the team was given.
        await copyRows(
          `COPY (SELECT jsonb_build_object('id', 0, 'entity', 'campaign', 'uid', c.uid, 'data',
             c.definition || jsonb_build_object('publishedBy', c.published_by))
           FROM pult.campaigns c ORDER BY c.published_at) TO STDOUT`,
          (rows) => onEntries(rows as FeedEntry[]),
        );
        // The operator's own pending callbacks (made at another of their desks, or taken).
        await copyRows(
          `COPY (SELECT jsonb_build_object('id', 0, 'entity', 'callback', 'uid', c.uid, 'data',
             jsonb_build_object('owner', c.owner, 'clientUid', c.client, 'dueAt', c.due_at,
               'note', c.note, 'status', c.status, 'takenFrom', c.taken_from))
           FROM pult.callbacks c WHERE c.owner = session_user AND c.status = 'pending'
           ORDER BY c.due_at) TO STDOUT`,
          (rows) => onEntries(rows as FeedEntry[]),
        );
        // The day-off requests this role may read (its own; a supervisor's, the team's).
        await copyRows(
          `COPY (SELECT jsonb_build_object('id', 0, 'entity', 'dayOff', 'uid', d.uid, 'data',
             pult.day_off_state(d))
           FROM pult.day_offs d
           WHERE d.status = 'submitted' OR d.day > current_date - ${sharedDayOffDays}
           ORDER BY d.received_at) TO STDOUT`,
          (rows) => onEntries(rows as FeedEntry[]),
        );
        await client.query('COMMIT');
        return { cursor: Number(at.rows[0]?.cursor ?? 0) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async serverTime() {
      const result = await client.query<{ now: Date }>('SELECT now() AS now');
      return result.rows[0]?.now ?? new Date(Number.NaN);
    },
    async takeLeads(campaign, count) {
      const result = await client.query<{
        uid: string;
        client: string;
        e164: string;
        reserved_until: Date;
        attempts: number;
      }>('SELECT * FROM pult.take_leads($1, $2)', [campaign, count]);
      return result.rows.map((row) => ({
        uid: row.uid,
        client: row.client,
        e164: row.e164,
        reservedUntil: row.reserved_until,
        attempts: row.attempts,
      }));
    },
    async finishLead(lead, result) {
      await client.query('SELECT pult.finish_lead($1, $2)', [lead, result]);
    },
    async returnLeads(leads) {
      const result = await client.query<{ back: number }>('SELECT pult.return_leads($1) AS back', [
        leads,
      ]);
      return result.rows[0]?.back ?? 0;
    },
    async reportLead(lead, report) {
      const result = await client.query<{ until: Date | null }>(
        'SELECT pult.report_lead($1, $2, $3, $4, $5) AS until',
        [
          lead,
          report.state,
          'result' in report ? report.result : report.state,
          'againAt' in report ? report.againAt : null,
          report.attempts,
        ],
      );
      return result.rows[0]?.until ?? null;
    },
    async publishCampaign(campaign) {
      const result = await client.query<{ added: number }>(
        'SELECT pult.publish_campaign($1, $2::jsonb, $3::jsonb) AS added',
        [campaign.uid, JSON.stringify(campaign.definition), JSON.stringify(campaign.leads)],
      );
      return result.rows[0]?.added ?? 0;
    },
    async publishScript(uid, graph) {
      const result = await client.query<{ version: number }>(
        'SELECT pult.publish_script($1, $2::jsonb) AS version',
        [uid, JSON.stringify(graph)],
      );
      return result.rows[0]?.version ?? 0;
    },
    async publishTargets(editions) {
      const result = await client.query<{ added: number }>(
        'SELECT pult.publish_targets($1::jsonb) AS added',
        [JSON.stringify(editions)],
      );
      return result.rows[0]?.added ?? 0;
    },
    async publishCatalogue(sha256, body) {
      const result = await client.query<{ added: boolean }>(
        'SELECT pult.publish_catalogue($1, $2::jsonb) AS added',
        [sha256, JSON.stringify(body)],
      );
      return result.rows[0]?.added === true;
    },
    async teamFigures(from, to) {
      const result = await client.query<{
        operator: string;
        handled: number;
        sales: number;
        talk_seconds: string;
      }>('SELECT * FROM pult.team_figures($1, $2)', [from, to]);
      return result.rows.map((row) => {
        const talk = Number(row.talk_seconds);
        return {
          operator: row.operator,
          handled: row.handled,
          sales: row.sales,
          conversion: row.handled > 0 ? row.sales / row.handled : null,
          ahtSeconds: row.handled > 0 ? talk / row.handled : null,
        };
      });
    },
    async peerRange(from, to) {
      const result = await client.query<{ range: Omit<PeerRangeView, 'from'> }>(
        'SELECT pult.peer_range($1, $2) AS range',
        [from, to],
      );
      const range = result.rows[0]?.range;
      if (range === undefined) throw new Error('the server did not answer the range');
      return range;
    },
    async openCallbacks() {
      const result = await client.query<{
        uid: string;
        client: string;
        owner: string;
        due_at: Date;
        note: string;
      }>('SELECT * FROM pult.open_callbacks()');
      return result.rows.map((row) => ({
        uid: row.uid,
        client: row.client,
        owner: row.owner,
        dueAt: row.due_at,
        note: row.note,
      }));
    },
    async takeCallback(uid) {
      await client.query('SELECT pult.take_callback($1)', [uid]);
    },
    async askHelp(uid, request) {
      await client.query('SELECT pult.ask_help($1, $2::jsonb)', [uid, JSON.stringify(request)]);
    },
    async answerHelp(uid, extension) {
      await client.query('SELECT pult.answer_help($1, $2)', [uid, extension]);
    },
    async whoAmI() {
      const result = await client.query<{ team: string | null; supervisor: boolean }>(
        'SELECT pult.my_team() AS team, pult.am_supervisor() AS supervisor',
      );
      return result.rows[0] ?? { team: null, supervisor: false };
    },
    async decideDayOff(uid, approve, note) {
      const result = await client.query<{ status: string }>(
        'SELECT pult.decide_day_off($1, $2, $3) AS status',
        [uid, approve, note],
      );
      return result.rows[0]?.status ?? '';
    },
    async clashes() {
      const result = await client.query<{
        id: string;
        client: string;
        field: string;
        kept: unknown;
        lost: unknown;
        current: unknown;
        kept_by: string;
        lost_by: string;
        at: Date;
      }>(
        `SELECT x.id, x.client, x.field, x.kept, x.lost, c.fields -> x.field AS current,
           x.kept_by, x.lost_by, x.at
         FROM pult.clashes x LEFT JOIN pult.clients c ON c.uid = x.client
         WHERE x.resolved_at IS NULL ORDER BY x.id LIMIT 500`,
      );
      return result.rows.map((row) => ({
        id: Number(row.id),
        clientUid: row.client,
        field: row.field,
        kept: row.kept,
        lost: row.lost,
        current: row.current,
        keptBy: row.kept_by,
        lostBy: row.lost_by,
        at: row.at,
      }));
    },
    async resolveClash(id, keep) {
      await client.query('SELECT pult.resolve_clash($1, $2)', [id, keep]);
    },
    close: () => client.end(),
  };
}

/**
 * A connection that waits for the server's word that the team's feed has
 * grown (LISTEN pult_feed), so workstations pull when there is something to
 * pull instead of polling. `onLost` is told when the connection drops.
 */
export async function listenForFeed(
  server: SyncServer,
  onWake: () => void,
  onLost: (error: unknown) => void,
): Promise<{ close(): Promise<void> }> {
  const client = await open(server);
  let closing = false;
  const team = (await client.query<{ team: string | null }>('SELECT pult.my_team() AS team'))
    .rows[0]?.team;
  // Every team's pushes notify the one channel; only this team's feed is worth a pull.
  client.on('notification', (message) => {
    if (message.payload === team) onWake();
  });
  client.on('error', (error) => {
    if (!closing) onLost(error);
  });
  client.on('end', () => {
    if (!closing) onLost(new Error('the server closed the connection'));
  });
  await client.query('LISTEN pult_feed');
  return {
    close: async () => {
      closing = true;
      await client.end().catch(() => undefined);
    },
  };
}
