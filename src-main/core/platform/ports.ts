/**
 * What the core needs from the platform, as small interfaces. The Electron layer
 * passes real implementations; tests pass plain objects. Nothing here may import
 * 'electron', so every core service runs under plain Node.
 */

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface Clock {
  now(): Date;
}

/** A persistent key/value store for one JSON document (electron-store in the app). */
export interface JsonStore<T> {
  read(): unknown;
  write(value: T): void;
}

/**
 * Secrets (SIP password, database key) encrypted by the OS: Electron's
 * safeStorage in the app. Never written as plain text anywhere.
 */
export interface SecretStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): void;
  /** The OS key is a fixed one (Linux without a keyring): stored secrets are only obscured. */
  weak(): boolean;
}

export const systemClock: Clock = { now: () => new Date() };

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
