import type { InputControl, TelephonyControl, TelephonyLayout } from './telephonyLayout';

/** HID packs fields least significant bit first, across byte boundaries. */
export function readBits(data: Uint8Array, offset: number, size: number, signed: boolean): number {
  let value = 0;
  for (let i = 0; i < size; i++) {
    const bit = offset + i;
    if (((data[bit >> 3] ?? 0) >> (bit & 7)) & 1) value |= 1 << i;
  }
  return signed && size > 0 && value & (1 << (size - 1)) ? value - (1 << size) : value;
}

function writeBits(data: Uint8Array, offset: number, size: number, value: number): void {
  for (let i = 0; i < size; i++) {
    const bit = offset + i;
    const byte = bit >> 3;
    if (byte >= data.length) return;
    const current = data[byte] ?? 0;
    data[byte] = (value >> i) & 1 ? current | (1 << (bit & 7)) : current & ~(1 << (bit & 7));
  }
}

export interface ControlChange {
  control: InputControl;
  value: number;
  previous: number;
}

/**
 * Turns input reports into changes of the telephony controls. A report for
 * another report ID, one too short for the fields, or one that changes
 * nothing yields nothing: headsets repeat reports, and a garbage report must
 * never answer or drop a call.
 */
export class HeadsetInputReader {
  private readonly last = new Map<InputControl, number>();

  constructor(private readonly layout: TelephonyLayout) {}

  read(report: Uint8Array): ControlChange[] {
    const changes: ControlChange[] = [];
    for (const [control, field] of Object.entries(this.layout.inputs) as [
      InputControl,
      TelephonyControl,
    ][]) {
      const data = this.dataOf(report, field.reportId);
      if (data === undefined || data.length * 8 < field.bitOffset + field.bitSize) continue;
      const value = readBits(data, field.bitOffset, field.bitSize, field.kind === 'onOff');
      const previous = this.last.get(control) ?? 0;
      if (value === previous) continue;
      this.last.set(control, value);
      changes.push({ control, value, previous });
    }
    return changes;
  }

  private dataOf(report: Uint8Array, reportId: number): Uint8Array | undefined {
    if (!this.layout.usesReportIds) return report;
    return report[0] === reportId ? report.subarray(1) : undefined;
  }
}

export type HeadsetAction = 'answer' | 'hangUp' | 'toggleMute' | 'flash' | 'redial';

export interface CallView {
  ringing: boolean;
  inCall: boolean;
}

/**
 * What the operator meant: off-hook while ringing answers, on-hook in a call
 * hangs up, a mute press toggles mute, flash holds or swaps. A switch reports
 * its state; a toggle button acts on the press (0 → 1), not the release.
 */
export function actionsFor(
  changes: readonly ControlChange[],
  layout: TelephonyLayout,
  call: CallView,
): HeadsetAction[] {
  const actions: HeadsetAction[] = [];
  for (const { control, value, previous } of changes) {
    const kind = layout.inputs[control]?.kind ?? 'switch';
    const pressed = kind === 'onOff' ? value !== 0 : previous === 0 && value === 1;
    switch (control) {
      case 'hookSwitch':
        if (kind === 'switch') {
          if (value === 1 && call.ringing) actions.push('answer');
          else if (value === 0 && call.inCall) actions.push('hangUp');
        } else if (kind === 'onOff') {
          if (value === 1 && call.ringing) actions.push('answer');
          else if (value === -1 && call.inCall) actions.push('hangUp');
        } else if (pressed) {
          if (call.ringing) actions.push('answer');
          else if (call.inCall) actions.push('hangUp');
        }
        break;
      case 'phoneMute':
        if (call.inCall && (kind === 'switch' || pressed)) actions.push('toggleMute');
        break;
      case 'flash':
        if (call.inCall && pressed) actions.push('flash');
        break;
      case 'drop':
        if (call.inCall && pressed) actions.push('hangUp');
        break;
      case 'redial':
        if (pressed && !call.inCall && !call.ringing) actions.push('redial');
        break;
      case 'lineBusyTone':
        break;
    }
  }
  return actions;
}

export interface HeadsetIndicators {
  offHook: boolean;
  ring: boolean;
  muted: boolean;
  held: boolean;
}

/**
 * The output reports that show the call on the headset. Off-Hook stays on for
 * the whole call, hold included (clearing it makes some Jabra headsets report
 * on-hook, which would end the call); the Mute and Microphone LEDs both carry
 * the mute state, which is how the host confirms a mute request. Each report
 * starts with its ID when the device uses IDs.
 */
export function outputReports(layout: TelephonyLayout, state: HeadsetIndicators): Uint8Array[] {
  const values: Partial<Record<keyof TelephonyLayout['outputs'], boolean>> = {
    ledOffHook: state.offHook,
    ledRing: state.ring,
    ringer: state.ring,
    ledMute: state.muted,
    ledMicrophone: state.muted,
    ledHold: state.held,
  };
  const reports = new Map<number, Uint8Array>();
  for (const [name, field] of Object.entries(layout.outputs) as [
    keyof TelephonyLayout['outputs'],
    TelephonyControl,
  ][]) {
    let report = reports.get(field.reportId);
    if (report === undefined) {
      const bytes = Math.ceil((layout.outputReportBits.get(field.reportId) ?? 0) / 8);
      report = new Uint8Array(bytes + (layout.usesReportIds ? 1 : 0));
      if (layout.usesReportIds) report[0] = field.reportId;
      reports.set(field.reportId, report);
    }
    const data = layout.usesReportIds ? report.subarray(1) : report;
    writeBits(data, field.bitOffset, field.bitSize, values[name] === true ? 1 : 0);
  }
  return [...reports.values()];
}
