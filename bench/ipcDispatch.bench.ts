import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src-main/core/platform/ports';
import { defaultUserSettings, type SettingsView } from '../src-shared/settings/userSettingsSchema';
import { dispatchInvoke, type InvokeHandlers } from '../src-main/ipc/dispatch';
import type { Bench } from './benches';
import { percentile, round } from './stats';

// What main adds to every renderer call: channel, sender and zod payload checks, of
// the request and of the response (a whole settings view, as the app answers).
const view: SettingsView = { values: defaultUserSettings, locked: [] };
const handlers = {
  'settings.update': (patch: object) => ({ ...view, values: { ...view.values, ...patch } }),
} as unknown as InvokeHandlers;
const sender = { url: 'app://pult/index.html', isTopFrame: true };

export const ipcBenches: Bench[] = [
  {
    name: 'ipc.dispatch',
    async run() {
      const n = 100_000;
      for (let i = 0; i < 5_000; i++) {
        await dispatchInvoke(
          handlers,
          'settings.update',
          { language: 'en' },
          sender,
          'app://pult',
          silentLogger,
        );
      }
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        const result = await dispatchInvoke(
          handlers,
          'settings.update',
          { language: i % 2 ? 'en' : 'uk' },
          sender,
          'app://pult',
          silentLogger,
        );
        samples.push((performance.now() - start) * 1000);
        // A refused answer takes another path: what is timed must be the call that works.
        if (!result.ok) throw new Error(`settings.update failed: ${result.error.message}`);
      }
      return [{ name: 'ipc.dispatch.p95Us', value: round(percentile(samples, 95)), unit: 'us', n }];
    },
  },
];
