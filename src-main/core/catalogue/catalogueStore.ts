import type BetterSqlite3 from 'better-sqlite3';
import {
  catalogueSchema,
  type Catalogue,
  type OrderType,
} from '../../../src-shared/orders/catalogue';
import type { OrderCheckContext } from '../../../src-shared/orders/orderValues';
import { normalizePhone } from '../phones/phoneNumbers';

/** The workstation's own calendar day and time: what "today" and "not in the past" mean to the operator. */
export function localMoment(now: Date): { today: string; now: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    today: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    now: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
  };
}

/** Whether a dated item is in force on a day: from and to both inclusive, either open. */
export function inForce(
  day: string,
  from: string | null | undefined,
  to: string | null | undefined,
): boolean {
  return (from == null || from <= day) && (to == null || day <= to);
}

export interface CatalogueInUse {
  id: number;
  version: string;
  appliedAt: string;
  catalogue: Catalogue;
}

/**
 * The catalogue in use: the last one taken into the base (catalogueLoader).
 * Read and checked once per edition; everything that prices or checks an
 * order asks it.
 */
export class CatalogueStore {
  private readonly latest: BetterSqlite3.Statement<[], { id: number }>;
  private cached: CatalogueInUse | undefined;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.latest = sqlite.prepare('SELECT id FROM catalogues ORDER BY id DESC LIMIT 1');
  }

  current(): CatalogueInUse | undefined {
    const id = this.latest.get()?.id;
    if (id === undefined) return undefined;
    if (this.cached?.id !== id) {
      const row = this.sqlite
        .prepare('SELECT version, applied_at AS appliedAt, body FROM catalogues WHERE id = ?')
        .get(id) as { version: string; appliedAt: string; body: string };
      this.cached = {
        id,
        version: row.version,
        appliedAt: row.appliedAt,
        catalogue: catalogueSchema.parse(JSON.parse(row.body)),
      };
    }
    return this.cached;
  }

  orderType(code: string): OrderType | undefined {
    return this.current()?.catalogue.orderTypes.find((type) => type.code === code);
  }

  /** What an order's check needs on this day: the catalogue's prices and which tariffs are in force. */
  checkContext(now: Date): OrderCheckContext {
    const catalogue = this.current()?.catalogue;
    const moment = localMoment(now);
    return {
      ...moment,
      products: new Map(
        (catalogue?.products ?? [])
          .filter((p) => p.active)
          .map((p) => [p.code, { name: p.name, priceKop: p.priceKop ?? null }]),
      ),
      tariffs: new Map(
        (catalogue?.tariffs ?? []).map((t) => [
          t.code,
          { name: t.name, valid: t.active && inForce(moment.today, t.validFrom, t.validTo) },
        ]),
      ),
      phoneOk: (typed) => normalizePhone(typed).ok,
    };
  }
}
