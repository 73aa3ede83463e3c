import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src-main/core/db/database';
import { newDatabaseKey } from '../src-main/core/db/encryption';
import { migrations } from '../src-main/core/db/migrations';
import { silentLogger } from '../src-main/core/platform/ports';
import type { Bench } from './benches';

const clients = Number(process.env['PULT_BENCH_CLIENTS'] ?? 1_000_000);

/**
 * What upgrading a full workstation costs once: a version-5 base (encrypted,
 * as the app keeps it) with a client and a phone per row, opened by this
 * version, which runs migration 6 (every table made again with named keys).
 */
export const migrationBenches: Bench[] = [
  {
    name: 'migration',
    async run() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-migration-'));
      try {
        const file = path.join(dir, 'pult.sqlite');
        const key = newDatabaseKey();
        const v5 = await openDatabase(file, {
          logger: silentLogger,
          key,
          migrations: migrations.slice(0, 5),
        });
        // The search rows are left out (paused): migration 6 does not touch the index.
        v5.sqlite.exec(`UPDATE search_control SET paused = 1;
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${clients})
          INSERT INTO clients (id, full_name, sort_key, city, created_at, updated_at)
            SELECT i, 'Клієнт ' || i, 'клієнт ' || i, 'Київ', '2026-01-01', '2026-01-01' FROM n;
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${clients})
          INSERT INTO client_phones (client_id, e164, raw, search_tokens)
            SELECT i, '+38067' || printf('%07d', i), '067' || i, '38067' || i FROM n;
          UPDATE search_control SET paused = 0;`);
        await v5.close();
        const start = performance.now();
        const latest = await openDatabase(file, { logger: silentLogger, key });
        const seconds = (performance.now() - start) / 1000;
        await latest.close();
        return [
          {
            name: 'migration.fromVersion5Seconds',
            value: Math.round(seconds * 100) / 100,
            unit: `s (once, opening a version-5 base with a phone per client, up to version ${migrations.length})`,
            n: clients,
          },
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
