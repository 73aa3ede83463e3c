/**
 * Starts one dial of a lead in its own process and dies (SIGKILL) the moment
 * the attempt is written, before the INVITE could leave: the crash between
 * the two.
 *   node --import tsx tests/support/dialChild.ts <database> <lead id> <now>
 */
import { DialAttempts } from '../../src-main/core/campaigns/dialAttempts';
import { openDatabase } from '../../src-main/core/db/database';
import { silentLogger } from '../../src-main/core/platform/ports';

const [databaseFile, leadId, now] = process.argv.slice(2) as [string, string, string];
const db = await openDatabase(databaseFile, { logger: silentLogger });
const started = new DialAttempts(db.sqlite, 'op1').start(Number(leadId), new Date(now));
if (started.ok) process.kill(process.pid, 'SIGKILL');
process.stdout.write(`not started: ${JSON.stringify(started)}\n`);
process.exit(1);
