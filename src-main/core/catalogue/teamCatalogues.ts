import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { catalogueSchema } from '../../../src-shared/orders/catalogue';
import { applyCatalogue } from './catalogueLoader';

/** A catalogue edition as the team's feed carries it (pult.publish_catalogue). */
const feedCatalogueSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  catalogue: catalogueSchema,
  publishedBy: z.string().min(1).max(200),
});

export type TeamCatalogueLanded =
  { kind: 'stored' } | { kind: 'known' } | { kind: 'invalid'; problem: string };

/** The catalogue in force at this desk, as a supervisor publishes it for the team. */
export interface CatalogueEdition {
  sha256: string;
  version: string;
  body: unknown;
}

/**
 * Catalogue editions a supervisor published for the team, kept as the feed
 * lands them (in the cursor's transaction) until a worker takes the newest
 * into the catalogue (takeTeamCatalogue). Checked here with the same schema
 * as a catalogue file: a newer Pult's edition this one cannot read is
 * skipped, and the catalogue in use stays.
 */
export class TeamCatalogues {
  private readonly store: BetterSqlite3.Statement;
  private readonly pending: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.store = sqlite.prepare(
      `INSERT OR IGNORE INTO team_catalogues (sha256, version, body, published_by, received_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.pending = sqlite.prepare('SELECT 1 FROM team_catalogues WHERE taken_at IS NULL LIMIT 1');
  }

  land(data: unknown, at: string): TeamCatalogueLanded {
    const parsed = feedCatalogueSchema.safeParse(data);
    if (!parsed.success) return { kind: 'invalid', problem: z.prettifyError(parsed.error) };
    const { sha256, catalogue, publishedBy } = parsed.data;
    const stored = this.store.run(
      sha256,
      catalogue.version,
      JSON.stringify(catalogue),
      publishedBy,
      at,
    );
    return stored.changes === 0 ? { kind: 'known' } : { kind: 'stored' };
  }

  /** An edition from the team waits to be taken (a crash or a quit came between). */
  waiting(): boolean {
    return this.pending.get() !== undefined;
  }

  /** The edition in force at this desk, to publish; none before a catalogue was ever loaded. */
  inForce(): CatalogueEdition | undefined {
    const row = this.sqlite
      .prepare('SELECT sha256, version, body FROM catalogues ORDER BY id DESC LIMIT 1')
      .get() as { sha256: string; version: string; body: string } | undefined;
    if (row === undefined) return undefined;
    // Known by its file's hash where it came from a file, so the desk that loaded it takes it
    // as the same edition; otherwise by the hash of what is sent.
    const sha256 = /^[0-9a-f]{64}$/.test(row.sha256)
      ? row.sha256
      : createHash('sha256').update(row.body).digest('hex');
    return { sha256, version: row.version, body: JSON.parse(row.body) as unknown };
  }
}

/**
 * The newest edition from the team taken into the catalogue, on a file-job
 * worker's connection (it re-indexes the knowledge base); older ones still
 * waiting are passed over. One transaction: an edition landing meanwhile
 * waits for the next time. Undefined when none waited.
 */
export function takeTeamCatalogue(
  sqlite: BetterSqlite3.Database,
  at: string,
): { version: string; applied: boolean } | undefined {
  return sqlite.transaction(() => {
    const newest = sqlite
      .prepare(
        `SELECT sha256, body, published_by AS publishedBy FROM team_catalogues
         WHERE taken_at IS NULL ORDER BY received_at DESC, rowid DESC LIMIT 1`,
      )
      .get() as { sha256: string; body: string; publishedBy: string } | undefined;
    if (newest === undefined) return undefined;
    sqlite.prepare('UPDATE team_catalogues SET taken_at = ? WHERE taken_at IS NULL').run(at);
    const catalogue = catalogueSchema.parse(JSON.parse(newest.body));
    const { applied } = applyCatalogue(sqlite, catalogue, {
      sha256: newest.sha256,
      source: `team:${newest.publishedBy}`,
      at,
      actor: newest.publishedBy,
    });
    return { version: catalogue.version, applied };
  })();
}
