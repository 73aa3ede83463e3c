import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFileDurably } from '../platform/durableFile';
import type { Logger } from '../platform/ports';
import {
  DatabaseKeyError,
  isDatabaseKey,
  isPlainDatabaseFile,
  newDatabaseKey,
  type DatabaseKey,
} from './encryption';

/** What keeps the database key secret on disk: the OS's own key (Electron's safeStorage). */
export interface KeyWrapping {
  available(): Promise<boolean>;
  /** Whether the OS key is a fixed one (Electron on Linux without a secret store). */
  weak(): boolean;
  wrap(plain: string): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<string>;
}

/**
 * The workstation's database key. It lives next to the base (`pult.sqlite.key`),
 * wrapped by the OS's key (DPAPI, Keychain, the desktop keyring), so the base
 * copied off the disk, or a backup of it, cannot be read elsewhere. It gets a
 * file of its own, not the settings or secrets store, which may be reset.
 *
 * The first start makes the key. If the OS cannot wrap one, there is no key:
 * the base stays plain, and the log says so. An encrypted base whose key is
 * gone, or no longer unwraps, is refused (DatabaseKeyError): making a new key
 * would not open it.
 */
export async function workstationDatabaseKey(
  databaseFile: string,
  wrapping: KeyWrapping,
  logger: Logger,
): Promise<DatabaseKey | undefined> {
  const keyFile = `${databaseFile}.key`;
  if (wrapping.weak())
    logger.warn('database: no OS secret store; the key file is wrapped with a fixed key', {
      file: keyFile,
    });
  if (existsSync(keyFile)) {
    let key: string;
    try {
      key = await wrapping.unwrap(readFileSync(keyFile));
    } catch {
      throw new DatabaseKeyError(databaseFile);
    }
    if (!isDatabaseKey(key)) throw new DatabaseKeyError(databaseFile);
    return key;
  }
  const hasData = existsSync(databaseFile) && statSync(databaseFile).size > 0;
  if (hasData && !isPlainDatabaseFile(databaseFile)) throw new DatabaseKeyError(databaseFile);
  if (!(await wrapping.available())) {
    logger.warn('database: the OS cannot keep a key here; the client base stays unencrypted', {
      file: databaseFile,
    });
    return undefined;
  }
  const key = newDatabaseKey();
  // Whole and on disk before the caller encrypts the base with it: a key file
  // half-written, or lost to a power cut after the base was rekeyed, would lock the base.
  writeFileDurably(keyFile, await wrapping.wrap(key), { mode: 0o600 });
  return key;
}
