import { describe, expect, it } from 'vitest';
import { recordChange } from '../../../src-main/core/db/changeJournal';
import { insertClientAsBefore, upgradeTo } from './upgrade';

const uuidv7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('migration 16, from version 15', () => {
  it('gives every client and call a global id from its own time, every new one gets one, and the base made so far waits for its first upload', async () => {
    const db = await upgradeTo(16, (v15) => {
      insertClientAsBefore(v15, { fullName: 'Давня Клієнтка' }, '2025-03-01T09:00:00.000Z');
      insertClientAsBefore(v15, { fullName: 'Друга Клієнтка' }, '2026-11-01T09:00:00.000Z');
      v15.sqlite
        .prepare(
          "INSERT INTO interactions (client_id, kind, direction, offered_at) VALUES (1, 'call', 'inbound', '2026-11-02T10:00:00.000Z')",
        )
        .run();
    });
    try {
      const { sqlite } = db;
      const clients = sqlite.prepare('SELECT id, uid FROM clients ORDER BY id').all() as {
        id: number;
        uid: string;
      }[];
      expect(clients.map((c) => c.uid)).toEqual([
        expect.stringMatching(uuidv7),
        expect.stringMatching(uuidv7),
      ]);
      // UUIDv7 starts with the creation time: 2025-03-01 sorts before 2026-11-01.
      expect(clients[0]?.uid.slice(0, 8)).toBe(
        new Date('2025-03-01T09:00:00.000Z').getTime().toString(16).padStart(12, '0').slice(0, 8),
      );
      expect(clients[0]!.uid < clients[1]!.uid).toBe(true);
      expect(sqlite.prepare('SELECT uid FROM interactions').pluck().get()).toMatch(uuidv7);

      // Any later insert, by any path, gets its own id; two rows never share one.
      const later = insertClientAsBefore(db, { fullName: 'Нова Клієнтка' });
      sqlite
        .prepare(
          "INSERT INTO clients (full_name, created_at, updated_at, uid) VALUES ('Своя', 'x', 'x', ?)",
        )
        .run(clients[0]!.uid.replace(/.$/, (c) => (c === '0' ? '1' : '0')));
      expect(sqlite.prepare('SELECT uid FROM clients WHERE id = ?').pluck().get(later)).toMatch(
        uuidv7,
      );
      expect(() =>
        sqlite.prepare('UPDATE clients SET uid = ? WHERE id = ?').run(clients[0]!.uid, later),
      ).toThrow(/UNIQUE/);

      expect(
        sqlite
          .prepare('SELECT cursor, uploaded, upload_until AS uploadUntil FROM sync_state')
          .get(),
      ).toEqual({ cursor: 0, uploaded: 0, uploadUntil: 2 });
      // A change remembers how far the team's feed had been read when it was made.
      sqlite.prepare('UPDATE sync_state SET cursor = 41').run();
      recordChange(sqlite, {
        at: '2026-12-06T10:00:00.000Z',
        actor: 'op1',
        action: 'client.update',
        entity: 'client',
        entityId: later,
        details: {},
        outbox: { op: 'update', payload: {} },
      });
      expect(sqlite.prepare('SELECT seen FROM outbox ORDER BY id DESC LIMIT 1').pluck().get()).toBe(
        41,
      );
    } finally {
      await db.close();
    }
  });
});
