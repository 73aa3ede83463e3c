/**
 * The ring of an inbound call, made with WebAudio (no sound file to ship or
 * to be blocked by the CSP) and played on the chosen ring device. Also the
 * short beep before an auto-answered call.
 */
export class Ringer {
  private audio:
    { context: AudioContext; destination: AudioNode; element: HTMLAudioElement } | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly deviceId: () => string,
    /** A ring that would not play on its device: the window says so. */
    private readonly onProblem: (error: unknown) => void,
  ) {}

  /**
   * Makes the audio output ahead of time: creating an AudioContext takes a
   * while, and the first ring is exactly when the window should be drawing
   * the caller's card instead.
   */
  prepare(): void {
    this.output();
  }

  /** The tones go through an audio element, because only an element can choose its output device. */
  private output(): { context: AudioContext; destination: AudioNode } {
    if (this.audio === undefined) {
      const context = new AudioContext();
      const destination = context.createMediaStreamDestination();
      const element = new Audio();
      element.srcObject = destination.stream;
      this.audio = { context, destination, element };
    }
    const { context, destination, element } = this.audio;
    const device = this.deviceId();
    if (element.sinkId !== device) element.setSinkId(device).catch(this.onProblem);
    element.play().catch(this.onProblem);
    context.resume().catch(this.onProblem);
    return { context, destination };
  }

  private tone(frequencies: number[], seconds: number): void {
    const { context, destination } = this.output();
    const gain = context.createGain();
    gain.gain.setValueAtTime(0.15, context.currentTime);
    gain.gain.setValueAtTime(0, context.currentTime + seconds);
    gain.connect(destination);
    for (const frequency of frequencies) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start();
      oscillator.stop(context.currentTime + seconds);
    }
  }

  /** Rings (a European ring: 1 s on, 4 s off) until stop(). */
  start(): void {
    if (this.timer !== undefined) return;
    const ring = () => this.tone([425], 1);
    ring();
    this.timer = setInterval(ring, 5000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  isRinging(): boolean {
    return this.timer !== undefined;
  }

  beep(): void {
    this.tone([880], 0.2);
  }
}
