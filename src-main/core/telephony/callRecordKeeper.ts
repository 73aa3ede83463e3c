import type { CallRecords } from '../calls/callRecords';
import type { CallerMatch } from '../clients/callerId';
import type { Logger } from '../platform/ports';
import type { LiveCall } from './liveCall';
import { dialogOf } from './sipDialogRecord';

export type OpenBase = { records: CallRecords; callerId: (number: string) => CallerMatch[] };

/**
 * Each call's interaction row, from the moment it is offered: the caller
 * looked up among the clients, the row started, its answer and end written.
 * A call that comes before the base is open is recorded once it opens; a
 * base that cannot be written never stops the call (it is logged).
 */
export class CallRecordKeeper {
  /** The client base, once it has answered (it stays the same from then on). */
  private base: OpenBase | undefined;

  constructor(
    private readonly database: () => Promise<OpenBase>,
    private readonly logger: Logger,
  ) {}

  /** Whether the caller can be looked up at once, before the call is first shown. */
  isOpen(): boolean {
    return this.base !== undefined;
  }

  /** Looks the caller up and starts the row: now if the base is open, else when it opens (`then`). */
  begin(call: LiveCall, sipCallId: string, then: () => void): void {
    if (this.base !== undefined) {
      this.beginWith(call, this.base, sipCallId);
      return;
    }
    void this.database().then(
      (base) => {
        this.base = base;
        this.beginWith(call, base, sipCallId);
        then();
      },
      (error: unknown) =>
        this.logger.error('call: could not record the call', { error: String(error) }),
    );
  }

  answered(call: LiveCall, at: Date): void {
    const dialog = dialogOf(call.session);
    void this.update(call, (records, id) => records.answered(id, at, dialog));
  }

  ended(call: LiveCall): void {
    void this.update(call, (records) => this.writeEnd(call, records));
  }

  private beginWith(call: LiveCall, base: OpenBase, sipCallId: string): void {
    try {
      const matches = call.view.remoteNumber === '' ? [] : base.callerId(call.view.remoteNumber);
      const client = matches.length === 1 && matches[0] !== undefined ? matches[0] : null;
      call.view.matches = matches.length;
      call.view.client =
        client === null ? null : { id: client.clientId, fullName: client.fullName };
      call.view.interactionId = base.records.start({
        direction: call.view.direction,
        remoteNumber: call.view.remoteNumber,
        sipCallId,
        clientId: client?.clientId ?? null,
        offeredAt: new Date(call.view.offeredAt),
      });
      // A call that already ended while the base was opening is closed at once.
      if (call.view.endedAt !== null) this.writeEnd(call, base.records);
      else if (call.view.answeredAt !== null)
        base.records.answered(
          call.view.interactionId,
          new Date(call.view.answeredAt),
          dialogOf(call.session),
        );
    } catch (error) {
      this.logger.error('call: could not record the call', { error: String(error) });
    }
  }

  private async update(
    call: LiveCall,
    write: (records: CallRecords, interactionId: number) => void,
  ): Promise<void> {
    if (call.view.interactionId === null) return; // begin() writes it when the base opens
    try {
      write((await this.database()).records, call.view.interactionId);
    } catch (error) {
      this.logger.error('call: could not update the call record', { error: String(error) });
    }
  }

  private writeEnd(call: LiveCall, records: CallRecords): void {
    if (call.view.interactionId === null || call.view.endedAt === null) return;
    const offered = Date.parse(call.view.offeredAt);
    const ended = Date.parse(call.view.endedAt);
    const answered = call.view.answeredAt === null ? null : Date.parse(call.view.answeredAt);
    records.ended(call.view.interactionId, {
      endedAt: new Date(ended),
      endCause: call.view.endCause ?? 'failed',
      ringSeconds: ((answered ?? ended) - offered) / 1000,
      talkSeconds:
        answered === null ? 0 : Math.max(0, (ended - answered) / 1000 - call.holdSeconds),
      holdSeconds: call.holdSeconds,
      transferTarget: call.transferTarget,
    });
  }
}
