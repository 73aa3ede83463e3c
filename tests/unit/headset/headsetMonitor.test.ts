import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeadsetMonitor, type HidAccess } from '../../../src-main/core/headset/headsetMonitor';
import type { HeadsetAction } from '../../../src-main/core/headset/headsetProtocol';
import { bytesFromHex } from '../../../src-main/core/headset/hidReportDescriptor';
import type { HidDeviceInfo } from '../../../src-main/core/headset/nodeHidAdapter';
import { silentLogger } from '../../../src-main/core/platform/ports';
import { WorkstationStatusBoard } from '../../../src-main/core/status/workstationStatusBoard';
import { sharedDir } from '../../support/kamailio';

const fixture = (name: string) =>
  bytesFromHex(readFileSync(path.join(sharedDir, 'fixtures/hid', `${name}.desc.txt`), 'utf8'));

const jabra: HidDeviceInfo = {
  path: '/dev/hidraw3',
  vendorId: 0x0b0e,
  productId: 0x0307,
  product: 'Jabra EVOLVE LINK MS',
  usagePage: undefined,
};
const biz: HidDeviceInfo = {
  path: '/dev/hidraw5',
  vendorId: 0x0b0e,
  productId: 0x2456,
  product: 'Jabra BIZ 2400 II',
  usagePage: undefined,
};
const g535: HidDeviceInfo = {
  path: '/dev/hidraw1',
  vendorId: 0x046d,
  productId: 0x0ac4,
  product: 'G535',
  usagePage: undefined,
};

/** Stands in for USB: which devices are plugged in, and which another program holds. */
class FakeUsb implements HidAccess {
  plugged: HidDeviceInfo[] = [];
  heldByOthers = new Set<string>();
  /** Where the system reads descriptors by opening the device (Windows, macOS), held means unreadable too. */
  descriptorNeedsOpen = false;
  opened: FakeDevice[] = [];
  list() {
    return Promise.resolve([...this.plugged]);
  }
  descriptor(devicePath: string) {
    if (this.descriptorNeedsOpen && this.heldByOthers.has(devicePath))
      return Promise.resolve(undefined);
    const product = this.plugged.find((d) => d.path === devicePath)?.product;
    return Promise.resolve(
      product === jabra.product
        ? fixture('jabra-evolve-link-ms')
        : product === biz.product
          ? fixture('jabra-biz-2400-ii')
          : fixture('logitech-g535-wireless-gaming-headset'),
    );
  }
  open(devicePath: string) {
    if (this.heldByOthers.has(devicePath))
      return Promise.reject(new Error('cannot open device with path ' + devicePath));
    const device = new FakeDevice();
    this.opened.push(device);
    return Promise.resolve(device);
  }
}
class FakeDevice extends EventEmitter {
  closed = false;
  written: number[][] = [];
  write(data: number[]) {
    this.written.push(data);
    return data.length;
  }
  close() {
    this.closed = true;
  }
}

function setup() {
  const usb = new FakeUsb();
  const status = new WorkstationStatusBoard({ now: () => new Date() });
  const actions: HeadsetAction[] = [];
  const monitor = new HeadsetMonitor(
    usb,
    status,
    { view: () => ({ ringing: true, inCall: false }), perform: (a) => actions.push(a) },
    silentLogger,
  );
  return { usb, status, actions, monitor };
}

