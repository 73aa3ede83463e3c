import { useEffect, useRef } from 'react';
import type { CallView } from '../../../src-shared/telephony/callView';
import { ringer } from '../../media';

/** Rings while an inbound call waits for the operator; beeps once before an auto-answer. */
export function useCallSounds(calls: readonly CallView[]): void {
  const beeped = useRef(new Set<number>());
  useEffect(() => {
    const ringing = calls.filter((c) => c.state === 'ringing' && c.direction === 'inbound');
    if (ringing.some((c) => !c.autoAnswer)) ringer.start();
    else ringer.stop();
    for (const call of ringing) {
      if (call.autoAnswer && !beeped.current.has(call.id)) {
        beeped.current.add(call.id);
        ringer.beep();
      }
    }
  }, [calls]);
  useEffect(() => () => ringer.stop(), []);
}
