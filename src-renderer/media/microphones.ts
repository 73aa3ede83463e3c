import type { MediaDevicesChoice } from './mediaHost';

/**
 * The operator's microphone for calls: opened on the chosen device, and
 * opened early for a call that rings without an offer, so that answering it
 * does not wait for the device. An early microphone goes to whichever call
 * needs one next, and closes by itself if no call takes it within a minute.
 */
export class Microphones {
  /** Opened for a call that rang without an offer, for whichever call needs a microphone next. */
  private warmed:
    | { connectionId: number; stream: Promise<MediaStream>; timer: ReturnType<typeof setTimeout> }
    | undefined;

  constructor(private readonly devices: () => MediaDevicesChoice) {}

  /** A microphone for a call: the early one if there is one, else one opened now. */
  async take(): Promise<MediaStream> {
    const warmed = this.warmed;
    this.warmed = undefined;
    if (warmed !== undefined) {
      clearTimeout(warmed.timer);
      try {
        return await warmed.stream;
      } catch {
        // Opening it early failed; try again now, and report that failure if it repeats.
      }
    }
    return this.open();
  }

  /** Opens one early, for the call that `connectionId` rings for. */
  warm(connectionId: number): void {
    if (this.warmed !== undefined) return;
    const stream = this.open();
    // A call left ringing must not keep the microphone open for long.
    const timer = setTimeout(() => {
      if (this.warmed?.stream === stream) this.release();
    }, 60_000);
    stream.catch(() => {
      if (this.warmed?.stream === stream) this.warmed = undefined;
    });
    this.warmed = { connectionId, stream, timer };
  }

  /** The call it was opened for ended without taking it (the caller gave up): it closes now. */
  releaseFor(connectionId: number): void {
    if (this.warmed?.connectionId === connectionId) this.release();
  }

  release(): void {
    const warmed = this.warmed;
    if (warmed === undefined) return;
    this.warmed = undefined;
    clearTimeout(warmed.timer);
    // A microphone that never opened has nothing to close (and its failure is said when taken).
    warmed.stream.then((s) => s.getTracks().forEach((t) => t.stop())).catch(() => undefined);
  }

  private open(): Promise<MediaStream> {
    const { microphoneId } = this.devices();
    return navigator.mediaDevices.getUserMedia({
      audio: microphoneId === undefined ? true : { deviceId: { exact: microphoneId } },
      video: false,
    });
  }
}
