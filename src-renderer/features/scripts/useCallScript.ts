import { useEffect, useState } from 'react';
import type { ScriptRunView } from '../../../src-shared/scripts/scriptRunView';
import type { CallView } from '../../../src-shared/telephony/callView';
import { invoke } from '../../api/pultClient';
import { reportProblem } from '../../common/problems';
import { runChanges } from './runChanges';

/** The call the script panel follows: the one being talked on (or held). */
export function talkingCall(calls: CallView[]): CallView | undefined {
  return calls.find(
    (c) => (c.state === 'active' || c.state === 'held') && c.interactionId !== null,
  );
}

/** How long a run cut off (a reload, a kill) is offered again when Pult starts. */
const resumeWithinMs = 12 * 3600_000;

/**
 * The run the panel beside the card shows: the talking call's (started by
 * main from the call's line once the call is answered, or picked by the
 * operator), kept after the call ends until another call starts or the
 * operator closes it; with no call, the run a reload or a kill cut off.
 */
export function useCallScript(calls: CallView[]) {
  const call = talkingCall(calls);
  const interactionId = call?.interactionId ?? null;
  const [run, setRun] = useState<ScriptRunView | null>(null);
  /** The call the panel is for, once asked: no script for its line leaves the picker. */
  const [forCall, setForCall] = useState<number | null>(null);
  const [resumed, setResumed] = useState(false);

  useEffect(() => {
    if (interactionId === null) return;
    let current = true;
    invoke('scripts.forCall', { interactionId }).then(
      (result) => {
        if (!current) return;
        setForCall(interactionId);
        setResumed(false);
        setRun(result.run);
        if (result.run !== null) runChanges.publish(result.run);
      },
      (e: unknown) => reportProblem('script', e),
    );
    return () => {
      current = false;
    };
  }, [interactionId]);

  // Started again after a reload or a kill: the run left unfinished comes back, on its node.
  useEffect(() => {
    invoke('scripts.unfinished').then(
      (runs) => {
        const last = runs[0];
        if (last === undefined || Date.now() - Date.parse(last.startedAt) > resumeWithinMs) return;
        void invoke('scripts.run', { runId: last.runId }).then((view) => {
          setRun((shown) => shown ?? view);
          setResumed(true);
        });
      },
      (e: unknown) => reportProblem('script', e),
    );
  }, []);

  return {
    call,
    run,
    setRun,
    /**
     * The talking call has been asked for its script and has none: the
     * operator may pick one (the panel opens on their asking, not by itself).
     */
    canPick: call !== undefined && forCall === interactionId && run === null,
    resumed,
    close: () => {
      setRun(null);
      setResumed(false);
    },
  };
}
