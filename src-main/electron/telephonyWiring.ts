import type { WebContents } from 'electron';
import { CallRecords } from '../core/calls/callRecords';
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
import { CallWork } from '../core/calls/callWork';
import { WrapUp, type WrapUpResult } from '../core/calls/wrapUp';
import type { WrapUpInput } from '../core/calls/wrapUpSchema';
import { inboundPolicy } from '../core/agent/agentStateMachine';
import type { AgentStateService } from '../core/agent/agentStateService';
import { offeredLists, type MachinePolicy } from '../core/settings/machinePolicy';
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
  const database = async () => {
    const { base } = await deps.clientBase();
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
  const work = new CallWork();
  // Time-boxed wrap-up, as IT configured it: a deadline the form counts down to.
  let wrapUpTimer: NodeJS.Timeout | undefined;
  let wrapUpDeadline: Date | null = null;
  const startWrapUpClock = () => {
    clearTimeout(wrapUpTimer);
    const { limitSeconds, whenTimeUp } = deps.policy.calls.wrapUp;
    wrapUpDeadline = limitSeconds > 0 ? new Date(Date.now() + limitSeconds * 1000) : null;
    if (limitSeconds === 0 || whenTimeUp !== 'ready') return;
    wrapUpTimer = setTimeout(() => {
      if (deps.agent.view().name !== 'wrapUp') return;
      // The calls keep their rows, without an outcome; back to work as the policy says.
      logger.info('wrap-up time is up', { calls: work.pendingWrapUps.length });
      work.pendingWrapUps.length = 0;
      deps.agent.apply({ type: 'wrapUpTimeUp' });
    }, limitSeconds * 1000);
  };
  const listeners: ((list: CallView[]) => void)[] = [];
  const calls = new CallController({
    media,
    database,
    liveCalls: deps.liveCalls,
    clock: systemClock,
    logger,
    onChanged: (list) => {
      const contents = deps.windowContents();
      if (contents !== undefined) sendEvent(contents, 'calls.changed', list, logger);
      for (const listener of listeners) listener(list);
      const event = work.update(list);
      if (event?.type === 'callStarted') {
        clearTimeout(wrapUpTimer);
        deps.agent.apply({ type: 'callStarted' });
      }
      if (event?.type === 'callEnded') {
        deps.agent.apply({ type: 'callEnded', wrapUp: work.pendingWrapUps.length > 0 });
        if (work.pendingWrapUps.length > 0) startWrapUpClock();
      }
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
  /** The call waiting for its wrap-up, with what the form offers. */
  const pendingWrapUp = async (language: 'uk' | 'en') => {
    const interactionId = work.pendingWrapUps[0];
    if (interactionId === undefined || deps.agent.view().name !== 'wrapUp') return null;
    const db = await database();
    const summary = db.wrapUps.callSummary(interactionId);
    if (summary === undefined) return null;
    return {
      interactionId,
      ...summary,
      reasons: db.wrapUps.refusalReasons(language),
      deadline: wrapUpDeadline?.toISOString() ?? null,
      whenTimeUp: deps.policy.calls.wrapUp.whenTimeUp,
      dispositions: offeredLists(deps.policy.lists).dispositions,
    };
  };
  const finishWrapUp = async (input: Omit<WrapUpInput, 'interactionId'>): Promise<WrapUpResult> => {
    const interactionId = work.pendingWrapUps[0];
    if (interactionId === undefined)
      return { ok: false, fieldErrors: { interactionId: 'notFound' } };
    const offered = offeredLists(deps.policy.lists).dispositions.flatMap((g) => g.items);
    if (input.disposition !== undefined && !offered.includes(input.disposition))
      return { ok: false, fieldErrors: { disposition: 'unknown' } };
    const result = (await database()).wrapUps.finish({ ...input, interactionId }, deps.actor);
    if (result.ok) {
      work.pendingWrapUps.shift();
      // Ready (or the Not Ready asked for) only when no call is left without its wrap-up.
      if (work.pendingWrapUps.length === 0) {
        clearTimeout(wrapUpTimer);
        deps.agent.apply({ type: 'finishWrapUp', complete: true });
      }
    }
    return result;
  };
  const onCallsChanged = (listener: (list: CallView[]) => void) => listeners.push(listener);
  return { calls, media, attachMedia, callLog, pendingWrapUp, finishWrapUp, onCallsChanged };
}
