import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importClientsFromCsv } from '../src-main/core/clients/import/clientImport';
import {
  previewImportFile,
  suggestedSettings,
} from '../src-main/core/clients/import/importPreview';
import { openDatabase } from '../src-main/core/db/database';
import { silentLogger, systemClock } from '../src-main/core/platform/ports';
import type { Bench, Figure } from './benches';

const megabytes = 64;

/**
 * Files no one should import, as an operator might pick them: 64 MB with no
 * line break, and 16 MB of random bytes. Printed: how long until the import
 * gives up with its reason, and how much the process grew meanwhile.
 */
export const hostileFileBenches: Bench[] = [
  {
    name: 'hostile',
    async run() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-hostile-'));
      try {
        const db = await openDatabase(path.join(dir, 'pult.sqlite'), { logger: silentLogger });
        const attempt = async (file: string) => {
          const preview = await previewImportFile(file);
          let peak = process.memoryUsage().rss;
          const before = peak;
          const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
          const start = performance.now();
          const outcome = await importClientsFromCsv(
            db.sqlite,
            file,
            { ...suggestedSettings(preview, 'skip'), mapping: ['fullName', 'phone'] },
            {
              actor: 'bench',
              region: 'UA',
              clock: systemClock,
              rowThread: path.join(
                import.meta.dirname,
                '../src-main/core/clients/import/clientRowThread.ts',
              ),
            },
          ).then(
            () => 'imported',
            (error: unknown) => (error instanceof Error ? error.name : 'failed'),
          );
          clearInterval(sampler);
          return {
            seconds: (performance.now() - start) / 1000,
            grewMb: (peak - before) / 1e6,
            outcome,
          };
        };
        const line = path.join(dir, 'one-line.csv');
        writeFileSync(line, 'ПІБ;Телефон\n' + 'x'.repeat(megabytes * 1024 * 1024));
        const long = await attempt(line);
        const noise = path.join(dir, 'noise.csv');
        writeFileSync(noise, randomBytes(16 * 1024 * 1024));
        const random = await attempt(noise);
        await db.close();
        const round = (x: number) => Math.round(x * 1000) / 1000;
        const figures: Figure[] = [
          {
            name: 'hostile.unbrokenLineSeconds',
            value: round(long.seconds),
            unit: 's',
            n: megabytes,
          },
          {
            name: 'hostile.unbrokenLineGrowthMb',
            value: round(long.grewMb),
            unit: 'MB',
            n: megabytes,
          },
          { name: 'hostile.randomBytesSeconds', value: round(random.seconds), unit: 's', n: 16 },
          { name: 'hostile.randomBytesGrowthMb', value: round(random.grewMb), unit: 'MB', n: 16 },
        ];
        if (long.outcome !== 'ImportFileError' || random.outcome !== 'ImportFileError')
          console.error(`hostile: expected both refused, got ${long.outcome}, ${random.outcome}`);
        return figures;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
