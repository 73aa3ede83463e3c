import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyCatalogue } from '../../src-main/core/catalogue/catalogueLoader';
import type { PultDatabase } from '../../src-main/core/db/database';
import { catalogueSchema, type Catalogue } from '../../src-shared/orders/catalogue';
import type { OrderValues } from '../../src-shared/orders/orderValues';

export const demoCatalogueFile = path.resolve('resources/catalogue/demo-catalogue.json');

/** The catalogue Pult ships, as its file has it. */
export function demoCatalogue(): Catalogue {
  return catalogueSchema.parse(JSON.parse(readFileSync(demoCatalogueFile, 'utf8')));
}

export function takeCatalogue(
  db: PultDatabase,
  catalogue: Catalogue,
  at = new Date().toISOString(),
) {
  return applyCatalogue(db.sqlite, catalogue, {
    sha256: createHash('sha256').update(JSON.stringify(catalogue)).digest('hex'),
    source: 'test',
    at,
    actor: 'it',
  });
}

/** A client as an import leaves one, with a phone; its id. */
export function addClient(
  db: PultDatabase,
  fullName: string,
  city = 'Київ',
  address = 'вул. Хрещатик, 22',
): number {
  const id = Number(
    db.sqlite
      .prepare(
        `INSERT INTO clients (full_name, sort_key, address, city, created_at, updated_at)
         VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run(fullName, fullName.toLowerCase(), address, city).lastInsertRowid,
  );
  db.sqlite
    .prepare(
      "INSERT INTO client_phones (client_id, e164, raw, label, search_tokens) VALUES (?, '+380671234567', '067 123 45 67', '', '')",
    )
    .run(id);
  return id;
}

/** A call with the client, answered: what an order or an offer is made in. */
export function addCall(db: PultDatabase, clientId: number, at = new Date().toISOString()): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, answered_at, notes)
         VALUES (?, 'call', 'inbound', '+380671234567', ?, ?, '')`,
      )
      .run(clientId, at, at).lastInsertRowid,
  );
}

/** A service connection as an operator fills it in: a Kyiv address, the visit on `visitDate`. */
export function connection(
  draft: OrderValues,
  visitDate: string,
  n: { house?: string; account?: string; materials?: string } = {},
): OrderValues {
  return {
    ...draft,
    service: 'internet',
    tariff: 'inet500',
    address: {
      settlementCode: 'UA80000000000093317',
      settlement: 'Київ',
      region: '',
      street: 'вул. Хрещатик',
      house: n.house ?? '22',
      entrance: '',
      flat: '5',
      free: false,
      freeText: '',
      freeTextReason: '',
    },
    visit: { date: visitDate, from: '10:00', to: '12:00' },
    materials: n.materials ?? 'Кабель 20 м',
    sum: '240,50',
    newAccount: n.account ?? '12345678',
  };
}
