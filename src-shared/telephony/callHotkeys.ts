import type { CallAction, CallView } from './callView';

/**
 * What the call hotkeys do with the calls on screen: answer takes the ringing
 * call, hang-up ends the one being talked on (never a ringing one: that is
 * Reject, a deliberate click), hold and mute act on the current call.
 */
export function callActionForKey(
  key: 'answer' | 'hangUp' | 'hold' | 'mute',
  calls: readonly CallView[],
): CallAction | undefined {
  const ringing = calls.find((c) => c.state === 'ringing' && c.direction === 'inbound');
  const active = calls.find((c) => c.state === 'active' || c.state === 'connecting');
  const held = calls.find((c) => c.state === 'held');
  const outboundRinging = calls.find((c) => c.state === 'ringing' && c.direction === 'outbound');
  switch (key) {
    case 'answer':
      return ringing === undefined ? undefined : { action: 'answer', id: ringing.id };
    case 'hangUp': {
      const current = active ?? held ?? outboundRinging;
      return current === undefined ? undefined : { action: 'hangup', id: current.id };
    }
    case 'hold':
      if (active !== undefined) return { action: 'hold', id: active.id };
      return held === undefined ? undefined : { action: 'resume', id: held.id };
    case 'mute':
      return active === undefined
        ? undefined
        : { action: 'mute', id: active.id, muted: !active.muted };
  }
}

/**
 * A hotkey as Settings stores it ("F2", "mod+Enter", "alt+shift+H") as an
 * Electron accelerator ("F2", "CommandOrControl+Enter", "Alt+Shift+H").
 */
export function toAccelerator(hotkey: string): string {
  const names: Record<string, string> = {
    mod: 'CommandOrControl',
    ctrl: 'Control',
    alt: 'Alt',
    shift: 'Shift',
    meta: 'Super',
    enter: 'Enter',
    space: 'Space',
    escape: 'Escape',
    backspace: 'Backspace',
    delete: 'Delete',
    insert: 'Insert',
    home: 'Home',
    end: 'End',
    pageup: 'PageUp',
    pagedown: 'PageDown',
  };
  return hotkey
    .split('+')
    .map((part) => names[part.toLowerCase()] ?? part.toUpperCase())
    .join('+');
}
