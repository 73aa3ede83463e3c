import type { HidDescriptor, HidField } from './hidReportDescriptor';

const telephonyPage = 0x0b;
const ledPage = 0x08;
/** Telephony application collections: Headset (0x05) and Phone (0x01). */
const telephonyApplications = new Set([(telephonyPage << 16) | 0x05, (telephonyPage << 16) | 0x01]);

export const inputUsages = {
  hookSwitch: [telephonyPage, 0x20],
  flash: [telephonyPage, 0x21],
  redial: [telephonyPage, 0x24],
  drop: [telephonyPage, 0x26],
  phoneMute: [telephonyPage, 0x2f],
  lineBusyTone: [telephonyPage, 0x97],
} as const;
export const outputUsages = {
  ledMute: [ledPage, 0x09],
  ledOffHook: [ledPage, 0x17],
  ledRing: [ledPage, 0x18],
  ledHold: [ledPage, 0x20],
  ledMicrophone: [ledPage, 0x21],
  ringer: [telephonyPage, 0x9e],
} as const;
export type InputControl = keyof typeof inputUsages;
export type OutputControl = keyof typeof outputUsages;

/**
 * How a control reports itself, from the descriptor (HUT On/Off Control
 * encodings): an absolute switch whose value is the state, a relative button
 * that toggles on each press, or a pair of on/off buttons (+1 / -1).
 */
export type ControlKind = 'switch' | 'toggle' | 'onOff';

export interface TelephonyControl {
  reportId: number;
  bitOffset: number;
  bitSize: number;
  kind: ControlKind;
}

export interface TelephonyLayout {
  usesReportIds: boolean;
  inputs: Partial<Record<InputControl, TelephonyControl>>;
  outputs: Partial<Record<OutputControl, TelephonyControl>>;
  /** Data bits of each output report, for writing whole reports. */
  outputReportBits: Map<number, number>;
}

function kindOf(field: HidField): ControlKind {
  if (field.relative && field.logicalMin < 0) return 'onOff';
  if (field.relative) return 'toggle';
  return 'switch';
}

/**
 * The telephony controls of a device, or undefined when it has no telephony
 * application collection (a gaming headset's volume keys are not ours).
 * Only fields inside such a collection count, however deeply nested.
 */
export function telephonyLayout(descriptor: HidDescriptor): TelephonyLayout | undefined {
  const ours = descriptor.fields.filter(
    (f) => !f.constant && f.variable && f.applications.some((a) => telephonyApplications.has(a)),
  );
  if (ours.length === 0) return undefined;
  const find = (kind: 'input' | 'output', [page, usage]: readonly [number, number]) => {
    const field = ours.find((f) => f.kind === kind && f.usagePage === page && f.usage === usage);
    return field === undefined
      ? undefined
      : {
          reportId: field.reportId,
          bitOffset: field.bitOffset,
          bitSize: field.bitSize,
          kind: kindOf(field),
        };
  };
  const inputs: TelephonyLayout['inputs'] = {};
  for (const [name, usage] of Object.entries(inputUsages) as [
    InputControl,
    readonly [number, number],
  ][]) {
    const control = find('input', usage);
    if (control !== undefined) inputs[name] = control;
  }
  const outputs: TelephonyLayout['outputs'] = {};
  for (const [name, usage] of Object.entries(outputUsages) as [
    OutputControl,
    readonly [number, number],
  ][]) {
    const control = find('output', usage);
    if (control !== undefined) outputs[name] = control;
  }
  if (inputs.hookSwitch === undefined && inputs.phoneMute === undefined) return undefined;
  const outputReportBits = new Map<number, number>();
  for (const control of Object.values(outputs)) {
    outputReportBits.set(
      control.reportId,
      descriptor.reportBits.get(`output:${control.reportId}`) ?? 0,
    );
  }
  return { usesReportIds: descriptor.usesReportIds, inputs, outputs, outputReportBits };
}
