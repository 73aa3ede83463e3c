import { EventEmitter } from 'node:events';
import type { Clock, Logger } from '../platform/ports';
import type { UpdatePolicy } from '../../../src-shared/updates/updatePolicy';
import type {
  InstallAnswer,
  UpdateHold,
  UpdateState,
  UpdateView,
} from '../../../src-shared/updates/updateView';
import { firstCheckDelay, insideWindow, nextCheckDelay } from './updateTiming';

/**
 * What Pult uses of electron-updater's AppUpdater (the platform's updater in
 * the app: NSIS on Windows, DMG on macOS, AppImage/deb on Linux). It downloads
 * from the generic server, checks the file's sha512 against latest.yml and
 * keeps the verified installer in its cache until asked to install it.
 */
export interface UpdateEngine {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{
    isUpdateAvailable?: boolean;
    updateInfo: { version: string };
  } | null>;
  downloadUpdate(): Promise<string[]>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
}

/** electron-updater's code when the ring's latest.yml is not on the server (nothing published there yet). */
const channelFileMissing = 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND';

/**
 * Updates that never cut a call. It looks for a newer version on start and
 * every few hours, downloads it in the background as IT's policy allows
 * (ring, pinned version, hold), and offers it only when the operator is idle
 * (no call, no wrap-up, no outbound session) and inside IT's window; installing
 * is then the operator's choice, now or on quit. A failed check or a refused
 * download is shown and retried later; the running version is never touched.
 */
export class UpdateService {
  private readonly events = new EventEmitter<{ changed: [UpdateView] }>();
  private state: UpdateState;
  private lastCheckAt: Date | null = null;
  private nextCheckAt: Date | null = null;
  private failuresInARow = 0;
  private timer: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private checking: Promise<UpdateView> | undefined;
  private stopped = true;

  constructor(
    private readonly deps: {
      /** Absent when Pult runs from its sources (nothing installed to update). */
      engine: UpdateEngine | undefined;
      policy: () => UpdatePolicy;
      running: string;
      /** What the operator is busy with now, if anything: no install while so. */
      busy: () => 'call' | 'wrapUp' | 'outbound' | undefined;
      clock: Clock;
      logger: Logger;
      random?: () => number;
    },
  ) {
    this.state = this.offState() ?? { kind: 'notChecked' };
    const engine = deps.engine;
    if (engine !== undefined) {
      // Pult decides what to download (pin, hold) and when to install (never during work).
      engine.autoDownload = false;
      engine.autoInstallOnAppQuit = false;
      engine.on('download-progress', (progress) => {
        if (this.state.kind === 'downloading')
          this.set({ ...this.state, percent: Math.floor(progress.percent) });
      });
    }
  }

  view(): UpdateView {
    const policy = this.deps.policy();
    return {
      running: this.deps.running,
      ring: policy.ring,
      state: this.state,
      lastCheckAt: this.lastCheckAt?.toISOString() ?? null,
      nextCheckAt: this.nextCheckAt?.toISOString() ?? null,
      window: policy.window === undefined ? null : `${policy.window.from}–${policy.window.to}`,
    };
  }

  onChanged(listener: (view: UpdateView) => void): () => void {
    this.events.on('changed', listener);
    return () => this.events.off('changed', listener);
  }

  /** Starts looking: soon after start, then every few hours. */
  start(): void {
    this.stopped = false;
    this.schedule(firstCheckDelay(this.random));
    // IT's window opens and closes with the clock, not with the operator's work.
    this.ticker = setInterval(() => this.workChanged(), 60_000);
    this.ticker.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    this.timer = undefined;
  }

  /** IT changed the policy: off, on, another server or ring is taken at once. */
  policyChanged(): void {
    const off = this.offState();
    if (off !== undefined) {
      if (this.state.kind !== 'ready') this.set(off);
      clearTimeout(this.timer);
      this.nextCheckAt = null;
      return;
    }
    if (this.state.kind === 'off') this.set({ kind: 'notChecked' });
    else this.set({ ...this.state });
    if (!this.stopped) this.schedule(firstCheckDelay(this.random));
  }

  /** The operator's work changed (a call, a wrap-up): an update ready to install is held or offered. */
  workChanged(): void {
    if (this.state.kind !== 'ready') return;
    const heldBy = this.heldBy();
    if (heldBy !== this.state.heldBy) this.set({ ...this.state, heldBy });
  }

