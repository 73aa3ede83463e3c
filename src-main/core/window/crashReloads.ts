/**
 * Whether a window whose renderer died should be reloaded: a reloaded window
 * takes its calls over again (the media bridge revives their connections), so
 * it is, once; a window that dies again soon after is left as it is, or a
 * renderer that crashes on start would crash in a loop.
 */
export class CrashReloads {
  private lastAt: number | undefined;

  constructor(private readonly quietMs = 30_000) {}

  shouldReload(reason: string, now: number): boolean {
    if (reason === 'clean-exit') return false;
    const again = this.lastAt !== undefined && now - this.lastAt < this.quietMs;
    this.lastAt = now;
    return !again;
  }
}
