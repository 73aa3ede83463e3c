import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CallerIdLookup } from '../src-main/core/clients/callerId';
import { ClientCardReader } from '../src-main/core/clients/clientCard';
import { clientQuerySchema } from '../src-shared/clients/clientSchemas';
import { ClientSearch } from '../src-main/core/clients/clientSearch';
import { SearchBacklog } from '../src-main/core/clients/searchBacklog';
import { importClientsFromCsv } from '../src-main/core/clients/import/clientImport';
import {
  previewImportFile,
  suggestedSettings,
} from '../src-main/core/clients/import/importPreview';
import { openDatabase, type PultDatabase } from '../src-main/core/db/database';
import { newDatabaseKey } from '../src-main/core/db/encryption';
import { cities, makePerson, seededRandom } from '../src-main/core/demo/ukrainianPeople';
import { silentLogger, systemClock } from '../src-main/core/platform/ports';
import type { Bench, Figure } from './benches';
import { percentile, round } from './stats';

const clients = Number(process.env['PULT_BENCH_CLIENTS'] ?? 1_000_000);
const queries = 1000;

async function writeClientsCsv(file: string, n: number): Promise<string[]> {
  const random = seededRandom(42);
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const phones: string[] = [];
  out.write('ПІБ;Телефон;Адреса;Місто\n');
  let buffer = '';
  for (let i = 0; i < n; i++) {
    const p = makePerson(random, i);
    if (i % Math.ceil(n / 5000) === 0) phones.push(p.phone);
    buffer += `${p.fullName};${p.phone};${p.address};${p.city}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return phones;
}

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function sqliteCliImportMs(csv: string, dir: string): number | undefined {
  const file = path.join(dir, 'cli.sqlite');
  const script = `.mode csv\n.separator ;\n.import ${csv} plain\n`;
  const start = performance.now();
  const result = spawnSync('sqlite3', [file], { input: script });
  const elapsed = performance.now() - start;
  rmSync(file, { force: true });
  return result.status === 0 ? elapsed : undefined;
}

function rssOfOpenDatabase(file: string, key: string): number | undefined {
  const probe = path.join(import.meta.dirname, 'rssProbe.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', probe, file], {
    env: { ...process.env, PULT_BENCH_DB_KEY: key },
    encoding: 'utf8',
  });
  const value = Number(result.stdout.trim());
  return result.status === 0 && Number.isFinite(value) ? value : undefined;
}

/** A client with 200 calls and some offers, orders and complaints, for the card figure. */
function addHistory(db: PultDatabase, clientId: number): void {
  const random = seededRandom(7);
  db.sqlite.transaction(() => {
    const call = db.sqlite.prepare(
      `INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, answered_at, ended_at, talk_seconds, outcome, refusal_reason_id)
       VALUES (?, 'call', ?, '+380671234567', ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < 200; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 36e5 * 40).toISOString();
      const refused = random() < 0.3;
      call.run(
        clientId,
        random() < 0.5 ? 'inbound' : 'outbound',
        at,
        at,
        at,
        Math.round(random() * 600),
        refused ? 'refused' : 'sale',
        refused ? 1 : null,
      );
    }
    for (let i = 0; i < 20; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 36e5 * 400).toISOString();
      db.sqlite
        .prepare(
          "INSERT INTO offers (client_id, offered_at, result, refusal_reason_id) VALUES (?, ?, 'refused', 1)",
        )
        .run(clientId, at);
      db.sqlite
        .prepare(
          `INSERT INTO orders (uid, client_id, type_code, type_title, status, created_by, created_at, updated_at)
           VALUES (lower(hex(randomblob(16))), ?, 'connection', 'Підключення послуги', 'done', 'op', ?, ?)`,
        )
        .run(clientId, at, at);
    }
  })();
}

function phoneVariant(phone: string, i: number): string {
  const digits = phone.replace(/\D/g, '');
  switch (i % 4) {
    case 0:
      return phone;
    case 1:
      return `+38${digits}`;
    case 2:
      return digits;
    default:
      return `8${digits}`;
  }
}

