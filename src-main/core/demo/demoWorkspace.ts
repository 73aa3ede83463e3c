import type BetterSqlite3 from 'better-sqlite3';
import { demoCampaigns } from './demoCampaigns';
import { recordChange } from '../db/changeJournal';
import { normalizePhone } from '../phones/phoneNumbers';
import { nameSortKey } from '../clients/nameSortKey';
import type { Clock } from '../platform/ports';
import { createHash, randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { applyCatalogue } from '../catalogue/catalogueLoader';
import { catalogueSchema } from '../../../src-shared/orders/catalogue';
import demoCatalogueFile from '../../../resources/catalogue/demo-catalogue.json';
import {
  demoScripts,
  demoSupportScript,
  demoSurveyScript,
  demoTelesalesScript,
  simulateRun,
} from './demoScripts';
import { makePerson, pick, seededRandom } from './ukrainianPeople';
import type { ScriptGraph } from '../../../src-shared/scripts/scriptGraph';
import { demoPerformance, workingMoment, type DemoCall } from './demoPerformance';

/** The catalogue Pult ships (resources/catalogue), checked as any catalogue file is. */
const demoCatalogue = catalogueSchema.parse(demoCatalogueFile);
const outcomes = ['sale', 'refused', 'callback', 'noAnswer', 'info'] as const;
const tagNames = ['VIP', 'Новий', 'Боржник', 'Юрособа', 'Пенсіонер'];
const complaintTexts = [
  ['noService', 'Немає послуги', 'Немає інтернету третій день'],
  ['technician', 'Не приїхав технік', 'Не приїхала бригада у визначений час'],
  ['billing', 'Нарахування та оплата', 'Подвійне списання за місяць'],
  ['quality', 'Якість послуги', 'Погана якість ТБ увечері'],
] as const;

export interface DemoSummary {
  clients: number;
  interactions: number;
  orders: number;
  complaints: number;
}

/**
 * Fills an empty database with a realistic workspace: clients with Ukrainian
 * names and addresses, products, tariffs, promotions and a year of calls,
 * offers (with refusal reasons), orders and complaints. Deterministic, so a
 * demo looks the same on every PC. Only ever run when the operator asks.
 * Raw prepared statements: a bulk load of thousands of rows, like an import.
 */
export function loadDemoWorkspace(
  sqlite: BetterSqlite3.Database,
  clock: Clock,
  actor: string,
  clientCount = 10_000,
): DemoSummary {
  const random = seededRandom(2026);
  const now = clock.now();
  const yearAgo = now.getTime() - 365 * 864e5;
  const at = (t: number) => new Date(t).toISOString();
  return sqlite.transaction((): DemoSummary => {
    const existing = (sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
    if (existing > 0) throw new Error('The demo workspace loads only into an empty client base');
    // The history offers what the catalogue in use sells; a base with none gets the demo's.
    const hasCatalogue = sqlite.prepare('SELECT 1 FROM catalogues LIMIT 1').get() !== undefined;
    if (!hasCatalogue)
      applyCatalogue(sqlite, demoCatalogue, {
        sha256: createHash('sha256').update(JSON.stringify(demoCatalogue)).digest('hex'),
        source: 'demo',
        at: now.toISOString(),
        actor,
      });
    const tariffIds = (
      sqlite.prepare('SELECT id FROM tariffs WHERE active = 1 ORDER BY id').all() as {
        id: number;
      }[]
    ).map((t) => t.id);
    const promotionIds = (
      sqlite.prepare('SELECT id FROM promotions WHERE active = 1 ORDER BY id').all() as {
        id: number;
      }[]
    ).map((p) => p.id);
    for (const tag of tagNames)
      sqlite.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)').run(tag);
    const reasonRows = sqlite.prepare('SELECT id, code FROM refusal_reasons ORDER BY id').all() as {
      id: number;
      code: string;
    }[];
    const reasons = reasonRows.map((r) => r.id);
    const reasonCode = new Map(reasonRows.map((r) => [r.id, r.code]));
    const scriptVersion = new Map<ScriptGraph, number>();
    for (const graph of demoScripts) {
      const created = at(yearAgo - 30 * 864e5);
      const scriptId = sqlite
        .prepare('INSERT INTO scripts (uid, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(randomUUID(), graph.name, created, created).lastInsertRowid;
      const versionId = sqlite
        .prepare(
          `INSERT INTO script_versions (script_id, version, status, graph, created_by, created_at, published_at)
           VALUES (?, 1, 'published', ?, 'supervisor', ?, ?)`,
        )
        .run(scriptId, JSON.stringify(graph), created, created).lastInsertRowid;
      scriptVersion.set(graph, Number(versionId));
    }
    const insertRun = sqlite.prepare(
      `INSERT INTO script_runs (version_id, interaction_id, client_id, started_by, started_at, current_node, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertStep = sqlite.prepare(
      `INSERT INTO script_run_steps (run_id, version_id, at, kind, node_id, value, seconds)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    /** A call's script run, as the operator would have left it. */
    const addRun = (
      graph: ScriptGraph,
      offerAnswer: string,
      clientId: number,
      callId: number,
      start: number,
    ) => {
      const versionId = scriptVersion.get(graph);
      if (versionId === undefined) return;
      const run = simulateRun(graph, random, offerAnswer, new Date(start));
      const last = run.steps.at(-1)?.at ?? 0;
      const runId = insertRun.run(
        versionId,
        callId,
        clientId,
        // The demo's own operators: its cut-off runs are not this operator's to go on with.
        actor,
        at(start),
        run.current,
        run.ended ? at(start + last * 1000) : null,
      ).lastInsertRowid;
      for (const step of run.steps)
        insertStep.run(
          runId,
          versionId,
          at(start + step.at * 1000),
          step.kind,
          step.nodeId,
          step.value === null ? null : JSON.stringify(step.value),
          step.seconds,
        );
    };

    const insertClient = sqlite.prepare(
      `INSERT INTO clients (full_name, sort_key, address, city, personal_account, do_not_call, last_outcome, last_contact_at,
         open_orders, open_complaints, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPhone = sqlite.prepare(
      'INSERT INTO client_phones (client_id, e164, raw, label, search_tokens) VALUES (?, ?, ?, ?, ?)',
    );
    const insertTag = sqlite.prepare('INSERT INTO client_tags (client_id, tag_id) VALUES (?, ?)');
    const insertCall = sqlite.prepare(
      `INSERT INTO interactions (client_id, kind, direction, remote_number, offered_at, answered_at, ended_at,
         ring_seconds, talk_seconds, hold_seconds, outcome, refusal_reason_id, wrapped_up_at, notes)
       VALUES (?, 'call', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
    );
    const insertOffer = sqlite.prepare(
      'INSERT INTO offers (client_id, interaction_id, tariff_id, promotion_id, offered_at, result, refusal_reason_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertOrder = sqlite.prepare(
      `INSERT INTO orders (uid, client_id, interaction_id, type_code, type_title, status, total_kop, due_at, "values",
         client_confirmed_at, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 'connection', 'Підключення послуги', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertOrderStatus = sqlite.prepare(
      'INSERT INTO order_status_events (order_id, status, at, actor) VALUES (?, ?, ?, ?)',
    );
    const insertComplaint = sqlite.prepare(
      `INSERT INTO complaints (uid, client_id, kind, category_code, category_title, body, status, justified, due_on,
         created_by, created_at, updated_at, resolved_at)
       VALUES (?, ?, 'complaint', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const summary: DemoSummary = { clients: 0, interactions: 0, orders: 0, complaints: 0 };
    const worked: DemoCall[] = [];
    for (let i = 0; i < clientCount; i++) {
      const person = makePerson(random, i + 17);
      const phone = normalizePhone(person.phone);
      const calls = Math.floor(random() * 8);
      // In the operator's working hours, as their own year of calls would be.
      const times = Array.from({ length: calls }, () =>
        workingMoment(yearAgo + random() * (now.getTime() - yearAgo), random),
      )
        .filter((t) => t < now.getTime())
        .sort();
      const lastOutcome = calls === 0 ? null : pick(random, outcomes);
      const openOrder = random() < 0.08 ? 1 : 0;
      const openComplaint = random() < 0.03 ? 1 : 0;
      const created = at(yearAgo - random() * 365 * 864e5);
      const id = Number(
        insertClient.run(
          person.fullName,
          nameSortKey(person.fullName),
          person.address,
          person.city,
          String(10_000_000 + i),
          random() < 0.02 ? 1 : 0,
          lastOutcome,
          times.length > 0 ? at(Math.max(...times)) : null,
          openOrder,
          openComplaint,
          created,
          created,
        ).lastInsertRowid,
      );
      if (phone.ok) insertPhone.run(id, phone.e164, person.phone, 'мобільний', phone.searchTokens);
      if (random() < 0.15) insertTag.run(id, 1 + Math.floor(random() * tagNames.length));
      for (const [n, time] of times.entries()) {
        const outcome =
          n === times.length - 1 && lastOutcome !== null ? lastOutcome : pick(random, outcomes);
        const answered = outcome !== 'noAnswer';
        const talk = answered ? 30 + Math.floor(random() * 600) : 0;
        const hold = answered && random() < 0.2 ? Math.floor(random() * 60) : 0;
        const ended = time + 8000 + (talk + hold) * 1000;
        const wrapped = answered ? ended + (15 + Math.floor(random() * 90)) * 1000 : null;
        const refusal =
          outcome === 'refused' ? (reasons[Math.floor(random() * reasons.length)] ?? null) : null;
        const direction = random() < 0.6 ? 'inbound' : 'outbound';
        const callId = Number(
          insertCall.run(
            id,
            direction,
            phone.ok ? phone.e164 : '',
            at(time),
            answered ? at(time + 8000) : null,
            at(ended),
            8,
            talk,
            hold,
            outcome,
            refusal,
            wrapped === null ? null : at(wrapped),
          ).lastInsertRowid,
        );
        if (wrapped !== null)
          worked.push({ answeredAt: time + 8000, endedAt: ended, wrappedAt: wrapped });
        summary.interactions++;
        if (answered) {
          const inbound = direction === 'inbound';
          const offerAnswer =
            outcome === 'sale'
              ? 'accepted'
              : `refused:${(refusal === null ? undefined : reasonCode.get(refusal)) ?? 'other'}`;
          if (!inbound && (outcome === 'sale' || outcome === 'refused'))
            addRun(demoTelesalesScript, offerAnswer, id, callId, time + 8000);
          else if (inbound && random() < 0.35)
            addRun(demoSupportScript, offerAnswer, id, callId, time + 8000);
          else if (!inbound && outcome === 'info' && random() < 0.5)
            addRun(demoSurveyScript, offerAnswer, id, callId, time + 8000);
        }
        if (outcome === 'sale' || outcome === 'refused') {
          insertOffer.run(
            id,
            callId,
            pick(random, tariffIds),
            random() < 0.3 && promotionIds.length > 0 ? pick(random, promotionIds) : null,
            at(time),
            outcome === 'sale' ? 'accepted' : 'refused',
            refusal,
          );
        }
        if (outcome === 'sale') {
          const done = openOrder === 0 || n < times.length - 1;
          const visit = at(time + 3 * 864e5).slice(0, 10);
          const sumKop = (180 + Math.floor(random() * 200)) * 100;
          const orderId = Number(
            insertOrder.run(
              uuidv7({ msecs: time }),
              id,
              callId,
              done ? 'done' : 'new',
              sumKop,
              `${visit}T10:00`,
              JSON.stringify({
                service: 'internet',
                visit: { date: visit, from: '10:00', to: '12:00' },
                sum: String(sumKop / 100),
              }),
              at(time),
              actor,
              at(time),
              at(time),
            ).lastInsertRowid,
          );
          insertOrderStatus.run(orderId, 'new', at(time), actor);
          if (done) insertOrderStatus.run(orderId, 'done', at(time + 3 * 864e5), actor);
          summary.orders++;
        }
      }
      if (openComplaint === 1 || random() < 0.02) {
        const moment = yearAgo + random() * (now.getTime() - yearAgo);
        const time = at(moment);
        const [category, title, text] = pick(random, complaintTexts);
        const resolved = openComplaint !== 1;
        insertComplaint.run(
          uuidv7({ msecs: moment }),
          id,
          category,
          title,
          text,
          resolved ? 'resolved' : 'open',
          resolved ? (random() < 0.5 ? 1 : 0) : null,
          at(moment + 15 * 864e5).slice(0, 10),
          actor,
          time,
          time,
          resolved ? at(moment + 5 * 864e5) : null,
        );
        summary.complaints++;
      }
      summary.clients++;
    }
    demoPerformance(sqlite, { now, actor, random, calls: worked });
    demoCampaigns(sqlite, { now, actor, random });
    recordChange(sqlite, {
      at: now.toISOString(),
      actor,
      action: 'workspace.demoLoaded',
      entity: 'workspace',
      entityId: null,
      details: { ...summary },
      outbox: { op: 'bulkInsert', payload: { demo: true, ...summary } },
    });
    return summary;
  })();
}
