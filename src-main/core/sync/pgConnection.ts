import type { OutboxChange, PushConnection } from './outboxPush';

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

/**
 * A connection to the center's server over TLS (the certificate verified,
 * never skipped) with the operator's SCRAM login. Changes go through
 * `pult.push`, the only write the database lets an operator's role make.
 */
export async function connectSyncServer(server: SyncServer): Promise<PushConnection> {
  // Loaded on the first push: a workstation without team sync never loads it, and none at start.
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
  // A connection lost between queries errors here; the next query fails and the round retries.
  client.on('error', () => undefined);
  await client.connect();
  return {
    async push(workstation: string, change: OutboxChange) {
      const result = await client.query<{ result: 'stored' | 'already' }>(
        'SELECT pult.push($1, $2, $3, $4, $5, $6::jsonb, $7) AS result',
        [
          workstation,
          change.seq,
          change.entity,
          change.entityId,
          change.op,
          change.payload,
          change.at,
        ],
      );
      const answer = result.rows[0]?.result;
      if (answer !== 'stored' && answer !== 'already')
        throw new Error(`the server answered the push with ${String(answer)}`);
      return answer;
    },
    close: () => client.end(),
  };
}
