import type { Logger } from '../platform/ports';
import {
  actionsFor,
  HeadsetInputReader,
  outputReports,
  type CallView,
  type HeadsetAction,
  type HeadsetIndicators,
} from './headsetProtocol';
import type { TelephonyLayout } from './telephonyLayout';

/** The part of a node-hid device the session uses: data events in, output reports out. */
export interface HidDeviceLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  write(data: number[]): unknown;
}

/** The call controller, as the headset sees it. */
export interface HeadsetCalls {
  view(): CallView;
  perform(action: HeadsetAction): void;
}

/**
 * One claimed headset: its buttons drive the calls, and the calls' state is
 * shown on its LEDs. Output reports are written only when what they show
 * changes.
 */
export class HeadsetSession {
  private readonly reader: HeadsetInputReader;
  private written = new Map<number, string>();

  constructor(
    private readonly device: HidDeviceLike,
    private readonly layout: TelephonyLayout,
    private readonly calls: HeadsetCalls,
    private readonly logger: Logger,
  ) {
    this.reader = new HeadsetInputReader(layout);
    device.on('data', (data) => this.onData(data));
    device.on('error', (error) =>
      this.logger.warn('headset: device error', { error: String(error) }),
    );
  }

  /** Shows the call state on the headset (call after every change of the calls). */
  show(state: HeadsetIndicators): void {
    for (const report of outputReports(this.layout, state)) {
      const id = this.layout.usesReportIds ? (report[0] ?? 0) : 0;
      const key = Array.from(report).join(',');
      if (this.written.get(id) === key) continue;
      this.written.set(id, key);
      try {
        this.device.write(Array.from(report));
      } catch (error) {
        this.logger.warn('headset: could not write an output report', { error: String(error) });
      }
    }
  }

  private onData(data: Buffer): void {
    try {
      const changes = this.reader.read(new Uint8Array(data));
      for (const action of actionsFor(changes, this.layout, this.calls.view()))
        this.calls.perform(action);
    } catch (error) {
      this.logger.warn('headset: report ignored', { error: String(error) });
    }
  }
}
