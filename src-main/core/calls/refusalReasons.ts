import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { runBuilt } from '../db/builtStatements';
import { RefusalReasonEntity } from '../db/entities/workEntities';

export interface RefusalReasonConfig {
  code: string;
  uk: string;
  en: string;
}

/**
 * Makes the refusal reasons what IT's policy lists: listed ones are added or
 * renamed and offered, the rest are no longer offered. None is deleted, so
 * old offers keep the reason they were recorded with.
 */
export function syncRefusalReasons(
  db: { dataSource: DataSource; sqlite: BetterSqlite3.Database },
  reasons: readonly RefusalReasonConfig[],
): void {
  const { dataSource, sqlite } = db;
  sqlite.transaction(() => {
    for (const reason of reasons) {
      const upsert = dataSource
        .createQueryBuilder()
        .insert()
        .into(RefusalReasonEntity)
        .values({ code: reason.code, labelUk: reason.uk, labelEn: reason.en, active: true })
        .orUpdate(['label_uk', 'label_en', 'active'], ['code']);
      runBuilt(sqlite, upsert);
    }
    const retire = dataSource
      .createQueryBuilder()
      .update(RefusalReasonEntity)
      .set({ active: false });
    runBuilt(
      sqlite,
      reasons.length === 0
        ? retire
        : retire.where('code NOT IN (:...listed)', { listed: reasons.map((r) => r.code) }),
    );
  })();
}
