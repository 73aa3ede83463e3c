import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  HeadsetAction,
  HeadsetIndicators,
} from '../../../src-main/core/headset/headsetProtocol';
import { HeadsetSession } from '../../../src-main/core/headset/headsetSession';
import {
  bytesFromHex,
  parseHidDescriptor,
} from '../../../src-main/core/headset/hidReportDescriptor';
import {
  telephonyLayout,
  type TelephonyLayout,
} from '../../../src-main/core/headset/telephonyLayout';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { sharedDir } from '../../support/kamailio';

const descriptor = (name: string) =>
  parseHidDescriptor(
    bytesFromHex(readFileSync(path.join(sharedDir, 'fixtures/hid', `${name}.desc.txt`), 'utf8')),
  );

type Place = [reportId: number, bit: number];
type InputPlace = [reportId: number, bit: number, kind: 'switch' | 'toggle'];
interface Expected {
  inputs: Partial<
    Record<'hookSwitch' | 'phoneMute' | 'flash' | 'redial' | 'drop' | 'lineBusyTone', InputPlace>
  >;
  outputs: Partial<
    Record<'ledOffHook' | 'ledMute' | 'ledRing' | 'ledHold' | 'ledMicrophone' | 'ringer', Place>
  >;
  /** Data bytes of each output report. */
  outputBytes: Record<number, number>;
}

const jabraLayout: Expected = {
  inputs: {
    hookSwitch: [2, 0, 'switch'],
    lineBusyTone: [2, 1, 'switch'],
    phoneMute: [2, 2, 'toggle'],
    flash: [2, 3, 'toggle'],
    redial: [2, 4, 'toggle'],
  },
  outputs: {
    ledOffHook: [2, 0],
    ledMute: [2, 1],
    ledRing: [2, 2],
    ledHold: [2, 3],
    ledMicrophone: [2, 4],
    ringer: [2, 5],
  },
  outputBytes: { 2: 2 },
};

// Written by hand from each descriptor's items (Input 0x22 = Abs, No Preferred;
// 0x06 = Rel, Preferred; 0x02 = Abs, Preferred), not from the parser's output.
const headsets: Record<string, Expected> = {
  // Both Jabra models declare the same layout: one report, ID 2, for buttons and LEDs.
  'jabra-evolve-link-ms': jabraLayout,
  'jabra-biz-2400-ii': jabraLayout,
  'plantronics-blackwire-c5220': {
    inputs: {
      phoneMute: [8, 0, 'toggle'],
      hookSwitch: [8, 1, 'switch'],
      flash: [8, 2, 'switch'],
      redial: [8, 3, 'toggle'],
    },
    outputs: { ledMute: [0x09, 0], ledOffHook: [0x17, 0], ledRing: [0x18, 0], ledHold: [0x20, 0] },
    outputBytes: { 0x09: 1, 0x17: 1, 0x18: 1, 0x20: 1 },
  },
  'poly-bt700-bluetooth-adapter': {
    inputs: {
      hookSwitch: [0x20, 0, 'switch'],
      phoneMute: [0x20, 1, 'toggle'],
      flash: [0x20, 2, 'switch'],
      redial: [0x20, 3, 'toggle'],
    },
    outputs: { ledRing: [0x21, 0], ledMute: [0x23, 0], ledOffHook: [0x24, 0], ledHold: [0x25, 0] },
    outputBytes: { 0x21: 1, 0x23: 1, 0x24: 1, 0x25: 1 },
  },
  'sennheiser-sc660-anc-usb': {
    inputs: {
      phoneMute: [8, 0, 'toggle'],
      hookSwitch: [8, 1, 'switch'],
      redial: [8, 2, 'toggle'],
      flash: [8, 3, 'toggle'],
      drop: [8, 4, 'toggle'],
    },
    outputs: {
      ledMute: [9, 0],
      ledOffHook: [9, 1],
      ledRing: [9, 2],
      ledMicrophone: [9, 3],
      ledHold: [9, 5],
    },
    outputBytes: { 9: 1 },
  },
  // Nests a vendor application collection inside its telephony one; Hook Switch is Abs *with* Preferred State.
  'epos-impact-d1': {
    inputs: {
      hookSwitch: [2, 0, 'switch'],
      flash: [2, 1, 'toggle'],
      redial: [2, 2, 'toggle'],
      phoneMute: [2, 3, 'toggle'],
      drop: [2, 4, 'toggle'],
    },
    outputs: {
      ledOffHook: [3, 0],
      ledMicrophone: [3, 1],
      ledRing: [3, 2],
      ledMute: [3, 3],
      ledHold: [3, 5],
    },
    outputBytes: { 3: 1 },
  },
};

/** The input report a device sends with these controls down, built from the expected layout. */
function inputReport(
  expected: Expected,
  down: (keyof Expected['inputs'])[],
  reportId: number,
  bytes = 2,
): Buffer {
  const report = Buffer.alloc(1 + bytes);
  report[0] = reportId;
  for (const name of down) {
    const place = expected.inputs[name];
    if (place !== undefined && place[0] === reportId)
      report[1 + (place[1] >> 3)]! |= 1 << (place[1] & 7);
  }
  return report;
}

/** The LED reports the host should write for this state, from the expected layout. */
function expectedOutputs(expected: Expected, state: HeadsetIndicators): number[][] {
  const on: Record<keyof Expected['outputs'], boolean> = {
    ledOffHook: state.offHook,
    ledRing: state.ring,
    ringer: state.ring,
    ledMute: state.muted,
    ledMicrophone: state.muted,
    ledHold: state.held,
  };
  const reports = new Map<number, number[]>();
  for (const [id, size] of Object.entries(expected.outputBytes))
    reports.set(Number(id), [Number(id), ...Array<number>(size).fill(0)]);
  for (const [name, [id, bit]] of Object.entries(expected.outputs) as [
    keyof Expected['outputs'],
    Place,
  ][]) {
    if (on[name]) reports.get(id)![1 + (bit >> 3)]! |= 1 << (bit & 7);
  }
  return [...reports.values()];
}