describe('HeadsetMonitor', () => {
  it('claims a telephony headset when it is plugged in, never a gaming headset, and lets go when unplugged', async () => {
    const { usb, status, monitor } = setup();
    usb.plugged = [g535];
    await monitor.poll();
    expect(status.current().headset).toEqual({ state: 'none' });
    expect(usb.opened).toHaveLength(0);

    usb.plugged = [g535, jabra];
    await monitor.poll();
    expect(status.current().headset).toEqual({
      state: 'connected',
      deviceName: 'Jabra EVOLVE LINK MS',
    });
    expect(usb.opened).toHaveLength(1);

    usb.plugged = [g535];
    await monitor.poll();
    expect(status.current().headset).toEqual({ state: 'none' });
    expect(usb.opened[0]?.closed).toBe(true);
  });

  it('says so when another program holds the headset, and takes it when it is free', async () => {
    const { usb, status, monitor } = setup();
    usb.plugged = [jabra];
    usb.heldByOthers.add(jabra.path);
    await monitor.poll();
    expect(status.current().headset).toEqual({ state: 'busy', deviceName: 'Jabra EVOLVE LINK MS' });
    usb.heldByOthers.clear();
    await monitor.poll();
    expect(status.current().headset.state).toBe('connected');
  });

  it('where the descriptor needs the device open, a held headset is busy too, and claimed once free', async () => {
    const { usb, status, monitor } = setup();
    // Windows lists each collection with its usage page: this one is Telephony.
    const windowsJabra = { ...jabra, path: '\\\\?\\hid#vid_0b0e&pid_0307&col03', usagePage: 0x0b };
    usb.descriptorNeedsOpen = true;
    usb.plugged = [windowsJabra, { ...g535, path: '\\\\?\\hid#vid_046d', usagePage: 0x0c }];
    usb.heldByOthers.add(windowsJabra.path);
    await monitor.poll();
    expect(status.current().headset).toEqual({ state: 'busy', deviceName: 'Jabra EVOLVE LINK MS' });
    expect(usb.opened).toHaveLength(0);
    usb.heldByOthers.clear();
    await monitor.poll();
    expect(status.current().headset).toEqual({
      state: 'connected',
      deviceName: 'Jabra EVOLVE LINK MS',
    });
  });

  it('passes the headset buttons to the calls and shows the calls on its LEDs', async () => {
    const { usb, actions, monitor } = setup();
    monitor.show({ offHook: false, ring: true, muted: false, held: false });
    usb.plugged = [jabra];
    await monitor.poll();
    const device = usb.opened[0]!;
    // Ringing is shown at once on a headset plugged in during the ring: Ring LED (bit 2) and ringer (bit 5) of report 2.
    expect(device.written).toEqual([[2, 0b100100, 0]]);
    device.emit('data', Buffer.from([2, 0b1, 0])); // Hook Switch off-hook
    expect(actions).toEqual(['answer']);
  });

  it('notices a headset within the poll interval, on its own', async () => {
    const usb = new FakeUsb();
    const status = new WorkstationStatusBoard({ now: () => new Date() });
    const monitor = new HeadsetMonitor(
      usb,
      status,
      { view: () => ({ ringing: false, inCall: false }), perform: () => undefined },
      silentLogger,
      { pollMs: 50 },
    );
    monitor.start();
    try {
      usb.plugged = [jabra];
      const start = Date.now();
      while (status.current().headset.state !== 'connected' && Date.now() - start < 2000) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(status.current().headset.state).toBe('connected');
    } finally {
      monitor.stop();
    }
  });

  it('takes the headset chosen in Settings, found again after it is replugged elsewhere', async () => {
    const usb = new FakeUsb();
    const status = new WorkstationStatusBoard({ now: () => new Date() });
    let chosen: string | undefined = undefined;
    const monitor = new HeadsetMonitor(
      usb,
      status,
      { view: () => ({ ringing: false, inCall: false }), perform: () => undefined },
      silentLogger,
      { preferredId: () => chosen },
    );
    usb.plugged = [jabra, biz, g535];
    await monitor.poll();
    // Without a choice, the first telephony headset; the gaming headset is never offered.
    expect(status.current().headset.deviceName).toBe('Jabra EVOLVE LINK MS');
    expect(monitor.headsets().map((h) => h.product)).toEqual([
      'Jabra EVOLVE LINK MS',
      'Jabra BIZ 2400 II',
    ]);
    chosen = monitor.headsets()[1]!.id;
    await monitor.poll();
    expect(status.current().headset.deviceName).toBe('Jabra BIZ 2400 II');
    expect(usb.opened[0]!.closed).toBe(true);
    // Unplugged and plugged into another port: another path, the same headset.
    usb.plugged = [jabra, g535];
    await monitor.poll();
    usb.plugged = [{ ...biz, path: '/dev/hidraw9' }, jabra];
    await monitor.poll();
    expect(status.current().headset.deviceName).toBe('Jabra BIZ 2400 II');
    monitor.stop();
  });
});
