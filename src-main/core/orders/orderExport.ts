import type BetterSqlite3 from 'better-sqlite3';
import { formatMoney } from '../../../src-shared/orders/orderValues';
import type { OrderListItem, OrderQuery, OrderStatus } from '../../../src-shared/orders/orderViews';
import type { Clock } from '../platform/ports';
import { exportTableFile } from '../spreadsheets/tableFile';
import { orderFilter, orderListColumns } from './orderBook';

export interface OrderExportOptions {
  actor: string;
  clock: Clock;
  headers: readonly string[];
  sheetName: string;
  fileName: string;
  statusNames: Record<OrderStatus, string>;
  onRow?: (rows: number) => void;
}

/**
 * The orders the list shows (every page of them, by the same filters) as CSV
 * or XLSX, cells neutralised, and who exported what in the audit. One
 * statement stepped row by row on a file worker's own connection.
 */
export async function exportOrders(
  sqlite: BetterSqlite3.Database,
  query: Omit<OrderQuery, 'limit' | 'after'>,
  file: string,
  format: 'csv' | 'xlsx',
  options: OrderExportOptions,
): Promise<number> {
  const { where, params } = orderFilter(query, options.actor);
  const statement = sqlite.prepare<unknown[], OrderListItem>(
    `SELECT ${orderListColumns} FROM orders o JOIN clients c ON c.id = o.client_id ${where}
     ORDER BY o.created_at DESC, o.id DESC`,
  );
  const rows = function* () {
    for (const order of statement.iterate(...params))
      yield [
        order.createdAt,
        order.clientName,
        order.title,
        options.statusNames[order.status],
        order.dueAt ?? '',
        order.totalKop === null ? '' : formatMoney(order.totalKop).replace(/\u00a0/g, ' '),
        order.createdBy,
        order.uid,
      ];
  };
  return exportTableFile(
    sqlite,
    {
      file,
      format,
      sheetName: options.sheetName,
      header: options.headers,
      rows: rows(),
      onRow: options.onRow,
    },
    {
      actor: options.actor,
      clock: options.clock,
      action: 'orders.export',
      entity: 'order',
      fileName: options.fileName,
      filter: { ...query },
    },
  );
}
