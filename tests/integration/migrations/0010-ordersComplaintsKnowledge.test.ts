import { describe, expect, it } from 'vitest';
import { upgradeTo } from './upgrade';

describe('migration 10, from version 9', () => {
  it('turns hryvnias into kopiyky, gives every order and complaint a UUIDv7 of its creation time, maps the old statuses, and keeps every id offers point at', async () => {
    const v10 = await upgradeTo(10, (v9) => {
      v9.sqlite.exec(`
        INSERT INTO clients (id, full_name, open_orders, open_complaints, created_at, updated_at)
          VALUES (1, 'Коваленко Марія', 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
        INSERT INTO products (id, name, description, price_uah) VALUES (7, 'Роутер', '', 1499.99);
        INSERT INTO tariffs (id, product_id, name, monthly_fee_uah) VALUES (3, 7, 'Інтернет 500', 250.1);
        INSERT INTO promotions (id, name, starts_on, ends_on) VALUES (2, 'Перший місяць', '2026-01-01', '2026-12-31');
        INSERT INTO refusal_reasons (code, label_uk, label_en) VALUES ('x-test', 'Тест', 'Test');
        INSERT INTO offers (client_id, tariff_id, promotion_id, offered_at, result)
          VALUES (1, 3, 2, '2026-02-01T10:00:00.000Z', 'accepted');
        INSERT INTO orders (id, client_id, service_type, status, amount_uah, scheduled_on, details, created_at, updated_at)
          VALUES (5, 1, 'internet', 'open', 240.5, '2026-02-05', '{"a":1}', '2026-02-01T10:00:00.000Z', '2026-02-01T10:05:00.000Z'),
                 (6, 1, 'tv', 'done', 0.29, NULL, '{}', '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z');
        INSERT INTO complaints (id, client_id, order_id, subject, body, status, justified, created_at, updated_at)
          VALUES (4, 1, 5, 'Не приїхала бригада', 'чекали весь день', 'rejected', NULL, '2026-02-03T09:00:00.000Z', '2026-02-04T09:00:00.000Z');`);
    });
    try {
      const q = (sql: string) => v10.sqlite.prepare(sql).all();
      expect(q('SELECT id, code, price_kop AS kop FROM products')).toEqual([
        { id: 7, code: 'product-7', kop: 149999 },
      ]);
      expect(
        q('SELECT id, code, product_id AS product, monthly_fee_kop AS kop FROM tariffs'),
      ).toEqual([{ id: 3, code: 'tariff-3', product: 7, kop: 25010 }]);
      expect(q('SELECT tariff_id AS tariff, promotion_id AS promotion FROM offers')).toEqual([
        { tariff: 3, promotion: 2 },
      ]);
      const orders = q(
        `SELECT id, uid, type_title AS title, status, total_kop AS kop, due_at AS due, "values", created_at AS at FROM orders ORDER BY id`,
      ) as {
        id: number;
        uid: string;
        title: string;
        status: string;
        kop: number;
        due: string;
        values: string;
        at: string;
      }[];
      expect(orders.map((o) => ({ ...o, uid: 'v7' }))).toEqual([
        {
          id: 5,
          uid: 'v7',
          title: 'internet',
          status: 'new',
          kop: 24050,
          due: '2026-02-05',
          values: '{"a":1}',
          at: '2026-02-01T10:00:00.000Z',
        },
        {
          id: 6,
          uid: 'v7',
          title: 'tv',
          status: 'done',
          kop: 29,
          due: null,
          values: '{}',
          at: '2026-02-02T10:00:00.000Z',
        },
      ]);
      for (const order of orders) {
        expect(order.uid).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        // Its first 48 bits are the row's creation time in Unix milliseconds.
        expect(parseInt(order.uid.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse(order.at));
      }
      expect(q('SELECT order_id AS id, status FROM order_status_events ORDER BY order_id')).toEqual(
        [
          { id: 5, status: 'new' },
          { id: 6, status: 'done' },
        ],
      );
      expect(
        q(
          'SELECT id, order_id AS orderId, kind, category_title AS category, body, status, justified, resolved_at AS resolved FROM complaints',
        ),
      ).toEqual([
        {
          id: 4,
          orderId: 5,
          kind: 'complaint',
          category: 'Не приїхала бригада',
          body: 'чекали весь день',
          status: 'resolved',
          justified: 0,
          resolved: '2026-02-04T09:00:00.000Z',
        },
      ]);
      // The base refuses what the new columns do not allow.
      expect(() =>
        v10.sqlite
          .prepare(
            `INSERT INTO orders (uid, client_id, type_code, type_title, status, created_by, created_at, updated_at)
             VALUES ('u', 1, 't', 'T', 'open', 'op', 'x', 'x')`,
          )
          .run(),
      ).toThrow(/CHECK/);
      expect(() =>
        v10.sqlite
          .prepare(
            `INSERT INTO orders (uid, client_id, type_code, type_title, status, created_by, created_at, updated_at)
             SELECT uid, 1, 't', 'T', 'new', 'op', 'x', 'x' FROM orders WHERE id = 5`,
          )
          .run(),
      ).toThrow(/UNIQUE/);
    } finally {
      await v10.close();
    }
  });
});
