import { v7 as uuidv7 } from 'uuid';
import type { HelpRequest } from '../../../src-shared/sync/supervisorView';
import type { CallView } from '../../../src-shared/telephony/callView';
import { Refusal } from '../platform/refusal';
import { askCenter } from './askCenter';
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

  private onCenter(
    act: (connection: Pick<TeamConnection, 'askHelp' | 'answerHelp'>) => Promise<void>,
  ): Promise<void> {
    return askCenter(
      this.deps.connection,
      act,
      {
        offline: 'teamOffline',
        refusals: {
          '42501': 'notSupervisor',
          '55000': 'alreadyDecided',
          '42704': 'alreadyDecided',
        },
      },
      (problem: HelpProblem) => new HelpRefusal(problem),
    );
  }
}
