import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDescriptorThroughHidapi } from '../../src-main/core/headset/hidapiDescriptor';
import { listHidDevices, readReportDescriptor } from '../../src-main/core/headset/nodeHidAdapter';
import {
  HidDescriptorError,
  parseHidDescriptor,
} from '../../src-main/core/headset/hidReportDescriptor';
import { exportedFunctions } from '../support/nativeExports';

const repo = path.resolve(import.meta.dirname, '../..');

describe('node-hid, the real module', () => {
  it('loads and lists the HID devices of this machine (there are none here)', async () => {
    const devices = await listHidDevices();
    expect(Array.isArray(devices)).toBe(true);
    for (const device of devices) expect(typeof device.path).toBe('string');
  });

  it('reads no descriptor for a device that is not there', async () => {
    expect(await readReportDescriptor('/dev/hidraw999')).toBeUndefined();
    // Not a hidraw path: asked through hidapi, from node-hid's own binary, which finds no device.
    expect(await readReportDescriptor('\\\\?\\hid#vid_0b0e')).toBeUndefined();
    expect(await readDescriptorThroughHidapi('/dev/hidraw999')).toBeUndefined();
  });

  it("node-hid's Windows and macOS builds export the hidapi functions the descriptor is read with", () => {
    const prebuilds = path.join(repo, 'node_modules/node-hid/prebuilds');
    const builds = readdirSync(prebuilds).filter((name) => /^HID-(win32|darwin)-/.test(name));
    expect(builds).toEqual(
      expect.arrayContaining(['HID-win32-x64', 'HID-darwin-x64', 'HID-darwin-arm64']),
    );
    for (const build of builds) {
      const exported = exportedFunctions(
        readFileSync(path.join(prebuilds, build, 'node-napi-v4.node')),
      );
      expect(exported, build).toEqual(
        expect.arrayContaining(['hid_open_path', 'hid_get_report_descriptor', 'hid_close']),
      );
    }
  });
});

describe('parser robustness', () => {
  it('fails only with its own clear error on random bytes, never hangs or throws anything else', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: random() % 120 }, random);
      try {
        parseHidDescriptor(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(HidDescriptorError);
      }
    }
  });

  it('restores globals on Pop and assigns usage ranges', () => {
    const bytes = Uint8Array.from([
      0x05,
      0x0b,
      0x09,
      0x05,
      0xa1,
      0x01, // Telephony page, Headset, Application
      0x15,
      0x00,
      0x25,
      0x01,
      0x75,
      0x01,
      0x95,
      0x01, // 0..1, 1 bit, 1 field
      0xa4, // Push
      0x05,
      0x08,
      0x19,
      0x17,
      0x29,
      0x18,
      0x95,
      0x02,
      0x91,
      0x22, // LED Off-Hook..Ring as outputs
      0xb4, // Pop: back to the Telephony page, count 1
      0x09,
      0x20,
      0x81,
      0x22, // Hook Switch input
      0xc0,
    ]);
    const { fields } = parseHidDescriptor(bytes);
    expect(fields.map((f) => [f.kind, f.usagePage, f.usage, f.bitOffset])).toEqual([
      ['output', 0x08, 0x17, 0],
      ['output', 0x08, 0x18, 1],
      ['input', 0x0b, 0x20, 0],
    ]);
    expect(() => parseHidDescriptor(Uint8Array.from([0xb4]))).toThrow(HidDescriptorError);
    expect(() => parseHidDescriptor(Uint8Array.from([0xa1, 0x01]))).toThrow(/never ended/);
  });
});
