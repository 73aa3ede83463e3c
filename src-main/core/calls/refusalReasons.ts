import type BetterSqlite3 from 'better-sqlite3';

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
  sqlite: BetterSqlite3.Database,
  reasons: readonly RefusalReasonConfig[],
): void {
  sqlite.transaction(() => {
    const upsert = sqlite.prepare(
      `INSERT INTO refusal_reasons (code, label_uk, label_en, active) VALUES (?, ?, ?, 1)
       ON CONFLICT(code) DO UPDATE SET label_uk = excluded.label_uk, label_en = excluded.label_en, active = 1`,
    );
    for (const reason of reasons) upsert.run(reason.code, reason.uk, reason.en);
    const listed = new Set(reasons.map((r) => r.code));
    const all = sqlite.prepare('SELECT code FROM refusal_reasons').all() as { code: string }[];
    const retire = sqlite.prepare('UPDATE refusal_reasons SET active = 0 WHERE code = ?');
    for (const { code } of all) if (!listed.has(code)) retire.run(code);
  })();
}
