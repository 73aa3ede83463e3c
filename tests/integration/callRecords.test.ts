import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallRecords, isMissed } from '../../src-main/core/calls/callRecords';
import { ClientCardReader } from '../../src-main/core/clients/clientCard';
import { ClientEditor } from '../../src-main/core/clients/clientEditor';
import type { PultDatabase } from '../../src-main/core/db/database';
import { openTempDatabase } from '../support/tempDatabase';

let db: PultDatabase;
const clock = { now: () => new Date('2026-11-27T10:00:00Z') };
let clientId = 0;

beforeEach(async () => {
  db = await openTempDatabase();
  const created = new ClientEditor(db, clock).create(
    { fullName: 'Коваленко Ірина', phones: [{ raw: '0671234567' }] },
    'op1',
  );
  if (!created.ok) throw new Error('client');
  clientId = created.id;
});
afterEach(async () => {
  await db.close();
});

describe('call records', () => {
  it('a call is a row from the moment it rings, completed as it goes, in the card history', () => {
    const records = new CallRecords(db.sqlite);
    const id = records.start({
      direction: 'inbound',
      remoteNumber: '+380671234567',
      sipCallId: 'abc@pbx',
      clientId,
      offeredAt: new Date('2026-11-27T09:00:00Z'),
    });
    expect(records.since(new Date('2026-11-27T00:00:00Z'))[0]).toMatchObject({
      interactionId: id,
      clientName: 'Коваленко Ірина',
      endedAt: null,
    });
    records.answered(id, new Date('2026-11-27T09:00:06Z'));
    records.ended(id, {
      endedAt: new Date('2026-11-27T09:02:06Z'),
      endCause: 'remoteHangup',
      ringSeconds: 6,
      talkSeconds: 110,
      holdSeconds: 10,
      transferTarget: null,
    });
    const [entry] = records.since(new Date('2026-11-27T00:00:00Z'));
    expect(entry).toMatchObject({ talkSeconds: 110, endCause: 'remoteHangup' });
    expect(isMissed(entry!)).toBe(false);
    const card = new ClientCardReader(db.sqlite, () => 'uk').read(clientId);
    expect(card?.history[0]).toMatchObject({
      kind: 'call',
      direction: 'inbound',
      talkSeconds: 110,
    });
  });

  it('a caller who hung up before the answer is a missed call; a rejected one is not', () => {
    const records = new CallRecords(db.sqlite);
    const end = (cause: string) => {
      const id = records.start({
        direction: 'inbound',
        remoteNumber: '+380671234567',
        sipCallId: cause,
        clientId: null,
        offeredAt: new Date('2026-11-27T09:00:00Z'),
      });
      records.ended(id, {
        endedAt: new Date('2026-11-27T09:00:20Z'),
        endCause: cause,
        ringSeconds: 20,
        talkSeconds: 0,
        holdSeconds: 0,
        transferTarget: null,
      });
    };
    end('canceled');
    end('rejected');
    const byCause: Record<string, boolean> = Object.fromEntries(
      records.since(new Date(0)).map((e): [string, boolean] => [e.endCause ?? '', isMissed(e)]),
    );
    expect(byCause).toEqual({ canceled: true, rejected: false });
  });

  it('a call cut off by a kill keeps its row, closed as such at the next start', () => {
    const id = new CallRecords(db.sqlite).start({
      direction: 'outbound',
      remoteNumber: '+380671234567',
      sipCallId: 'x',
      clientId,
      offeredAt: new Date('2026-11-27T09:00:00Z'),
    });
    // The next run of the app:
    const next = new CallRecords(db.sqlite);
    expect(next.closeAbandoned(new Date('2026-11-27T11:00:00Z'))).toBe(1);
    expect(next.since(new Date(0))[0]).toMatchObject({
      interactionId: id,
      endCause: 'appClosed',
      endedAt: '2026-11-27T11:00:00.000Z',
    });
    expect(next.closeAbandoned(new Date())).toBe(0);
  });
});
