import type BetterSqlite3 from 'better-sqlite3';
import { recordChange } from '../db/changeJournal';
import { normalizePhone } from '../phones/phoneNumbers';
import { nameSortKey } from '../clients/nameSortKey';
import type { Clock } from '../platform/ports';
import { randomUUID } from 'node:crypto';
import {
  demoScripts,
  demoSupportScript,
  demoSurveyScript,
  demoTelesalesScript,
  simulateRun,
} from './demoScripts';
import { makePerson, pick, seededRandom } from './ukrainianPeople';
import type { ScriptGraph } from '../../../src-shared/scripts/scriptGraph';

const products = [
  ['Домашній інтернет', 'Оптика до квартири, підключення за 3 дні', null],
  ['Цифрове ТБ', '200+ каналів, приставка в оренду', null],
  ['Мобільний зв’язок', 'SIM-картка з перенесенням номера', null],
  ['Wi-Fi роутер', 'Дводіапазонний роутер з налаштуванням', 1499],
] as const;
const tariffs = [
  [1, 'Інтернет 100', 'До 100 Мбіт/с', 180],
  [1, 'Інтернет 500', 'До 500 Мбіт/с', 250],
  [1, 'Інтернет 1000', 'До 1 Гбіт/с', 350],
  [2, 'ТБ Базовий', '120 каналів', 120],
  [2, 'ТБ Преміум', '230 каналів, кіно', 220],
  [3, 'Мобільний Старт', '10 ГБ, 300 хв', 150],
  [3, 'Мобільний Безлім', 'Безлімітний інтернет', 300],
] as const;
const promotions = [
  ['Перший місяць за 1 грн', 'Для нових абонентів інтернету', '2026-01-01', '2026-12-31'],
  ['Інтернет + ТБ −20%', 'Знижка на пакет', '2026-03-01', '2026-09-30'],
  ['Роутер у подарунок', 'При підключенні тарифу 500 або 1000', '2026-06-01', '2027-01-31'],
] as const;
const outcomes = ['sale', 'refused', 'callback', 'noAnswer', 'info'] as const;
const demoOperator = 'demo.operator';
const tagNames = ['VIP', 'Новий', 'Боржник', 'Юрособа', 'Пенсіонер'];
const complaintSubjects = [
  'Немає інтернету',
  'Не приїхала бригада',
  'Подвійне списання',
  'Погана якість ТБ',
];

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
    for (const [name, description, price] of products) {
      sqlite
        .prepare('INSERT INTO products (name, description, price_uah) VALUES (?, ?, ?)')
        .run(name, description, price);
    }
    for (const [product, name, description, fee] of tariffs) {
      sqlite
        .prepare(
          'INSERT INTO tariffs (product_id, name, description, monthly_fee_uah) VALUES (?, ?, ?, ?)',
        )
        .run(product, name, description, fee);
    }
    for (const [name, description, starts, ends] of promotions) {
      sqlite
        .prepare(
          'INSERT INTO promotions (name, description, starts_on, ends_on) VALUES (?, ?, ?, ?)',
        )
        .run(name, description, starts, ends);
    }
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
        demoOperator,
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
         ring_seconds, talk_seconds, outcome, refusal_reason_id, notes) VALUES (?, 'call', ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
    );
    const insertOffer = sqlite.prepare(
      'INSERT INTO offers (client_id, interaction_id, tariff_id, promotion_id, offered_at, result, refusal_reason_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertOrder = sqlite.prepare(
      `INSERT INTO orders (client_id, interaction_id, service_type, status, amount_uah, scheduled_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertComplaint = sqlite.prepare(
      `INSERT INTO complaints (client_id, subject, body, status, justified, created_at, updated_at)
       VALUES (?, ?, '', ?, ?, ?, ?)`,
    );
    const summary: DemoSummary = { clients: 0, interactions: 0, orders: 0, complaints: 0 };
    for (let i = 0; i < clientCount; i++) {
      const person = makePerson(random, i + 17);
      const phone = normalizePhone(person.phone);
      const calls = Math.floor(random() * 8);
      const times = Array.from(
        { length: calls },
        () => yearAgo + random() * (now.getTime() - yearAgo),
      ).sort();
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
            at(time + 8000 + talk * 1000),
            8,
            talk,
            outcome,
            refusal,
          ).lastInsertRowid,
        );
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
            1 + Math.floor(random() * tariffs.length),
            random() < 0.3 ? 1 + Math.floor(random() * promotions.length) : null,
            at(time),
            outcome === 'sale' ? 'accepted' : 'refused',
            refusal,
          );
        }
        if (outcome === 'sale') {
          const done = openOrder === 0 || n < times.length - 1;
          insertOrder.run(
            id,
            callId,
            'internet',
            done ? 'done' : 'open',
            180 + Math.floor(random() * 200),
            at(time + 3 * 864e5),
            at(time),
            at(time),
          );
          summary.orders++;
        }
      }
      if (openComplaint === 1 || random() < 0.02) {
        const time = at(yearAgo + random() * (now.getTime() - yearAgo));
        insertComplaint.run(
          id,
          pick(random, complaintSubjects),
          openComplaint === 1 ? 'open' : 'resolved',
          random() < 0.5 ? 1 : 0,
          time,
          time,
        );
        summary.complaints++;
      }
      summary.clients++;
    }
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
