import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { SettlementRow } from '../db/entities/knowledgeEntities';
import type { SheetRow } from '../spreadsheets/xlsxRows';
import { xlsxRows } from '../spreadsheets/xlsxRows';
import { settlementKey } from './settlementKey';

/**
 * The settlements of Ukraine's official codifier (КАТОТТГ), read from its
 * published XLSX as it is: five level codes, the category and the name. A
 * settlement's oblast, raion and hromada are the rows of its first three
 * level codes. Categories: M city, T urban-type settlement, C village, X
 * rural settlement, K city with special status (Kyiv, Sevastopol); O, P, H
 * (oblast, raion, hromada) and B (a city's district) are not settlements.
 */

/** A settlement as the codifier gives it; the base adds its search key. */
export type Settlement = Omit<SettlementRow, 'searchKey'>;

const settlementCategories = new Set(['M', 'T', 'C', 'X', 'K']);

export class CodifierError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodifierError';
  }
}

/** The codifier's rows as settlements. The header is found by its column names, so a newer edition's layout is read too. */
export async function codifierSettlements(rows: AsyncIterable<SheetRow>): Promise<Settlement[]> {
  let category = -1;
  let name = -1;
  const named = new Map<string, string>();
  const found: { levels: string[]; category: string; name: string }[] = [];
  for await (const row of rows) {
    if (category < 0) {
      const cells = row.cells.map((cell) => cell.toLocaleLowerCase('uk'));
      category = cells.findIndex((cell) => cell.startsWith('категорія'));
      name = cells.findIndex((cell) => cell.startsWith('назва'));
      if (category < 0 || name < 0) {
        category = -1;
        if (row.line > 20) throw new CodifierError('no header with the category and name columns');
      }
      continue;
    }
    const levels = row.cells.slice(0, category).map((cell) => cell.trim());
    const code = [...levels].reverse().find((cell) => cell !== '');
    const kind = (row.cells[category] ?? '').trim().toUpperCase();
    const title = (row.cells[name] ?? '').trim().replace(/\s+/g, ' ');
    if (code === undefined || title === '' || !/^UA\d{17}$/.test(code)) continue;
    named.set(code, title);
    if (settlementCategories.has(kind)) found.push({ levels, category: kind, name: title });
  }
  if (category < 0) throw new CodifierError('no header with the category and name columns');
  return found.map(({ levels, category: kind, name: title }) => {
    const code = [...levels].reverse().find((cell) => cell !== '') ?? '';
    const at = (level: number) => {
      const levelCode = levels[level] ?? '';
      return levelCode === '' || levelCode === code ? '' : (named.get(levelCode) ?? '');
    };
    return { code, name: title, category: kind, oblast: at(0), raion: at(1), hromada: at(2) };
  });
}

async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Settlements written per transaction: main's own writes wait for one batch at most. */
const batchSize = 2000;

/**
 * The codifier file into the settlements table, once per edition (by the
 * file's hash). Settlements are written by their code in batches of their own
 * transactions (one transaction of 30,000 rows held the base from main for
 * 120 ms), those the edition no longer lists are removed, and the edition is
 * recorded last: a load cut short is done again at the next start, and a file
 * that cannot be read changes nothing. Runs on a file-job worker's own
 * connection.
 */
export async function loadCodifier(
  sqlite: BetterSqlite3.Database,
  file: string,
  at: string,
): Promise<{ loaded: boolean; settlements: number }> {
  const sha256 = await fileHash(file);
  const known = sqlite
    .prepare("SELECT sha256, rows FROM reference_files WHERE name = 'katottg'")
    .get() as { sha256: string; rows: number } | undefined;
  if (known?.sha256 === sha256) return { loaded: false, settlements: known.rows };
  const settlements = await codifierSettlements(xlsxRows(file));
  if (settlements.length === 0) throw new CodifierError('the file lists no settlements');
  const upsert = sqlite.prepare(
    `INSERT INTO settlements (code, name, category, oblast, raion, hromada, search_key)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, category = excluded.category,
       oblast = excluded.oblast, raion = excluded.raion, hromada = excluded.hromada,
       search_key = excluded.search_key`,
  );
  for (let start = 0; start < settlements.length; start += batchSize)
    sqlite.transaction(() => {
      for (const s of settlements.slice(start, start + batchSize))
        upsert.run(s.code, s.name, s.category, s.oblast, s.raion, s.hromada, settlementKey(s.name));
    })();
  sqlite.transaction(() => {
    sqlite
      .prepare('DELETE FROM settlements WHERE code NOT IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(settlements.map((s) => s.code)));
    sqlite
      .prepare(
        `INSERT INTO reference_files (name, sha256, rows, loaded_at) VALUES ('katottg', ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, rows = excluded.rows, loaded_at = excluded.loaded_at`,
      )
      .run(sha256, settlements.length, at);
  })();
  return { loaded: true, settlements: settlements.length };
}
