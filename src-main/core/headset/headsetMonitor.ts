import type { Logger } from '../platform/ports';
import type { WorkstationStatusBoard } from '../status/workstationStatusBoard';
import type { HeadsetIndicators } from './headsetProtocol';
import { HeadsetSession, type HeadsetCalls, type HidDeviceLike } from './headsetSession';
import { parseHidDescriptor } from './hidReportDescriptor';
import type { HidDeviceInfo } from './nodeHidAdapter';
import { telephonyLayout, type TelephonyLayout } from './telephonyLayout';

export interface HidAccess {
  list(): Promise<HidDeviceInfo[]>;
  descriptor(path: string): Promise<Uint8Array | undefined>;
  open(path: string): Promise<HidDeviceLike & { close(): unknown }>;
}

interface Claimed {
  info: HidDeviceInfo;
  device: HidDeviceLike & { close(): unknown };
  session: HeadsetSession;
}

/**
 * Finds and keeps the operator's headset: every poll it lists HID devices,
 * claims the chosen (or first) one that has a telephony collection, notices
 * when it is unplugged, and retries one that another program holds. The
 * status bar always says which of these is the case.
 */
export class HeadsetMonitor {
  private timer: NodeJS.Timeout | undefined;
  private claimed: Claimed | undefined;
  private readonly layouts = new Map<string, TelephonyLayout | null>();
  private indicators: HeadsetIndicators = {
    offHook: false,
    ring: false,
    muted: false,
    held: false,
  };
  private polling = false;
  private found: HidDeviceInfo[] = [];
  /** Each device's report descriptor as read (hex), for the diagnostics bundle. */
  private readonly descriptors = new Map<string, string>();

  constructor(
    private readonly hid: HidAccess,
    private readonly status: WorkstationStatusBoard,
    private readonly calls: HeadsetCalls,
    private readonly logger: Logger,
    private readonly options: {
      pollMs?: number;
      /** The headset chosen in Settings (headsetIdOf), or undefined for the first found. */
      preferredId?: () => string | undefined;
    } = {},
  ) {}

  start(): void {
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.pollMs ?? 2000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.release();
  }

  /** Shows the call state on the headset, now and on any headset plugged in later. */
  show(indicators: HeadsetIndicators): void {
    this.indicators = indicators;
    this.claimed?.session.show(indicators);
  }

  /** The telephony headsets plugged in at the last poll, for the choice in Settings. */
  headsets(): { id: string; product: string; claimed: boolean }[] {
    return this.found.map((info) => ({
      id: headsetIdOf(info),
      product: info.product,
      claimed: this.claimed?.info.path === info.path,
    }));
  }

  /** The headsets found with their report descriptors (hex): what a diagnostics bundle takes. */
  diagnostics(): { id: string; product: string; claimed: boolean; descriptor: string | null }[] {
    return this.headsets().map((headset, index) => ({
      ...headset,
      descriptor: this.descriptors.get(this.found[index]?.path ?? '') ?? null,
    }));
  }

  /** One round; exposed for tests and for "choose device" in Settings. */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const devices = await this.hid.list();
      if (this.claimed !== undefined && !devices.some((d) => d.path === this.claimed?.info.path)) {
        this.logger.info('headset: unplugged', { product: this.claimed.info.product });
        this.release();
      }
      const candidates: { info: HidDeviceInfo; layout: TelephonyLayout }[] = [];
      // Telephony collections (by the system's list) whose descriptor another program keeps from us.
      const held: HidDeviceInfo[] = [];
      for (const info of devices) {
        const layout = await this.layoutOf(info);
        if (layout === 'unreadable') {
          if (info.usagePage === 0x0b) held.push(info);
        } else if (layout !== undefined) candidates.push({ info, layout });
      }
      this.found = candidates.map((c) => c.info);
      const preferred = this.options.preferredId?.();
      const wanted = candidates.find((c) => headsetIdOf(c.info) === preferred) ?? candidates[0];
      if (wanted === undefined) {
        const busy = held[0];
        if (this.claimed === undefined)
          this.status.set(
            'headset',
            busy === undefined ? { state: 'none' } : { state: 'busy', deviceName: busy.product },
          );
        return;
      }
      if (this.claimed?.info.path === wanted.info.path) return;
      this.release();
      await this.claim(wanted.info, wanted.layout);
    } catch (error) {
      this.logger.warn('headset: listing devices failed', { error: String(error) });
      this.status.set('headset', { state: 'error', deviceName: String(error) });
    } finally {
      this.polling = false;
    }
  }

  private async layoutOf(info: HidDeviceInfo): Promise<TelephonyLayout | undefined | 'unreadable'> {
    if (info.usagePage !== undefined && info.usagePage !== 0x0b) return undefined;
    if (!this.layouts.has(info.path)) {
      const bytes = await this.hid.descriptor(info.path);
      // Not readable now (held by another application): asked again at the next look.
      if (bytes === undefined) return 'unreadable';
      this.descriptors.set(info.path, Buffer.from(bytes).toString('hex'));
      let layout: TelephonyLayout | undefined;
      try {
        layout = telephonyLayout(parseHidDescriptor(bytes));
      } catch (error) {
        this.logger.warn('headset: unreadable report descriptor', {
          product: info.product,
          error: String(error),
        });
      }
      this.layouts.set(info.path, layout ?? null);
    }
    return this.layouts.get(info.path) ?? undefined;
  }

  private async claim(info: HidDeviceInfo, layout: TelephonyLayout): Promise<void> {
    try {
      const device = await this.hid.open(info.path);
      const session = new HeadsetSession(device, layout, this.calls, this.logger);
      this.claimed = { info, device, session };
      session.show(this.indicators);
      this.status.set('headset', { state: 'connected', deviceName: info.product });
      this.logger.info('headset: claimed', {
        product: info.product,
        vendorId: info.vendorId,
        productId: info.productId,
      });
    } catch (error) {
      // Usually another softphone has it open exclusively; the next poll tries again.
      this.status.set('headset', { state: 'busy', deviceName: info.product });
      this.logger.warn('headset: could not open', { product: info.product, error: String(error) });
    }
  }

  private release(): void {
    const claimed = this.claimed;
    this.claimed = undefined;
    if (claimed === undefined) return;
    try {
      claimed.device.close();
    } catch {
      // already gone with the USB device
    }
    this.status.set('headset', { state: 'none' });
  }
}

/**
 * A headset's identity across unplugging: its path (/dev/hidraw3, a Windows
 * device path) changes from one plug to the next; vendor, product and name do not.
 */
export function headsetIdOf(info: HidDeviceInfo): string {
  return `${info.vendorId.toString(16)}:${info.productId.toString(16)}:${info.product}`;
}
