import type { WebContents } from 'electron';
import { CallRecords } from '../core/calls/callRecords';
import { ScreenPops, screenPopCard } from '../core/calls/screenPops';
import type { ClientBase } from '../core/clients/clientBase';
import type { Logger } from '../core/platform/ports';
import { systemClock } from '../core/platform/ports';
import { CallController } from '../core/telephony/callController';
import type { CallView } from '../core/telephony/callView';
import type { LiveCallRegistry } from '../core/telephony/liveCallRegistry';
import { installJsSipMediaGlobals, MediaBridge } from '../core/telephony/media/mediaBridge';
import type { SipRegistration } from '../core/telephony/sipRegistration';
import type { SipAccount } from '../core/telephony/sipAccountSchema';
import { sendEvent } from './ipcBinding';
import { AfterCallWork } from '../core/calls/afterCallWork';
import { WrapUp } from '../core/calls/wrapUp';
import type { WrapUpInput } from '../core/calls/wrapUpSchema';
import { inboundPolicy } from '../core/agent/agentStateMachine';
import type { AgentStateService } from '../core/agent/agentStateService';
import type { MachinePolicy } from '../core/settings/machinePolicy';
import { syncRefusalReasons } from '../core/calls/refusalReasons';

/**
 * Calls: JsSIP's sessions in main, their audio in the main window. The
 * controller follows the registration's user agent; the window serves media
 * once it says so, and a window that goes away takes its calls' media with it
 * (the calls are ended properly rather than left silent).
 */
export function startTelephony(deps: {
  logger: Logger;
  agent: AgentStateService;
  policy: MachinePolicy;
  actor: string;
  registration: SipRegistration;
  liveCalls: LiveCallRegistry;
  clientBase: () => Promise<{ base: ClientBase }>;
  windowContents: () => WebContents | undefined;
  account: () => SipAccount | undefined;
  autoAnswer: () => boolean;
}) {
  const { logger } = deps;
  const media = new MediaBridge(logger);
  installJsSipMediaGlobals(media);
  let records: CallRecords | undefined;
  // Known once the controller has looked up a caller: the screen pop reads the card from it.
  let openedBase: ClientBase | undefined;
  const database = async () => {
    const { base } = await deps.clientBase();
    openedBase = base;
    if (records === undefined) {
      records = new CallRecords(base.db.sqlite);
      const reasons = deps.policy.lists.refusalReasons;
      if (reasons !== undefined) syncRefusalReasons(base.db.sqlite, reasons);
      const closed = records.closeAbandoned(systemClock.now());
      if (closed > 0) logger.warn('calls left open by the last run were closed', { closed });
    }
    wrapUps ??= new WrapUp(base.db.sqlite, systemClock);
    return { records, wrapUps, callerId: (number: string) => base.callerId(number) };
  };
  let wrapUps: WrapUp | undefined;
  const afterCalls = new AfterCallWork({
    agent: deps.agent,
    policy: deps.policy,
    wrapUps: async () => (await database()).wrapUps,
    actor: deps.actor,
    logger,
  });
  const listeners: ((list: CallView[]) => void)[] = [];
  const screenPops = new ScreenPops();
  const calls = new CallController({
    media,
    database,
    liveCalls: deps.liveCalls,
    clock: systemClock,
    logger,
    onChanged: (list) => {
      const contents = deps.windowContents();
      const pops = screenPops.next(list);
      if (contents !== undefined) {
        for (const pop of pops) {
          const card = openedBase?.card(pop.clientId);
          if (card)
            sendEvent(
              contents,
              'calls.screenPop',
              { callId: pop.callId, card: screenPopCard(card) },
              logger,
            );
        }
        sendEvent(contents, 'calls.changed', list, logger);
      }
      for (const listener of listeners) listener(list);
      afterCalls.callsChanged(list);
    },
    iceServers: () => (deps.account()?.iceServers ?? []).map((urls) => ({ urls })),
    dtmfMode: () => deps.account()?.dtmfMode ?? 'rfc4733',
    autoAnswer: () => deps.autoAnswer() && deps.agent.view().name === 'ready',
    admit: () =>
      inboundPolicy(deps.agent.view(), deps.policy.calls.whenNotReady) === 'decline'
        ? 'decline'
        : 'offer',
  });
  deps.registration.onAgent((ua) => calls.useAgent(ua));

  const attachMedia = () => {
    const contents = deps.windowContents();
    if (contents === undefined) return;
    media.attach((request) => sendEvent(contents, 'media.request', request, logger));
  };
  const callLog = async () => {
    const startOfDay = new Date();
    startOfDay.setHours(0, 0, 0, 0);
    return (await database()).records.since(startOfDay);
  };
  // Rows left open by a crash are closed as soon as the base is open, not at the first call.
  void database().catch(() => undefined);
  const onCallsChanged = (listener: (list: CallView[]) => void) => listeners.push(listener);
  return {
    calls,
    media,
    attachMedia,
    callLog,
    pendingWrapUp: (language: 'uk' | 'en') => afterCalls.pending(language),
    finishWrapUp: (input: Omit<WrapUpInput, 'interactionId'>) => afterCalls.finish(input),
    onCallsChanged,
  };
}
