import type BetterSqlite3 from 'better-sqlite3';
import {
  syncedClientFields,
  type SyncedClientField,
} from '../../../src-shared/clients/syncedClientFields';
import { recordChange } from './changeJournal';

export { syncedClientFields, type SyncedClientField };
export type ClientFields = { [K in SyncedClientField]: K extends 'doNotCall' ? boolean : string };

export interface ClientPhoneState {
  e164: string;
  raw: string;
  label: string;
}

/** A client as the team shares it. */
export interface ClientState {
  fields: ClientFields;
  phones: ClientPhoneState[];
  tags: string[];
}

/**
 * A client change in the outbox: the global id, the fields it set, and the
 * phones and tags it added or removed. Only what changed travels, so an edit
 * of one field never overwrites a colleague's edit of another.
 */
export interface ClientChangePayload {
  id: number;
  uid: string;
  set: Partial<ClientFields>;
  phones: { add: ClientPhoneState[]; remove: string[] };
  tags: { add: string[]; remove: string[] };
}

/** What changed from `before` (undefined: a new client) to `after`. */
export function clientChange(
  id: number,
  uid: string,
  before: ClientState | undefined,
  after: ClientState,
): ClientChangePayload {
  const set: Partial<Record<SyncedClientField, string | boolean>> = {};
  for (const field of syncedClientFields)
    if (before === undefined || before.fields[field] !== after.fields[field])
      set[field] = after.fields[field];
  const beforePhones = new Map(before?.phones.map((p) => [p.e164, p]));
  const afterPhones = new Set(after.phones.map((p) => p.e164));
  const beforeTags = new Set(before?.tags);
  const afterTags = new Set(after.tags);
  return {
    id,
    uid,
    set: set as Partial<ClientFields>,
    phones: {
      add: after.phones.filter((p) => {
        const was = beforePhones.get(p.e164);
        // Its spelling is not a change: only a new number or a new label is.
        return was === undefined || was.label !== p.label;
      }),
      remove: [...beforePhones.keys()].filter((e164) => !afterPhones.has(e164)),
    },
    tags: {
      add: after.tags.filter((tag) => !beforeTags.has(tag)),
      remove: [...beforeTags].filter((tag) => !afterTags.has(tag)),
    },
  };
}

/**
 * Marks a client "do not call" (a refusal "do not call me", a removal from
 * every list) with its own client change, so the team's base keeps it too.
 * Call inside the transaction of the change that caused it.
 */
export function markDoNotCall(
  sqlite: BetterSqlite3.Database,
  clientId: number,
  change: { at: string; actor: string; action: string },
): void {
  const row = sqlite
    .prepare<[number], { uid: string; doNotCall: number }>(
      'SELECT uid, do_not_call AS doNotCall FROM clients WHERE id = ?',
    )
    .get(clientId);
  if (row === undefined || row.doNotCall === 1) return;
  sqlite
    .prepare('UPDATE clients SET do_not_call = 1, updated_at = ? WHERE id = ?')
    .run(change.at, clientId);
  const payload: ClientChangePayload = {
    id: clientId,
    uid: row.uid,
    set: { doNotCall: true },
    phones: { add: [], remove: [] },
    tags: { add: [], remove: [] },
  };
  recordChange(sqlite, {
    at: change.at,
    actor: change.actor,
    action: change.action,
    entity: 'client',
    entityId: clientId,
    details: { fields: ['doNotCall'] },
    outbox: { op: 'update', payload },
  });
}
