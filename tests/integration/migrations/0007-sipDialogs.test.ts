import { describe, expect, it } from 'vitest';
import { CallRecords } from '../../../src-main/core/calls/callRecords';
import { upgradeTo } from './upgrade';

const dialog = {
  callId: 'abc@pbx',
  localTag: 'l1',
  remoteTag: 'r1',
  localUri: 'sip:agent1@127.0.0.1',
  remoteUri: 'sip:+380671234567@127.0.0.1',
  remoteTarget: 'sip:caller@x.invalid;transport=ws',
  routeSet: ['<sip:127.0.0.1:8080;transport=ws;lr>'],
};

describe('migration 7, from version 6', () => {
  it('calls keep their SIP dialog while they last; one a kill cut off is owed a BYE, once', async () => {
    let before = 0;
    const v7 = await upgradeTo(7, (v6) => {
      // Version 6's own statement: CallRecords of today already names the new column.
      before = Number(
        v6.sqlite
          .prepare(
            `INSERT INTO interactions (kind, direction, remote_number, sip_call_id, offered_at)
             VALUES ('call', 'inbound', '+380671234567', 'old', '2026-12-01T10:00:00.000Z')`,
          )
          .run().lastInsertRowid,
      );
    });
    try {
      const records = new CallRecords(v7.sqlite);
      // A row from before the upgrade is read as it was, with no dialog.
      expect(records.since(new Date(0)).map((r) => r.interactionId)).toContain(before);
      const start = (sipCallId: string) =>
        records.start({
          direction: 'inbound',
          remoteNumber: '+380671234567',
          sipCallId,
          clientId: null,
          offeredAt: new Date('2026-12-06T10:00:00Z'),
        });
      const ended = start('ended');
      records.answered(ended, new Date('2026-12-06T10:00:05Z'), dialog);
      records.ended(ended, {
        endedAt: new Date('2026-12-06T10:01:00Z'),
        endCause: 'localHangup',
        ringSeconds: 5,
        talkSeconds: 55,
        holdSeconds: 0,
        transferTarget: null,
      });
      const cutOff = start('cut-off');
      records.answered(cutOff, new Date('2026-12-06T10:02:05Z'), dialog);
      // The app is killed; the next start closes what was left open.
      expect(records.closeAbandoned(new Date('2026-12-06T11:00:00Z'))).toBe(2);
      expect(records.byeOwed()).toEqual([{ interactionId: cutOff, dialog }]);
      records.byeSent(cutOff);
      expect(records.byeOwed()).toEqual([]);
    } finally {
      await v7.close();
    }
  });
});
