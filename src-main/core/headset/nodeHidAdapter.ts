import { readFile } from 'node:fs/promises';
import path from 'node:path';
import HID from 'node-hid';
import { readDescriptorThroughHidapi } from './hidapiDescriptor';

export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  product: string;
  usagePage: number | undefined;
}

/**
 * The only module that touches node-hid: it lists devices and reads report
 * descriptors; everything else is plain TypeScript fed with bytes.
 */
export async function listHidDevices(): Promise<HidDeviceInfo[]> {
  const devices = await HID.devicesAsync();
  return devices
    .filter((d): d is HID.Device & { path: string } => typeof d.path === 'string')
    .map((d) => ({
      path: d.path,
      vendorId: d.vendorId,
      productId: d.productId,
      product: d.product ?? '',
      usagePage: d.usagePage,
    }));
}

/**
 * A device's report descriptor. On Linux it is in sysfs next to the hidraw
 * node (where the test fixtures came from), readable even while another
 * application holds the device; elsewhere hidapi reads it (hidapiDescriptor),
 * and a device another application holds exclusively gives undefined, for now.
 */
export async function readReportDescriptor(devicePath: string): Promise<Uint8Array | undefined> {
  const match = /^\/dev\/(hidraw\d+)$/.exec(devicePath);
  if (match !== null) {
    try {
      return new Uint8Array(
        await readFile(path.join('/sys/class/hidraw', match[1] ?? '', 'device/report_descriptor')),
      );
    } catch {
      return undefined;
    }
  }
  // A failure to load hidapi's functions is thrown: the status bar shows it.
  return readDescriptorThroughHidapi(devicePath);
}

export function openHidDevice(devicePath: string): Promise<HID.HIDAsync> {
  return HID.HIDAsync.open(devicePath);
}
