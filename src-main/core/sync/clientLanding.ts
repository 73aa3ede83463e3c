import type BetterSqlite3 from 'better-sqlite3';
import { decodeCopyText } from './copyText';
import { TeamClients } from './teamClients';

/** What a batch of a snapshot's clients made in this base. */
export interface LandedClients {
  /** Lines read, each one client. */
  read: number;
  /** Local ids of the clients made or changed. */
  clients: number[];
  /** Clients the base could not take (malformed): skipped, for main's log. */
  skipped: { uid: string; problem: string }[];
}

/**
 * Where a snapshot's clients land: on main in short transactions with the
 * phone line running between them, or on a thread of their own (the app's
 * way: clientLandingThread) in long ones.
 */
export interface ClientLanding {
  /** Lines of the snapshot's COPY, one client each (`{"uid", "state"}` in COPY's text format). */
  land(lines: string[], at: string): Promise<LandedClients>;
  close(): Promise<void>;
}

/** One client per line; a line that is not JSON is skipped like a client the base cannot take. */
function parseLines(lines: string[], landed: LandedClients): { uid: unknown; state: unknown }[] {
  const rows: { uid: unknown; state: unknown }[] = [];
  for (const line of lines) {
    landed.read += 1;
    try {
      const row = JSON.parse(decodeCopyText(line)) as { uid?: unknown; state?: unknown } | null;
      rows.push({ uid: row?.uid, state: row?.state });
    } catch (error) {
      landed.skipped.push({
        uid: line.slice(0, 40),
        problem: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return rows;
}

/** Lands a batch of lines in transactions of `rowsPerTransaction`, awaiting `between` after each. */
export async function landClientLines(
  sqlite: BetterSqlite3.Database,
  clients: TeamClients,
  lines: string[],
  at: string,
  rowsPerTransaction: number,
  between?: () => Promise<void>,
): Promise<LandedClients> {
  const landed: LandedClients = { read: 0, clients: [], skipped: [] };
  const rows = parseLines(lines, landed);
  for (let start = 0; start < rows.length; start += rowsPerTransaction) {
    const chunk = rows.slice(start, start + rowsPerTransaction);
    sqlite.transaction(() => {
      clients.applyMany(chunk, at).forEach((applied, index) => {
        if (applied.kind === 'invalid')
          landed.skipped.push({
            uid: String(chunk[index]?.uid).slice(0, 40),
            problem: applied.problem,
          });
        else if (applied.kind === 'created' || applied.kind === 'updated')
          landed.clients.push(applied.clientId);
      });
    })();
    await between?.();
  }
  return landed;
}

/**
 * Main's own landing, for a base without a thread (tests, tools): transactions
 * small enough that each holds the phone line for well under 50 ms.
 */
export function landingOnMain(
  sqlite: BetterSqlite3.Database,
  between?: () => Promise<void>,
): ClientLanding {
  const clients = new TeamClients(sqlite);
  return {
    land: (lines, at) => landClientLines(sqlite, clients, lines, at, 200, between),
    close: () => Promise.resolve(),
  };
}
