import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { actionsFor, HeadsetInputReader } from '../src-main/core/headset/headsetProtocol';
import { bytesFromHex, parseHidDescriptor } from '../src-main/core/headset/hidReportDescriptor';
import { telephonyLayout } from '../src-main/core/headset/telephonyLayout';
import type { Bench } from './benches';
import { percentile, round } from './stats';

const shared = process.env['PULT_SHARED_DIR'] ?? path.resolve(import.meta.dirname, '../../shared');

// HID report bytes → the call action, on a real headset's layout (Jabra EVOLVE LINK MS).
export const headsetBenches: Bench[] = [
  {
    name: 'hid',
    run() {
      const bytes = bytesFromHex(
        readFileSync(path.join(shared, 'fixtures/hid/jabra-evolve-link-ms.desc.txt'), 'utf8'),
      );
      const layout = telephonyLayout(parseHidDescriptor(bytes));
      if (layout === undefined) throw new Error('no telephony layout');
      const reader = new HeadsetInputReader(layout);
      const offHook = Uint8Array.from([2, 0b1, 0]);
      const onHook = Uint8Array.from([2, 0, 0]);
      const n = 100_000;
      const samples: number[] = [];
      for (let i = 0; i < n + 5000; i++) {
        const inCall = i % 2 === 1;
        const start = performance.now();
        const actions = actionsFor(reader.read(inCall ? onHook : offHook), layout, {
          ringing: !inCall,
          inCall,
        });
        const elapsed = (performance.now() - start) * 1000;
        if (actions.length !== 1) throw new Error('no action');
        if (i >= 5000) samples.push(elapsed);
      }
      return Promise.resolve([
        { name: 'hid.reportToAction.p95Us', value: round(percentile(samples, 95)), unit: 'us', n },
      ]);
    },
  },
];