  /** Looks now (Settings' button, and the timer); one check at a time. */
  checkNow(): Promise<UpdateView> {
    this.checking ??= this.check().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  /** Installs the downloaded update now: only when ready and nothing holds it. */
  installNow(): InstallAnswer {
    if (this.state.kind !== 'ready' || this.deps.engine === undefined)
      return { ok: false, why: 'notReady' };
    const heldBy = this.heldBy();
    if (heldBy !== null) {
      this.set({ ...this.state, heldBy });
      return { ok: false, why: heldBy };
    }
    this.deps.logger.info('update: installing now', { version: this.state.version });
    // Silent (IT's install options stay as they were) and Pult starts again after it.
    this.deps.engine.quitAndInstall(true, true);
    return { ok: true };
  }

  /** Installs the downloaded update when the operator quits Pult. */
  installOnQuit(): InstallAnswer {
    if (this.state.kind !== 'ready' || this.deps.engine === undefined)
      return { ok: false, why: 'notReady' };
    this.deps.engine.autoInstallOnAppQuit = true;
    this.set({ ...this.state, installOnQuit: true });
    this.deps.logger.info('update: to be installed on quit', { version: this.state.version });
    return { ok: true };
  }

  private get random(): () => number {
    return this.deps.random ?? Math.random;
  }

  private offState(): UpdateState | undefined {
    const policy = this.deps.policy();
    if (this.deps.engine === undefined) return { kind: 'off', why: 'notInstalled' };
    if (!policy.enabled) return { kind: 'off', why: 'disabled' };
    if (policy.url === undefined) return { kind: 'off', why: 'noServer' };
    return undefined;
  }

  private heldBy(): UpdateHold | null {
    const busy = this.deps.busy();
    if (busy !== undefined) return busy;
    return insideWindow(this.deps.clock.now(), this.deps.policy().window) ? null : 'window';
  }

  private set(state: UpdateState): void {
    this.state = state;
    this.events.emit('changed', this.view());
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.nextCheckAt = new Date(this.deps.clock.now().getTime() + delayMs);
    this.timer = setTimeout(() => void this.checkNow(), delayMs);
    // A pending check must not keep a quitting process alive.
    this.timer.unref();
  }

  private async check(): Promise<UpdateView> {
    const engine = this.deps.engine;
    const policy = this.deps.policy();
    const off = this.offState();
    if (off !== undefined || engine === undefined || policy.url === undefined) {
      if (this.state.kind !== 'ready' && off !== undefined) this.set(off);
      return this.view();
    }
    // A verified download waits for its install; another check would only download it again.
    if (this.state.kind === 'ready') return this.view();
    this.lastCheckAt = this.deps.clock.now();
    this.set({ kind: 'checking' });
    engine.setFeedURL({
      provider: 'generic',
      url: `${policy.url.replace(/\/+$/, '')}/${policy.ring}/`,
    });
    // A pin below the running version is IT rolling a bad release back.
    engine.allowDowngrade = policy.pinVersion !== undefined;
    let offered: string;
    let available: boolean;
    try {
      const result = await engine.checkForUpdates();
      if (result === null) return this.settle({ kind: 'off', why: 'notInstalled' }, false);
      offered = result.updateInfo.version;
      available = result.isUpdateAvailable === true;
    } catch (error) {
      if (errorCode(error) === channelFileMissing)
        return this.settle({ kind: 'upToDate', offered: null, why: 'nothingPublished' }, true);
      this.deps.logger.warn('update: the server could not be asked', { detail: describe(error) });
      return this.settle(
        { kind: 'failed', problem: 'serverUnreachable', detail: describe(error), version: null },
        false,
      );
    }
    if (policy.pinVersion !== undefined && offered !== policy.pinVersion)
      return this.settle({ kind: 'upToDate', offered, why: 'pinned' }, true);
    if (!available) return this.settle({ kind: 'upToDate', offered, why: 'newest' }, true);
    if (policy.hold) return this.settle({ kind: 'upToDate', offered, why: 'held' }, true);
    this.set({ kind: 'downloading', version: offered, percent: 0 });
    try {
      await engine.downloadUpdate();
    } catch (error) {
      // electron-updater deletes a file whose sha512 is not latest.yml's; nothing is installed.
      this.deps.logger.error('update: the download was refused', {
        version: offered,
        detail: describe(error),
      });
      return this.settle(
        { kind: 'failed', problem: 'downloadRefused', detail: describe(error), version: offered },
        false,
      );
    }
    this.deps.logger.info('update: downloaded and verified', { version: offered });
    this.failuresInARow = 0;
    this.nextCheckAt = null;
    this.set({ kind: 'ready', version: offered, heldBy: this.heldBy(), installOnQuit: false });
    return this.view();
  }

  /** Ends a check: its state, and when to look again (sooner after a failure). */
  private settle(state: UpdateState, succeeded: boolean): UpdateView {
    this.failuresInARow = succeeded ? 0 : this.failuresInARow + 1;
    const intervalMs = this.deps.policy().checkEveryHours * 3_600_000;
    if (!this.stopped && state.kind !== 'off')
      this.schedule(nextCheckDelay(this.failuresInARow, intervalMs, this.random));
    this.set(state);
    return this.view();
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

/** The first line of an error: electron-updater's messages carry the whole response after it. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? text).slice(0, 300);
}