describe.each(Object.entries(headsets))('%s', (name, expected) => {
  it('has its telephony controls where the descriptor puts them', () => {
    const layout = telephonyLayout(descriptor(name));
    expect(layout).toBeDefined();
    const inputs = Object.fromEntries(
      Object.entries(layout!.inputs).map(([k, c]) => [k, [c.reportId, c.bitOffset, c.kind]]),
    );
    const outputs = Object.fromEntries(
      Object.entries(layout!.outputs).map(([k, c]) => [k, [c.reportId, c.bitOffset]]),
    );
    expect(inputs).toEqual(expected.inputs);
    expect(outputs).toEqual(expected.outputs);
    for (const control of [...Object.values(layout!.inputs), ...Object.values(layout!.outputs)])
      expect(control.bitSize).toBe(1);
  });

  it('answers, mutes, holds and hangs up with the buttons, and shows it on the LEDs', () => {
    const layout = telephonyLayout(descriptor(name))!;
    const device = new FakeDevice();
    const call = {
      ringing: true,
      inCall: false,
      muted: false,
      held: false,
      actions: [] as HeadsetAction[],
    };
    const indicators = (): HeadsetIndicators => ({
      offHook: call.inCall,
      ring: call.ringing,
      muted: call.muted,
      held: call.held,
    });
    const session = new HeadsetSession(
      device,
      layout,
      {
        view: () => call,
        perform: (action) => {
          call.actions.push(action);
          if (action === 'answer') Object.assign(call, { ringing: false, inCall: true });
          if (action === 'hangUp')
            Object.assign(call, { inCall: false, muted: false, held: false });
          if (action === 'toggleMute') call.muted = !call.muted;
          if (action === 'flash') call.held = !call.held;
          session.show(indicators());
        },
      },
      silentLogger,
    );
    session.show(indicators());
    // Ringing: the ring LED (and ringer) on, nothing else.
    expect(sorted(device.written)).toEqual(sorted(expectedOutputs(expected, indicators())));
    const id = expected.inputs.hookSwitch![0];
    const hook = (down: (keyof Expected['inputs'])[]) =>
      device.emit('data', inputReport(expected, ['hookSwitch', ...down], id));

    device.written = [];
    hook([]); // off-hook while ringing
    expect(call.actions).toEqual(['answer']);
    expect(sorted(device.written)).toEqual(
      sorted(
        changedReports(
          expected,
          { offHook: false, ring: true, muted: false, held: false },
          indicators(),
        ),
      ),
    );

    hook(['phoneMute']); // mute pressed …
    hook([]); // … and released: one request, answered with the mute LEDs
    expect(call.actions).toEqual(['answer', 'toggleMute']);
    expect(call.muted).toBe(true);

    hook(['flash']);
    hook([]);
    expect(call.actions).toEqual(['answer', 'toggleMute', 'flash']);
    expect(call.held).toBe(true);
    // Off-Hook stays lit while holding.
    expect(sorted(outputsNow(layout, indicators()))).toEqual(
      sorted(expectedOutputs(expected, indicators())),
    );
    expect(indicators().offHook).toBe(true);

    device.emit('data', inputReport(expected, [], id)); // on-hook
    expect(call.actions).toEqual(['answer', 'toggleMute', 'flash', 'hangUp']);
    expect(call.inCall).toBe(false);
  });

  it('ignores garbage, short, foreign and repeated reports', () => {
    const layout = telephonyLayout(descriptor(name))!;
    const device = new FakeDevice();
    const actions: HeadsetAction[] = [];
    new HeadsetSession(
      device,
      layout,
      { view: () => ({ ringing: true, inCall: false }), perform: (a) => actions.push(a) },
      silentLogger,
    );
    const id = expected.inputs.hookSwitch![0];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
    for (let i = 0; i < 500; i++) {
      const length = random() % 70;
      const report = Buffer.from(Array.from({ length }, random));
      if (report[0] === id) report[0] = id ^ 0x80; // another report of the device, never the telephony one
      device.emit('data', report);
    }
    device.emit('data', Buffer.from([id])); // too short for its fields
    device.emit('data', Buffer.alloc(0));
    expect(actions).toEqual([]);
    const pressed = inputReport(expected, ['hookSwitch'], id, 64); // oversized, as Windows pads reports
    device.emit('data', pressed);
    device.emit('data', pressed);
    expect(actions).toEqual(['answer']);
  });
});

it('does not claim a gaming headset without a telephony collection (Logitech G535)', () => {
  expect(telephonyLayout(descriptor('logitech-g535-wireless-gaming-headset'))).toBeUndefined();
});

class FakeDevice extends EventEmitter {
  written: number[][] = [];
  write(data: number[]): number {
    this.written.push(data);
    return data.length;
  }
}

function sorted(reports: number[][]): string[] {
  return reports.map((r) => r.join(',')).sort();
}

function outputsNow(layout: TelephonyLayout, state: HeadsetIndicators): number[][] {
  const device = new FakeDevice();
  new HeadsetSession(
    device,
    layout,
    { view: () => ({ ringing: false, inCall: false }), perform: () => undefined },
    silentLogger,
  ).show(state);
  return device.written;
}

function changedReports(
  expected: Expected,
  before: HeadsetIndicators,
  after: HeadsetIndicators,
): number[][] {
  const old = new Set(sorted(expectedOutputs(expected, before)));
  return expectedOutputs(expected, after).filter((r) => !old.has(r.join(',')));
}
