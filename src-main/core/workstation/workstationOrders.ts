import { CatalogueStore } from '../catalogue/catalogueStore';
import { ComplaintBook } from '../complaints/complaintBook';
import { KnowledgeBase } from '../knowledge/knowledgeBase';
import { SettlementSearch } from '../knowledge/settlementSearch';
import { OrderBook } from '../orders/orderBook';
import { OrderDrafts } from '../orders/orderDrafts';
import type { Clock } from '../platform/ports';
import type { WorkstationDatabase } from './workstationDatabase';

/** Orders, complaints and the knowledge base of the open base, priced and checked by its catalogue. */
export function ordersOf(
  base: Pick<WorkstationDatabase, 'db'>,
  deps: { clock: Clock; language: () => 'uk' | 'en' },
) {
  const { sqlite } = base.db;
  const catalogue = new CatalogueStore(sqlite);
  const drafts = new OrderDrafts(sqlite, catalogue, deps.clock);
  return {
    catalogue,
    drafts,
    book: new OrderBook(sqlite, drafts, catalogue, deps.clock, deps.language),
    complaints: new ComplaintBook(sqlite, catalogue, deps.clock),
    knowledge: new KnowledgeBase(sqlite, deps.clock),
    settlements: new SettlementSearch(sqlite),
  };
}
export type WorkstationOrders = ReturnType<typeof ordersOf>;
