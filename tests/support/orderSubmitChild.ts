/**
 * Submits one order draft in its own process and dies (SIGKILL) the moment
 * the submit has committed, before anything could answer the window: the
 * crash between the write and its acknowledgement.
 *   node --import tsx tests/support/orderSubmitChild.ts <database> <draft uid>
 */
import { openDatabase } from '../../src-main/core/db/database';
import { silentLogger, systemClock } from '../../src-main/core/platform/ports';
import { ordersOf } from '../../src-main/core/workstation/workstationOrders';

const [databaseFile, uid] = process.argv.slice(2) as [string, string];
const db = await openDatabase(databaseFile, { logger: silentLogger });
const orders = ordersOf({ db }, { clock: systemClock, language: () => 'uk' });
const result = orders.book.submit(uid, 'op1');
if (result.kind === 'submitted') process.kill(process.pid, 'SIGKILL');
process.stdout.write(`not submitted: ${JSON.stringify(result)}\n`);
process.exit(1);
