import { isMissed } from '../../core/calls/callRecords';
import { maskCallerNumber } from '../../core/phones/phoneMasking';
import type { MachinePolicy } from '../../core/settings/machinePolicy';
import type { ScriptDesk } from '../../core/scripts/scriptDesk';
import type { CallCenter } from '../../core/workstation/callCenter';
import type { Language } from '../../../src-shared/settings/userSettingsSchema';
import type { HandlersOf } from './handlerTypes';

/** Calls: the operator's actions on them, dialling, today's log, wrap-up, and the media bridge. */
export function callHandlers(deps: {
  callCenter: CallCenter;
  policy: MachinePolicy;
  /** A number as typed, in the PBX's dialling format (or undefined when it is no number). */
  dialTarget: (typed: string) => string | undefined;
  language: () => Language;
  /** The call scripts: what a call's ended run proposes for its wrap-up. */
  scripts: () => Promise<ScriptDesk>;
  actor: string;
  /** A client's phone by its place on the card, from the base. */
  clientPhone: (clientId: number, index: number) => Promise<string | undefined>;
}): HandlersOf<'calls.' | 'wrapUp.' | 'media.'> {
  const { calls, media } = deps.callCenter;
  const outcome = (done: boolean) =>
    done ? { done: true as const } : { done: false as const, reason: 'notNow' as const };
  return {
    'calls.departments': () => deps.policy.calls.departments,
    'calls.list': () => calls.list(),
    'calls.act': (action) => {
      if (action.action === 'transfer' || action.action === 'consult') {
        // Transfer targets follow the same dialling rules as any call out.
        const target = deps.dialTarget(action.target);
        if (target === undefined) return { done: false, reason: 'invalidNumber' };
        return outcome(calls.act({ ...action, target }));
      }
      return outcome(calls.act(action));
    },
    'calls.dial': async (request) => {
      const number =
        'number' in request
          ? request.number
          : 'interactionId' in request
            ? await deps.callCenter.numberOfCall(request.interactionId)
            : await deps.clientPhone(request.clientId, request.phone);
      const target = number === undefined ? undefined : deps.dialTarget(number);
      if (target === undefined) return { ok: false, error: 'invalidNumber' };
      return calls.dial(target);
    },
    // Numbers masked: calling one back goes by the call (interactionId), not by the number.
    'calls.log': async () =>
      (await deps.callCenter.callLog()).map((entry) => ({
        ...entry,
        remoteNumber: maskCallerNumber(entry.remoteNumber),
        missed: isMissed(entry),
      })),
    'calls.clearEnded': () => {
      calls.clearEnded();
      return { ok: true };
    },
    'wrapUp.pending': async () => {
      const pending = await deps.callCenter.pendingWrapUp(deps.language());
      if (pending === null) return null;
      const suggested = (await deps.scripts()).suggestion(pending.interactionId);
      return {
        ...pending,
        suggested:
          suggested === null
            ? null
            : { disposition: suggested.disposition, refusalReason: suggested.refusalReason },
      };
    },
    'wrapUp.finish': async (input) => {
      const pending = await deps.callCenter.pendingWrapUp(deps.language());
      const result = await deps.callCenter.finishWrapUp(input);
      // Saved with another outcome than the script's end proposed: the change is recorded.
      if (result.ok && pending !== null) {
        const desk = await deps.scripts();
        const suggested = desk.suggestion(pending.interactionId);
        if (suggested !== null)
          desk.recordOverride(
            suggested,
            {
              disposition: input.disposition ?? null,
              refusalReason: input.refusalReason ?? null,
            },
            pending.interactionId,
            deps.actor,
          );
      }
      return result;
    },
    'media.attach': () => {
      deps.callCenter.attachMedia();
      return { ok: true };
    },
    'media.respond': (response) => {
      media.respond(response);
      return { ok: true };
    },
    'media.event': (event) => {
      media.event(event);
      return { ok: true };
    },
  };
}
