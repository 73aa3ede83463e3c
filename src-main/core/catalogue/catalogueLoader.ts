import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { catalogueSchema, type Catalogue } from '../../../src-shared/orders/catalogue';
import { recordChange } from '../db/changeJournal';
import { readJsonFileAt, type JsonFileResult } from '../platform/jsonFile';

/** A catalogue of 20,000 tariffs and articles is a few MB; past this it is refused unread. */
export const maxCatalogueFileBytes = 32 * 1024 * 1024;

export type CatalogueLoad =
  | { ok: true; applied: boolean; version: string }
  | { ok: false; line: number; field: string; problem: string };

/** The catalogue file, checked; its hash tells one edition from another. */
export async function readCatalogueFile(
  file: string,
): Promise<JsonFileResult<Catalogue> & { sha256?: string }> {
  const result = await readJsonFileAt(file, catalogueSchema, maxCatalogueFileBytes);
  if (!result.ok || result.text === undefined) return result;
  return {
    ok: true,
    value: result.value,
    sha256: createHash('sha256').update(result.text).digest('hex'),
  };
}

/** Apostrophes dropped (Мар'яна, Мар’яна), as client search does, so either spelling finds either. */
export const searchText = (text: string) => text.normalize('NFC').replace(/['’ʼ`]/g, '');

/**
 * Takes a checked catalogue into the base, in one transaction: products,
 * tariffs, promotions and articles are matched by their codes (an offer made
 * earlier keeps pointing at its tariff), those the new catalogue no longer
 * lists are kept but made inactive, and the knowledge index is made again.
 * The same edition (by its hash) is not taken twice in a row from the same
 * kind of source (a file; the team's feed). Raw statements: it runs
 * on a file-job worker's own connection, off main's event loop.
 */
export function applyCatalogue(
  sqlite: BetterSqlite3.Database,
  catalogue: Catalogue,
  edition: { sha256: string; source: string; at: string; actor: string },
): { applied: boolean } {
  return sqlite.transaction(() => {
    // Compared with the last edition from the same kind of source: a file IT names is taken again
    // only when the file changed, so it does not undo at each start what a supervisor published
    // for the team since, nor the team's edition a changed file.
    const latest = sqlite
      .prepare(
        "SELECT sha256 FROM catalogues WHERE (source LIKE 'team:%') = ? ORDER BY id DESC LIMIT 1",
      )
      .get(edition.source.startsWith('team:') ? 1 : 0) as { sha256: string } | undefined;
    if (latest?.sha256 === edition.sha256) return { applied: false };
    const flag = (b: boolean) => (b ? 1 : 0);
    const codes = (items: readonly { code: string }[]) => JSON.stringify(items.map((i) => i.code));

    const product =
      sqlite.prepare(`INSERT INTO products (code, name, description, price_kop, active)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name,
      description = excluded.description, price_kop = excluded.price_kop, active = excluded.active`);
    for (const p of catalogue.products)
      product.run(p.code, p.name, p.description, p.priceKop ?? null, flag(p.active));
    sqlite
      .prepare('UPDATE products SET active = 0 WHERE code NOT IN (SELECT value FROM json_each(?))')
      .run(codes(catalogue.products));

    const tariff = sqlite.prepare(`INSERT INTO tariffs
      (code, product_id, name, description, monthly_fee_kop, valid_from, valid_to, active)
      VALUES (?, (SELECT id FROM products WHERE code = ?), ?, ?, ?, ?, ?, ?)
      ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id, name = excluded.name,
      description = excluded.description, monthly_fee_kop = excluded.monthly_fee_kop,
      valid_from = excluded.valid_from, valid_to = excluded.valid_to, active = excluded.active`);
    for (const t of catalogue.tariffs)
      tariff.run(
        t.code,
        t.product ?? null,
        t.name,
        t.description,
        t.monthlyFeeKop,
        t.validFrom ?? null,
        t.validTo ?? null,
        flag(t.active),
      );
    sqlite
      .prepare('UPDATE tariffs SET active = 0 WHERE code NOT IN (SELECT value FROM json_each(?))')
      .run(codes(catalogue.tariffs));

    const promotion = sqlite.prepare(`INSERT INTO promotions
      (code, name, description, starts_on, ends_on, tariff_id, active)
      VALUES (?, ?, ?, ?, ?, (SELECT id FROM tariffs WHERE code = ?), 1)
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, description = excluded.description,
      starts_on = excluded.starts_on, ends_on = excluded.ends_on, tariff_id = excluded.tariff_id, active = 1`);
    for (const p of catalogue.promotions)
      promotion.run(p.code, p.name, p.description, p.startsOn, p.endsOn, p.tariff ?? null);
    sqlite
      .prepare(
        'UPDATE promotions SET active = 0 WHERE code NOT IN (SELECT value FROM json_each(?))',
      )
      .run(codes(catalogue.promotions));

    const article = sqlite.prepare(`INSERT INTO articles (code, title, body, tags, active)
      VALUES (?, ?, ?, ?, 1) ON CONFLICT (code) DO UPDATE SET title = excluded.title,
      body = excluded.body, tags = excluded.tags, active = 1`);
    for (const a of catalogue.articles) article.run(a.code, a.title, a.body, a.tags.join(', '));
    sqlite
      .prepare('UPDATE articles SET active = 0 WHERE code NOT IN (SELECT value FROM json_each(?))')
      .run(codes(catalogue.articles));

    sqlite.prepare('DELETE FROM knowledge_search').run();
    const index = sqlite.prepare(
      'INSERT INTO knowledge_search (kind, item_id, title, body) VALUES (?, ?, ?, ?)',
    );
    const indexAll = (kind: string, sql: string) => {
      for (const row of sqlite.prepare(sql).all() as { id: number; title: string; body: string }[])
        index.run(kind, row.id, searchText(row.title), searchText(row.body));
    };
    indexAll(
      'product',
      'SELECT id, name AS title, description AS body FROM products WHERE active = 1',
    );
    indexAll(
      'tariff',
      'SELECT id, name AS title, description AS body FROM tariffs WHERE active = 1',
    );
    indexAll(
      'promotion',
      'SELECT id, name AS title, description AS body FROM promotions WHERE active = 1',
    );
    indexAll(
      'article',
      "SELECT id, title, body || ' ' || tags AS body FROM articles WHERE active = 1",
    );

    const id = sqlite
      .prepare(
        'INSERT INTO catalogues (version, sha256, source, applied_at, body) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        catalogue.version,
        edition.sha256,
        edition.source,
        edition.at,
        JSON.stringify(catalogue),
      ).lastInsertRowid;
    recordChange(sqlite, {
      at: edition.at,
      actor: edition.actor,
      action: 'catalogue.applied',
      entity: 'catalogue',
      entityId: Number(id),
      details: {
        version: catalogue.version,
        source: edition.source,
        orderTypes: catalogue.orderTypes.length,
        tariffs: catalogue.tariffs.length,
        articles: catalogue.articles.length,
      },
      outbox: { op: 'insert', payload: { version: catalogue.version, sha256: edition.sha256 } },
    });
    return { applied: true };
  })();
}
