import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PultDatabase } from '../src-main/core/db/database';
import { ordersOf } from '../src-main/core/workstation/workstationOrders';
import type { Catalogue } from '../src-shared/orders/catalogue';
import { connection, demoCatalogue, takeCatalogue } from '../tests/support/orderFixtures';
import type { OrderValues } from '../src-shared/orders/orderValues';
import type { Bench, Figure } from './benches';
import { clientBase } from './calls.bench';
import { percentile, round } from './stats';

const clients = Number(process.env['PULT_BENCH_CLIENTS'] ?? 1_000_000);
export const orders = Number(process.env['PULT_BENCH_ORDERS'] ?? 2_000_000);
/** Articles and tariffs in the knowledge base, half each. */
const knowledge = Number(process.env['PULT_BENCH_KNOWLEDGE'] ?? 10_000);

const words = [
  'інтернет',
  'оптика',
  'роутер',
  'телебачення',
  'приставка',
  'тариф',
  'акція',
  'оплата',
  'модем',
  'переїзд',
  'знижка',
  'мобільний',
  'пакет',
  "зв'язок",
  'швидкість',
  'кабель',
];

/** The demo's catalogue grown to `knowledge` tariffs and articles, as a large center's would be. */
function largeCatalogue(): Catalogue {
  const catalogue = demoCatalogue();
  const half = Math.floor(knowledge / 2);
  for (let i = 0; i < half; i++) {
    const w = (k: number) => words[(i * 7 + k * 3) % words.length]!;
    catalogue.tariffs.push({
      code: `t${i}`,
      name: `${w(0)} ${w(1)} ${i}`,
      description: `${w(2)}, ${w(3)} та ${w(4)} для дому ${i}`,
      monthlyFeeKop: 10_000 + i,
      active: true,
      ...(i % 5 === 0 ? { validTo: '2025-12-31' } : {}),
    });
    catalogue.articles.push({
      code: `a${i}`,
      title: `Як ${w(1)}: ${w(2)} ${i}`,
      body: `${`${w(0)} ${w(3)} ${w(4)} ${w(5)}. `.repeat(20)}Номер ${i}.`,
      tags: [w(6), w(7)],
    });
  }
  return catalogue;
}

/** 2,000,000 orders over the clients, as a few years of a center's work. */
export function fillOrders(db: PultDatabase): void {
  db.sqlite.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${orders})
    INSERT INTO orders (uid, client_id, type_code, type_title, status, total_kop, due_at, "values", created_by, created_at, updated_at)
      SELECT lower(hex(randomblob(16))), 1 + (i * 7919) % ${clients}, 'connection', 'Підключення послуги',
        CASE i % 10 WHEN 0 THEN 'new' WHEN 1 THEN 'cancelled' ELSE 'done' END, 24050, NULL, '{}', 'op',
        strftime('%Y-%m-%dT%H:%M:%fZ', '2023-01-01', '+' || (i * 50) || ' seconds'),
        strftime('%Y-%m-%dT%H:%M:%fZ', '2023-01-01', '+' || (i * 50) || ' seconds') FROM n;
    PRAGMA wal_checkpoint(TRUNCATE);`);
}

/** A service connection as typed, the visit a week ahead. */
function connectionValues(draft: OrderValues, i: number): OrderValues {
  const day = new Date(Date.now() + 7 * 86_400_000);
  const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return connection(draft, date, {
    house: String(1 + (i % 90)),
    account: String(10_000_000 + i),
    materials: '',
  });
}

/**
 * Orders and the knowledge base over a base of `clients` clients and `orders`
 * orders, the core as main runs it: a keystroke of a draft persisted, an
 * order submitted, the knowledge base searched as typed.
 */
export const orderBenches: Bench[] = [
  {
    name: 'order',
    async run(): Promise<Figure[]> {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-bench-orders-'));
      try {
        const db = await clientBase(dir);
        fillOrders(db);
        takeCatalogue(db, largeCatalogue());
        const desk = ordersOf({ db }, { clock: { now: () => new Date() }, language: () => 'uk' });

        // A keystroke: the draft as typed, one more character each time.
        const draft = desk.drafts.open({ typeCode: 'connection', clientId: 17, actor: 'op' });
        const base = connectionValues(draft.values, 0);
        const saves: number[] = [];
        let typed = '';
        for (let i = 0; i < 2000; i++) {
          typed += 'кабель роутер '.charAt(i % 14);
          const values = { ...base, materials: typed.slice(-280) };
          const start = performance.now();
          desk.drafts.save(draft.uid, values, 'op');
          saves.push(performance.now() - start);
        }

        // Submitting: each a different client's confirmed draft.
        const submits: number[] = [];
        for (let i = 0; i < 300; i++) {
          const opened = desk.drafts.open({
            typeCode: 'connection',
            clientId: 1 + ((1000 + i * 997) % clients),
            actor: 'op',
          });
          desk.drafts.save(opened.uid, connectionValues(opened.values, i), 'op');
          desk.book.confirm(opened.uid, 'op');
          const start = performance.now();
          const result = desk.book.submit(opened.uid, 'op', { notADouble: true });
          submits.push(performance.now() - start);
          if (result.kind !== 'submitted')
            throw new Error(`not submitted: ${JSON.stringify(result)}`);
        }

        // The knowledge base as typed: each prefix of a few queries, letter by letter.
        const queries = [
          'інтернет оптика',
          'роутер',
          'тариф мобільний',
          'оплата',
          'як переїзд',
          'акція знижка',
          "зв'язок",
        ];
        const searches: number[] = [];
        let hits = 0;
        for (let round_ = 0; round_ < 3; round_++)
          for (const query of queries)
            for (let n = 2; n <= query.length; n++) {
              const start = performance.now();
              hits += desk.knowledge.find(query.slice(0, n)).length;
              searches.push(performance.now() - start);
            }
        const items = (
          db.sqlite.prepare('SELECT count(*) AS n FROM knowledge_search').get() as { n: number }
        ).n;
        await db.close();
        return [
          {
            name: 'order.draftSave.p95Ms',
            value: round(percentile(saves, 95)),
            unit: `ms (one keystroke persisted; ${clients} clients, ${orders} orders)`,
            n: saves.length,
          },
          {
            name: 'order.submit.p95Ms',
            value: round(percentile(submits, 95)),
            unit: `ms (${clients} clients, ${orders} orders)`,
            n: submits.length,
          },
          {
            name: 'kb.search.p95Ms',
            value: round(percentile(searches, 95)),
            unit: `ms (${items} articles, tariffs and more; ${hits} hits)`,
            n: searches.length,
          },
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
