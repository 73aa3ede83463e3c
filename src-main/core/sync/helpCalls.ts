import { v7 as uuidv7 } from 'uuid';
import type { HelpRequest } from '../../../src-shared/sync/supervisorView';
import type { CallView } from '../../../src-shared/telephony/callView';
import { Refusal } from '../platform/refusal';
import { sqlStateOf } from './outboxPush';
import type { TeamConnection } from './pgConnection';

export type HelpProblem =
  'teamOffline' | 'notSupervisor' | 'alreadyDecided' | 'callNotFound' | 'noOwnLine';
export class HelpRefusal extends Refusal<HelpProblem> {}

/**
 * "Ask for help" (звернутися до старшого): the operator's live call, with
 * its client and line, reaches the team's supervisors online through the
 * center; the first supervisor to answer gives their line, which reaches the
 * operator's desk, and the operator consults them and transfers the call.
 */
export class HelpCalls {
  constructor(
    private readonly deps: {
      connection: () => Promise<Pick<TeamConnection, 'askHelp' | 'answerHelp'>>;
      /** The caller's number as the card shows it (masked by IT's policy). */
      showNumber: (number: string) => string;
    },
  ) {}

  async ask(call: CallView | undefined): Promise<{ uid: string }> {
    if (call === undefined || call.state === 'ended') throw new HelpRefusal('callNotFound');
    const uid = uuidv7();
    const request: HelpRequest = {
      callId: call.id,
      direction: call.direction,
      clientName: call.client?.fullName ?? null,
      number: this.deps.showNumber(call.remoteNumber).slice(0, 40),
      line: call.line,
    };
    await this.onCenter((connection) => connection.askHelp(uid, request));
    return { uid };
  }

  /** The supervisor's answer: the line (their SIP user) the operator transfers the call to. */
  async answer(uid: string, extension: string | undefined): Promise<void> {
    // No SIP line of their own: nowhere to transfer the call to.
    if (extension === undefined) throw new HelpRefusal('noOwnLine');
    await this.onCenter((connection) => connection.answerHelp(uid, extension));
  }

  private async onCenter(
    act: (connection: Pick<TeamConnection, 'askHelp' | 'answerHelp'>) => Promise<void>,
  ): Promise<void> {
    let connection;
    try {
      connection = await this.deps.connection();
    } catch {
      throw new HelpRefusal('teamOffline');
    }
    try {
      await act(connection);
    } catch (error) {
      const code = sqlStateOf(error);
      if (code === '42501') throw new HelpRefusal('notSupervisor');
      if (code === '55000' || code === '42704') throw new HelpRefusal('alreadyDecided');
      if (code === undefined) throw new HelpRefusal('teamOffline');
      throw error;
    }
  }
}
