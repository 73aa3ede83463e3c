import { callBenches } from './calls.bench';
import { clientBaseBenches } from './clientBase.bench';
import { headsetBenches } from './headset.bench';
import { hostileFileBenches } from './hostileFiles.bench';
import { ipcBenches } from './ipcDispatch.bench';
import { migrationBenches } from './migration.bench';
import { scriptBenches } from './scripts.bench';
import { scriptAppBenches } from './scriptsInApp.bench';
import { orderBenches } from './orders.bench';
import { orderAppBenches } from './ordersInApp.bench';
import { performanceBenches } from './performance.bench';
import { releaseBenches } from './release.bench';
import { campaignBenches } from './campaigns.bench';
import { syncBenches } from './sync.bench';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  n: number;
}
export interface Bench {
  /** Prefix of the figures it prints, used to select it. */
  name: string;
  run(): Promise<Figure[]>;
}

export const benches: Bench[] = [
  ...ipcBenches,
  ...headsetBenches,
  ...callBenches,
  ...clientBaseBenches,
  ...hostileFileBenches,
  ...migrationBenches,
  ...scriptBenches,
  ...scriptAppBenches,
  ...orderBenches,
  ...orderAppBenches,
  ...performanceBenches,
  ...releaseBenches,
  ...campaignBenches,
  ...syncBenches,
];
