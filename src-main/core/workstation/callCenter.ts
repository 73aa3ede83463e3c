import { inboundPolicy } from '../agent/agentStateMachine';
import type { AgentStateService } from '../agent/agentStateService';
import { AfterCallWork } from '../calls/afterCallWork';
import { CallRecords } from '../calls/callRecords';
import { syncRefusalReasons } from '../calls/refusalReasons';
import { ScreenPops, screenPopCard } from '../calls/screenPops';
import { WrapUp } from '../calls/wrapUp';
import type { Clock, Logger } from '../platform/ports';
import type { MachinePolicy } from '../settings/machinePolicy';
import type JsSIP from 'jssip';
import { CallController } from '../telephony/callController';
import { sendBye, type SipDialogRecord } from '../telephony/sipDialogRecord';
import type { LiveCallRegistry } from '../telephony/liveCallRegistry';
import { installJsSipMediaGlobals, MediaBridge } from '../telephony/media/mediaBridge';
import type { SipRegistration } from '../telephony/sipRegistration';
import type { WrapUpInput } from '../../../src-shared/calls/wrapUpSchema';
import type { CallView } from '../../../src-shared/telephony/callView';
import type { SipAccount } from '../../../src-shared/telephony/sipAccountSchema';
import type { EventSink } from './eventSink';
import type { WorkstationDatabase } from './workstationDatabase';

/**
 * Calls: JsSIP's sessions in main, their audio in the main window. The
 * controller follows the registration's user agent; the window serves media
 * once it says so; every change of the calls reaches the window (with the
 * caller's card the first time a known caller shows), the wrap-up and
 * whoever else listens (the headset's lights).
 */
export function startCallCenter(deps: {
  logger: Logger;
  clock: Clock;
  agent: AgentStateService;
  policy: MachinePolicy;
  actor: string;
  registration: SipRegistration;
  liveCalls: LiveCallRegistry;
  database: () => Promise<Pick<WorkstationDatabase, 'db' | 'clients'>>;
  send: EventSink;
  account: () => SipAccount | undefined;
  autoAnswer: () => boolean;
}) {
  const { logger, clock } = deps;
  const media = new MediaBridge(logger);
  installJsSipMediaGlobals(media);
  interface Opened {
    base: Pick<WorkstationDatabase, 'db' | 'clients'>;
    records: CallRecords;
    wrapUps: WrapUp;
  }
  const load = async (): Promise<Opened> => {
    const base = await deps.database();
    const records = new CallRecords(base.db.sqlite);
    const reasons = deps.policy.lists.refusalReasons;
    if (reasons !== undefined) syncRefusalReasons(base.db, reasons);
    const closed = records.closeAbandoned(clock.now());
    if (closed > 0) logger.warn('calls left open by the last run were closed', { closed });
    opened = { base, records, wrapUps: new WrapUp(base.db, clock) };
    return opened;
  };
  // Opened once; a base that failed to open is asked again by the next call.
  let opened: Opened | undefined;
  let opening: Promise<Opened> | undefined;
  const open = () =>
    (opening ??= load().catch((error: unknown) => {
      opening = undefined;
      throw error;
    }));
  const database = async () => {
    const { records, base } = await open();
    return { records, callerId: (number: string) => base.clients.callerId(number) };
  };
  const afterCalls = new AfterCallWork({
    agent: deps.agent,
    policy: deps.policy,
    wrapUps: async () => (await open()).wrapUps,
    actor: deps.actor,
    clock,
    logger,
  });
  const listeners: ((list: CallView[]) => void)[] = [];
  const screenPops = new ScreenPops();
  const calls = new CallController({
    media,
    database,
    liveCalls: deps.liveCalls,
    clock,
    logger,
    onChanged: (list) => {
      // Known once the controller has looked up a caller: the screen pop reads the card from it.
      for (const pop of screenPops.next(list)) {
        const card = opened?.base.clients.viewCard(pop.clientId, {
          actor: deps.actor,
          via: 'screenPop',
          masked: deps.policy.privacy.maskCard,
        });
        if (card) deps.send('calls.screenPop', { callId: pop.callId, card: screenPopCard(card) });
      }
      deps.send('calls.changed', list);
      for (const listener of listeners) listener(list);
      afterCalls.callsChanged(list);
    },
    iceServers: () => (deps.account()?.iceServers ?? []).map((urls) => ({ urls })),
    dtmfMode: () => deps.account()?.dtmfMode ?? 'rfc4733',
    autoAnswer: () => deps.autoAnswer() && deps.agent.view().name === 'ready',
    lineHeader: () => deps.policy.scripts.lineHeader,
    admit: () =>
      inboundPolicy(deps.agent.view(), deps.policy.calls.whenNotReady) === 'decline'
        ? 'decline'
        : 'offer',
  });
  deps.registration.onAgent((ua) => {
    calls.useAgent(ua);
    // Calls a crash or a kill cut off are ended at the PBX once the agent is registered again.
    ua?.once('registered', () => {
      endCutOffDialogs(ua).catch((error: unknown) =>
        logger.warn('calls cut off by the last run could not be ended at the PBX', {
          error: String(error),
        }),
      );
    });
  });
  const endCutOffDialogs = async (ua: JsSIP.UA) => {
    const { records } = await open();
    for (const { interactionId, dialog } of records.byeOwed()) {
      const status = await sendBye(ua, dialog as SipDialogRecord).catch(() => 0);
      records.byeSent(interactionId);
      logger.info('a call cut off by the last run was ended at the PBX', { interactionId, status });
    }
  };

  const callLog = async () => {
    const startOfDay = clock.now();
    startOfDay.setHours(0, 0, 0, 0);
    return (await database()).records.since(startOfDay);
  };
  // Rows left open by a crash are closed as soon as the base is open, not at the first call.
  void open().catch(() => undefined);
  return {
    calls,
    media,
    /** The window asked for its media requests: it serves them from now on. */
    attachMedia: () => media.attach((request) => deps.send('media.request', request)),
    callLog,
    /** The number a call in the log was with, to call it back. */
    numberOfCall: async (interactionId: number) =>
      (await database()).records.remoteNumberOf(interactionId),
    pendingWrapUp: (language: 'uk' | 'en') => afterCalls.pending(language),
    finishWrapUp: (input: Omit<WrapUpInput, 'interactionId'>) => afterCalls.finish(input),
    onCallsChanged: (listener: (list: CallView[]) => void) => listeners.push(listener),
    onWrappedUp: (listener: (wrapUp: WrapUpInput) => void) => afterCalls.onWrappedUp(listener),
  };
}

export type CallCenter = ReturnType<typeof startCallCenter>;
