import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientSearch } from '../../../src-main/core/clients/clientSearch';
import { SearchBacklog } from '../../../src-main/core/clients/searchBacklog';
import { newDatabaseKey } from '../../../src-main/core/db/encryption';
import type { Logger } from '../../../src-main/core/platform/ports';
import { threadLanding } from '../../../src-main/core/sync/threadLanding';
import { clientQuerySchema } from '../../../src-shared/clients/clientSchemas';
import { openTempDatabase, tempDatabaseFile } from '../../support/tempDatabase';
import {
  runTeamSync,
  startTeamServer,
  teamWorkstation,
  type TeamServer,
} from '../../support/teamServer';

// A new desk joins a team: the team's clients come by COPY and land on a thread of their own
// (the app's way), with their own connection to the encrypted base, while main answers calls.
const landingThread = new URL('../../support/clientLandingThread.mjs', import.meta.url);
const teamSize = 3_000;
let server: TeamServer;
const closing: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startTeamServer([{ role: 'op1', team: 'north' }]);
}, 60_000);
afterAll(() => server.stop());
beforeEach(() => {
  server.reset();
  server.rows(`INSERT INTO pult.clients (uid, team, fields, phones, tags)
    SELECT gen_random_uuid(), 'north',
      jsonb_build_object('fullName', 'Клієнт ' || i, 'city', 'Київ', 'doNotCall', i % 97 = 0),
      jsonb_build_object('+380' || (670000000 + i), jsonb_build_object('raw', '0' || (670000000 + i), 'label', '', 'feed', 0)),
      CASE WHEN i % 10 = 0 THEN '{"VIP": {"feed": 0}}'::jsonb ELSE '{}'::jsonb END
    FROM generate_series(1, ${teamSize}) i`);
});
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

async function encryptedBase() {
  const file = tempDatabaseFile();
  const key = newDatabaseKey();
  const db = await openTempDatabase(file, { key });
  closing.push(() => db.close());
  return { db, location: { file, key } };
}

function recordingLogger() {
  const warnings: { message: string; details?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (message, details) => warnings.push({ message, ...(details ? { details } : {}) }),
    error: () => undefined,
  };
  return { logger, warnings };
}

describe("a new desk's snapshot, landed on a thread", () => {
  it('brings every client of the team, searchable by phone, the open base seeing them at once; a client the base cannot take is skipped and logged', async () => {
    // One client the center holds that this version cannot take (a name past the card's limit).
    const bad = server.rows(`INSERT INTO pult.clients (uid, team, fields)
      VALUES (gen_random_uuid(), 'north', jsonb_build_object('fullName', repeat('Я', 300)))
      RETURNING uid`)[0];
    const { db, location } = await encryptedBase();
    const { logger, warnings } = recordingLogger();
    let indexLater = false;
    const changed: number[] = [];
    // Team sync as the workstation runs it: the base's location and the bundled thread given.
    const sync = runTeamSync(server, db, 'op1', {
      database: () => Promise.resolve({ db, location }),
      landingThread,
      logger,
      onSearchBacklog: () => {
        indexLater = true;
      },
      onClients: (ids) => changed.push(...ids),
    });
    closing.unshift(() => sync.stop());
    const mainWrites = () =>
      db.sqlite.prepare('SELECT total_changes() AS n').pluck().get() as number;
    const before = mainWrites();
    const view = await sync.pullNow();
    // Written through the thread's connection: main's own wrote next to nothing.
    expect(mainWrites() - before).toBeLessThan(50);
    expect(view.lastError).toBeNull();
    expect(view.pulled).toBe(teamSize + 1);

    // Main's own connection reads what the thread wrote.
    const count = db.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number };
    expect(count.n).toBe(teamSize);
    expect(changed).toHaveLength(teamSize);
    expect(
      db.sqlite
        .prepare(
          "SELECT count(*) AS n FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'VIP'",
        )
        .get(),
    ).toEqual({ n: teamSize / 10 });
    expect(warnings).toEqual([
      {
        message: 'sync: a client from the team could not be taken; skipped',
        details: { uid: bad, problem: expect.stringMatching(/200/) as unknown },
      },
    ]);

    // Searchable once the import worker's indexer has the backlog.
    expect(indexLater).toBe(true);
    const backlog = new SearchBacklog(db.sqlite);
    while (backlog.indexNext() > 0);
    const found = new ClientSearch(db.sqlite).find(clientQuerySchema.parse({ text: '0670002345' }));
    expect(found.items.map((c) => c.fullName)).toEqual(['Клієнт 2345']);
    // The snapshot stands where the feed stood: nothing read twice.
    expect((await sync.pullNow()).pulled).toBe(teamSize + 1);
  });

  it('a thread that cannot open the base fails the snapshot with its reason; nothing is marked taken and the next pull lands everything', async () => {
    const { db, location } = await encryptedBase();
    const wrong = await teamWorkstation(server, 'op1', {
      db,
      clientLanding: () => threadLanding(landingThread, { ...location, key: newDatabaseKey() }),
    });
    await expect(wrong.pull()).rejects.toThrow(/key|not a database|encrypt/i);
    const state = db.sqlite.prepare('SELECT cursor, snapshot_at AS at FROM sync_state').get();
    expect(state).toEqual({ cursor: 0, at: null });

    const right = await teamWorkstation(server, 'op1', {
      db,
      clientLanding: () => threadLanding(landingThread, location),
    });
    expect((await right.pull()).read).toBe(teamSize);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: teamSize });
  });
});