export const clientBaseBenches: Bench[] = [
  {
    name: 'import',
    async run() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-'));
      try {
        const csv = path.join(dir, 'clients.csv');
        const phones = await writeClientsCsv(csv, clients);
        const cliMs = sqliteCliImportMs(csv, dir);
        // Encrypted, as the app keeps it.
        const key = newDatabaseKey();
        const db = await openDatabase(path.join(dir, 'pult.sqlite'), {
          logger: silentLogger,
          key,
        });
        const preview = await previewImportFile(csv);
        const start = performance.now();
        const result = await importClientsFromCsv(
          db.sqlite,
          csv,
          suggestedSettings(preview, 'skip'),
          {
            actor: 'bench',
            region: 'UA',
            clock: systemClock,
            // As the app runs it: the file read on a thread of its own (tsx loads it here).
            rowThread: path.join(
              import.meta.dirname,
              '../src-main/core/clients/import/clientRowThread.ts',
            ),
            checkpointThread: {
              file: path.join(import.meta.dirname, '../src-main/core/db/walCheckpointThread.ts'),
              key,
            },
          },
        );
        const importMs = performance.now() - start;
        // What the import worker does next, while the operator already works with the clients.
        const indexStart = performance.now();
        const indexed = await new SearchBacklog(db.sqlite).drain({});
        const indexMs = performance.now() - indexStart;
        const figures: Figure[] = [
          {
            name: 'import.rowsPerSecond',
            value: Math.round(result.rowsImported / (importMs / 1000)),
            unit: 'rows/s',
            n: result.rowsImported,
          },
          {
            name: 'import.seconds',
            value: round(importMs / 1000, 2),
            unit: 's',
            n: result.rowsImported,
          },
        ];
        figures.push({
          name: 'import.searchIndexSeconds',
          value: round(indexMs / 1000, 2),
          unit: 's',
          n: indexed.indexed,
        });
        if (cliMs !== undefined) {
          figures.push({
            name: 'import.sqliteCliSeconds',
            value: round(cliMs / 1000, 2),
            unit: 's',
            n: clients,
          });
          figures.push({
            name: 'import.ratioToSqliteCli',
            value: round(importMs / cliMs, 2),
            unit: 'x',
            n: clients,
          });
        }
        figures.push(...measureQueries(db, phones, result.rowsImported));
        db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        await db.close();
        const file = path.join(dir, 'pult.sqlite');
        const mb = statSync(file).size / 1e6;
        figures.push({
          name: 'db.mbPerMillionClients',
          value: round(mb / (result.rowsImported / 1e6), 1),
          unit: 'MB',
          n: result.rowsImported,
        });
        const rss = rssOfOpenDatabase(file, key);
        if (rss !== undefined)
          figures.push({
            name: 'db.rssMb',
            value: round(rss, 1),
            unit: 'MB',
            n: result.rowsImported,
          });
        return figures;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];

function measureQueries(db: PultDatabase, phones: string[], n: number): Figure[] {
  const random = seededRandom(99);
  const search = new ClientSearch(db.sqlite);
  const names = db.sqlite
    .prepare('SELECT full_name AS name FROM clients WHERE id % 997 = 0')
    .all() as { name: string }[];
  const texts: string[] = [];
  for (let i = 0; i < queries; i++) {
    const kind = i % 4;
    const name = names[Math.floor(random() * names.length)]?.name ?? 'Коваленко';
    const words = name.split(' ');
    if (kind === 0) texts.push(words[0]!.slice(0, 2 + Math.floor(random() * 5)));
    else if (kind === 1)
      texts.push(`${words[0]} ${words[1]!.slice(0, 1 + Math.floor(random() * 4))}`);
    else if (kind === 2)
      texts.push(
        (phones[Math.floor(random() * phones.length)] ?? '067').slice(
          0,
          4 + Math.floor(random() * 8),
        ),
      );
    else texts.push(cities[Math.floor(random() * cities.length)]!.slice(0, 3));
  }
  const searchTimes = texts.map((text) =>
    timeMs(() => search.find(clientQuerySchema.parse({ text, limit: 100 }))),
  );
  const lookup = new CallerIdLookup(db.sqlite);
  const callerTimes = Array.from({ length: queries }, (_, i) => {
    const phone = phoneVariant(phones[Math.floor(random() * phones.length)]!, i);
    return timeMs(() => {
      if (lookup.find(phone).length === 0) throw new Error(`caller ID missed ${phone}`);
    });
  });
  const cardClient = Math.ceil(n / 2);
  addHistory(db, cardClient);
  const cards = new ClientCardReader(db.sqlite, () => 'uk');
  const cardTimes = Array.from({ length: queries }, () =>
    timeMs(() => {
      if ((cards.read(cardClient)?.history.length ?? 0) < 200)
        throw new Error('card without history');
    }),
  );
  return [
    { name: 'search.p95Ms', value: round(percentile(searchTimes, 95)), unit: 'ms', n },
    { name: 'callerId.p95Ms', value: round(percentile(callerTimes, 95)), unit: 'ms', n },
    { name: 'clientCard.p95Ms', value: round(percentile(cardTimes, 95)), unit: 'ms', n: 240 },
  ];
}
