// A workstation pushing its outbox, in a process of its own so a test can kill it (SIGKILL)
// in the middle: argv = database file, then the server's login as JSON. Says "pushing" when it
// starts; each change then goes as the app sends it.
import { openDatabase } from '../../src-main/core/db/database';
import { silentLogger } from '../../src-main/core/platform/ports';
import { OutboxPush } from '../../src-main/core/sync/outboxPush';
import { connectSyncServer, type SyncServer } from '../../src-main/core/sync/pgConnection';

const [file, login] = process.argv.slice(2);
if (file === undefined || login === undefined) throw new Error('usage: pushChild <db> <login>');
const db = await openDatabase(file, { logger: silentLogger });
const push = new OutboxPush({
  sqlite: db.sqlite,
  connect: () => connectSyncServer(JSON.parse(login) as SyncServer),
  clock: { now: () => new Date() },
  logger: silentLogger,
  batch: 10,
});
process.stdout.write('pushing\n');
await push.pushNow();
process.stdout.write(`finished ${JSON.stringify(push.state())}\n`);
await db.close();
