/** Opens a database as the app does, uses it a little, prints the process RSS in MB. */
import { CallerIdLookup } from '../src-main/core/clients/callerId';
import { clientQuerySchema } from '../src-shared/clients/clientSchemas';
import { ClientSearch } from '../src-main/core/clients/clientSearch';
import { openDatabase } from '../src-main/core/db/database';
import { silentLogger } from '../src-main/core/platform/ports';

// The key comes by the environment, never on a command line others can read.
const key = process.env['PULT_BENCH_DB_KEY'];
const db = await openDatabase(process.argv[2]!, {
  logger: silentLogger,
  ...(key === undefined ? {} : { key }),
});
const search = new ClientSearch(db.sqlite);
const lookup = new CallerIdLookup(db.sqlite);
for (const text of ['Ко', 'Шевченко О', '067 1', 'Київ', 'Ґудзь'])
  search.find(clientQuerySchema.parse({ text }));
search.find(clientQuerySchema.parse({}));
lookup.find('0671234567');
global.gc?.();
console.log((process.memoryUsage().rss / 1e6).toFixed(1));
await db.close();
