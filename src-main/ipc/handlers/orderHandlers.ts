import { localized } from '../../../src-shared/orders/catalogue';
import type { Language } from '../../../src-shared/settings/userSettingsSchema';
import type { OrderQuery } from '../../../src-shared/orders/orderViews';
import { localMoment, inForce } from '../../core/catalogue/catalogueStore';
import type { Clock } from '../../core/platform/ports';
import type { WorkstationOrders } from '../../core/workstation/workstationOrders';
import type { ComplaintProblem } from '../../core/complaints/complaintBook';
import type { OfferProblem } from '../../core/knowledge/knowledgeBase';
import type { OrderProblem } from '../../core/orders/orderBook';
import type { DraftProblem } from '../../core/orders/orderDrafts';
import type { RefusalCode } from '../result';
import { refusalsAsCodes } from './refusalsAsCodes';
import type { HandlersOf } from './handlerTypes';
import type { CatalogueRefusal } from './referenceFiles';

// Every problem these domains refuse with has its sentence in the window: the compiler checks it.
true satisfies DraftProblem | OrderProblem | ComplaintProblem | OfferProblem extends RefusalCode
  ? true
  : never;

/**
 * Orders (drafts saved as typed, submitted once, their statuses and list),
 * complaints, the knowledge base during a call, and the codifier's
 * settlements for addresses.
 */
export function orderHandlers(deps: {
  orders: () => Promise<{
    desk: WorkstationOrders;
    refused: CatalogueRefusal | null;
    settlements: () => Promise<void>;
  }>;
  actor: string;
  clock: Clock;
  language: () => Language;
  refusalReasons: () => Promise<{ code: string; label: string }[]>;
  /** Writes the orders to a file the operator chooses, on a worker thread. */
  exportOrders: (
    query: Omit<OrderQuery, 'limit' | 'after'>,
    format: 'csv' | 'xlsx',
  ) => Promise<{ saved: boolean; rows: number }>;
}): HandlersOf<'orders.' | 'complaints.' | 'knowledge.' | 'settlements.'> {
  const { actor } = deps;
  const desk = async () => (await deps.orders()).desk;
  const run = async <T>(work: (desk: WorkstationOrders) => T) => {
    const found = await desk();
    return refusalsAsCodes(() => work(found));
  };
  return {
    'orders.catalogue': async () => {
      const { desk: found, refused } = await deps.orders();
      const inUse = found.catalogue.current();
      const language = deps.language();
      const moment = localMoment(deps.clock.now());
      const catalogue = inUse?.catalogue;
      return {
        inUse: inUse === undefined ? null : { version: inUse.version, appliedAt: inUse.appliedAt },
        refused,
        orderTypes: catalogue?.orderTypes ?? [],
        products: (catalogue?.products ?? [])
          .filter((p) => p.active)
          .map((p) => ({ code: p.code, name: p.name, priceKop: p.priceKop ?? null })),
        tariffs: (catalogue?.tariffs ?? []).map((t) => ({
          code: t.code,
          name: t.name,
          monthlyFeeKop: t.monthlyFeeKop,
          valid: t.active && inForce(moment.today, t.validFrom, t.validTo),
        })),
        complaintCategories: (catalogue?.complaintCategories ?? []).map((c) => ({
          code: c.code,
          label: localized(c.label, language),
        })),
        refusalReasons: await deps.refusalReasons(),
        ...moment,
      };
    },
    'orders.draft.open': async ({ typeCode, clientId, interactionId }) => {
      // An address will be looked up next: the codifier is read now if it has not been.
      void (await deps.orders()).settlements();
      return run((d) =>
        d.drafts.open({
          typeCode,
          clientId,
          actor,
          ...(interactionId === undefined ? {} : { interactionId }),
        }),
      );
    },
    'orders.draft.get': ({ uid }) => run((d) => d.drafts.get(uid) ?? null),
    'orders.draft.save': ({ uid, values }) => run((d) => d.drafts.save(uid, values, actor)),
    'orders.draft.confirm': ({ uid }) => run((d) => d.book.confirm(uid, actor)),
    'orders.draft.discard': ({ uid }) => run((d) => ({ discarded: d.drafts.discard(uid, actor) })),
    'orders.drafts': () => run((d) => d.drafts.mine(actor)),
    'orders.submit': ({ uid, notADouble }) => run((d) => d.book.submit(uid, actor, { notADouble })),
    'orders.list': (query) => run((d) => d.book.list(query, actor)),
    'orders.export': ({ query, format }) => deps.exportOrders(query, format),
    'orders.setStatus': ({ id, status, note }) =>
      run((d) => d.book.setStatus(id, status, actor, note)),
    'complaints.register': ({ interactionId, orderId, dueOn, ...complaint }) =>
      run((d) =>
        d.complaints.register(
          {
            ...complaint,
            ...(interactionId === undefined ? {} : { interactionId }),
            ...(orderId === undefined ? {} : { orderId }),
            ...(dueOn === undefined ? {} : { dueOn }),
          },
          actor,
        ),
      ),
    'complaints.setStatus': ({ id, status, justified }) =>
      run((d) => d.complaints.setStatus(id, status, actor, justified)),
    'complaints.ofClient': ({ clientId }) => run((d) => d.complaints.ofClient(clientId)),
    'knowledge.search': ({ text }) => run((d) => d.knowledge.find(text)),
    'knowledge.article': ({ id }) => run((d) => d.knowledge.article(id) ?? null),
    'knowledge.offer': ({ reasonCode, ...made }) =>
      run((d) =>
        d.knowledge.offer({ ...made, ...(reasonCode === undefined ? {} : { reasonCode }) }, actor),
      ),
    'settlements.search': async ({ text }) => {
      await (await deps.orders()).settlements();
      return run((d) => d.settlements.find(text));
    },
  };
}
